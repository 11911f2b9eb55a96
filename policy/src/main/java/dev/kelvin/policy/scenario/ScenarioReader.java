package dev.kelvin.policy.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.policy.RuleConfig;
import dev.kelvin.policy.RuleParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a scenario file: a map with one key, {@code scenarios}, a list of scenarios each with
 * a {@code name}, optional {@code settings} (the shape of {@code kelvin.yaml}'s {@code policy:}
 * section), {@code given} facts ({@link GivenReader}) and the {@code expect}ed actions. Keys
 * are strict: an unknown key, a wrong type or a bad id anywhere is a {@link ScenarioException}
 * naming the file, the scenario and the key.
 */
public final class ScenarioReader {
  private static final long MAX_BYTES = 4 << 20;
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ScenarioReader() {}

  /** The scenarios in {@code file}. */
  public static List<Scenario> read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ScenarioException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB: is it"
            + " really a scenario file?");
      }
      return read(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot be read: " + e, e);
    }
  }

  /** The scenarios in {@code yaml}, read from {@code file} (as messages name it). */
  public static List<Scenario> read(String file, String yaml) {
    Map<String, Object> root = parse(file, yaml);
    if (!root.keySet().equals(Set.of("scenarios")) || !(root.get("scenarios") instanceof List)) {
      throw new ScenarioException(file + ": the file must hold one key, scenarios, with a list"
          + " of scenarios under it; found keys " + root.keySet());
    }
    List<?> elements = (List<?>) root.get("scenarios");
    List<Scenario> scenarios = new ArrayList<>(elements.size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < elements.size(); i++) {
      Scenario scenario = scenario(file, i, elements.get(i));
      if (!names.add(scenario.name())) {
        throw new ScenarioException(file + ": scenario '" + scenario.name() + "' twice: give"
            + " each scenario its own name");
      }
      scenarios.add(scenario);
    }
    return List.copyOf(scenarios);
  }

  private static Scenario scenario(String file, int index, Object element) {
    if (!(element instanceof Map<?, ?> map)) {
      throw new ScenarioException(file + ": scenarios[" + index + "] must be a map with name,"
          + " given and expect, was " + element);
    }
    if (!(map.get("name") instanceof String name) || name.isBlank()) {
      throw new ScenarioException(file + ": scenarios[" + index + "].name: missing or not"
          + " text; give each scenario a name, a sentence saying what the rules do");
    }
    @SuppressWarnings("unchecked")
    ConfigTree tree = new ConfigTree(file + ": scenario '" + name + "'",
        (Map<String, ?>) map);
    try {
      tree.string("name", name);
      RuleParameters parameters = RuleConfig.parameters(tree.section("settings"));
      ClusterSnapshot snapshot = GivenReader.snapshot(tree.section("given"));
      List<Prediction> predictions = GivenReader.predictions(tree.section("given"));
      List<ExpectedAction> expected = tree.sections("expect").stream()
          .map(ScenarioReader::expected).toList();
      tree.requireNoUnknownKeys();
      return new Scenario(file, name, parameters, snapshot, predictions, expected);
    } catch (ConfigException e) {
      throw new ScenarioException(e.getMessage(), e);
    }
  }

  private static ExpectedAction expected(ConfigTree element) {
    String typeName = element.string("type", "");
    String target = element.string("target", "");
    Optional<String> rule = element.optionalString("rule");
    OptionalDouble value = element.optionalDecimal("value", -1e12, 1e12);
    if (typeName.isEmpty() || target.isEmpty()) {
      throw new ConfigException(element.source(), element.sectionPath(), null,
          "an expected action needs a type and a target, e.g. {type: drain_node, target:"
              + " site-a/n01}");
    }
    ActionType type = typeOf(element, typeName);
    return element.build(() -> new ExpectedAction(type, target, rule, value));
  }

  private static ActionType typeOf(ConfigTree element, String name) {
    for (ActionType type : ActionType.values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
        return type;
      }
    }
    return ActionType.fromName(name).orElseThrow(() -> new ConfigException(element.source(),
        element.sectionPath() + ".type", name, "not an action type; one of "
            + java.util.Arrays.stream(ActionType.values()).map(ScenarioText::name).toList()));
  }

  private static Map<String, Object> parse(String file, String yaml) {
    if (yaml.isBlank()) {
      throw new ScenarioException(file + ": empty; a scenario file holds scenarios: [...]");
    }
    try {
      Map<String, Object> root = MAPPER.readValue(yaml, new TypeReference<>() {});
      if (root == null) {
        throw new ScenarioException(file + ": empty; a scenario file holds scenarios: [...]");
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr()
          + " column " + e.getLocation().getColumnNr();
      throw new ScenarioException(file + ":" + where + " not valid YAML: "
          + e.getOriginalMessage(), e);
    }
  }
}
