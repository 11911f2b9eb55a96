package dev.kelvin.simulator.scenario;

import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.simulator.scenario.Scenario.SchedulerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a {@link Scenario} from a configuration tree (what the YAML scenario file decodes to).
 *
 * <p>Every key is read first, with the checks its type and range allow; then keys given but
 * never read are refused with the nearest known one; then required keys, unique site names,
 * the trace file and the rules folder are checked. So a misspelt key is reported before the
 * missing value it was meant to give, and the trace file is known to be there before a run
 * starts. Every refusal is a {@link ConfigException} of one line: file, key, value, reason.
 */
public final class ScenarioReader {
  /** The name a document read from no file goes by in messages. */
  public static final String DEFAULT_SOURCE = "scenario.yaml";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private ScenarioReader() {}

  /**
   * Reads every key of {@code root} and refuses keys it does not know.
   *
   * @param paths where relative paths in the scenario (trace file, rules folder) are looked for
   * @throws ConfigException naming the first key at fault, or every unknown key
   */
  public static Scenario read(ConfigTree root, ScenarioPaths paths) {
    return read(root, paths, policy -> { });
  }

  /**
   * As {@link #read(ConfigTree, ScenarioPaths)}, handing the scenario's {@code policy:}
   * section (the rule settings, read as {@code kelvin.yaml}'s, by whoever knows the rules) to
   * {@code policy} before unknown keys are refused; a section nobody reads is refused key by
   * key.
   */
  public static Scenario read(ConfigTree root, ScenarioPaths paths,
      Consumer<ConfigTree> policy) {
    Optional<String> name = root.optionalString("name");
    long seed = root.longInteger("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    ConfigTree traceSection = root.section("trace");
    TraceSourceReader trace = new TraceSourceReader(traceSection);
    List<ScenarioSite> sites = root.sections("sites", SiteReader::read);
    ConfigTree controlSection = root.section("control");
    ControlSettings control = SettingsReader.control(controlSection);
    PowerSettings power = SettingsReader.power(root.section("power"));
    CoolingSettings cooling = SettingsReader.cooling(root.section("cooling"));
    TelemetrySettings telemetry = SettingsReader.telemetry(root.section("telemetry"));
    FailureSettings failures = FailureSettingsReader.read(root.section("failures"));
    SchedulerKind scheduler = root.enumValue("scheduler", SchedulerKind.class,
        SchedulerKind.EASY);
    List<ScenarioEvent> events = root.sections("events", EventReader::read);
    policy.accept(root.section("policy"));
    root.requireNoUnknownKeys();
    String checkedName = requireName(root, name);
    requireSites(root, sites);
    requireScriptedNodes(root, sites, failures);
    EventReader.requireSites(root, sites, events);
    TraceSource source = trace.resolve(paths);
    ControlSettings resolvedControl = SettingsReader.resolveModels(controlSection,
        SettingsReader.resolvePolicy(controlSection, control, paths), paths);
    return root.build(() -> new Scenario(checkedName, seed, source, sites, resolvedControl,
        power, cooling, telemetry, failures, scheduler, events));
  }

  /**
   * Every key a scenario may give, with its default as a scenario file writes it, in reading
   * order; required keys and keys unset by default show {@code none}.
   */
  public static List<ConfigKey> keys() {
    return keys(policy -> { });
  }

  /** As {@link #keys()}, with the keys {@code policy} reads in the {@code policy:} section. */
  public static List<ConfigKey> keys(Consumer<ConfigTree> policy) {
    ConfigTree empty = new ConfigTree(DEFAULT_SOURCE, Map.of());
    try {
      read(empty, ScenarioPaths.beside(Path.of("")), policy);
    } catch (ConfigException requiredKeysMissing) {
      // an empty scenario has no name, trace or site: every key was read all the same
    }
    return empty.keysRead();
  }

  private static String requireName(ConfigTree root, Optional<String> name) {
    String given = name.orElseThrow(() -> ScenarioKeys.missing(root, "name",
        "give the scenario a name, e.g. name: kth-year"));
    if (!NAME.matcher(given).matches()) {
      throw refused(root, "name", quoted(given), "must be 1 to 64 letters, digits, '.', '_' or"
          + " '-' (it names the report's folder and files)");
    }
    return given;
  }

  private static void requireScriptedNodes(ConfigTree root, List<ScenarioSite> sites,
      FailureSettings failures) {
    for (FailureSettings.ScriptedFailure failure : failures.scripted()) {
      ScenarioSite site = sites.stream().filter(s -> s.name().equals(failure.site()))
          .findFirst().orElseThrow(() -> refused(root.section("failures"), "scripted",
              quoted(failure.site()), "names no site of the scenario"));
      if (failure.node() > site.nodes()) {
        throw refused(root.section("failures"), "scripted", String.valueOf(failure.node()),
            "site " + site.name() + " has " + site.nodes() + " nodes");
      }
    }
  }

  private static void requireSites(ConfigTree root, List<ScenarioSite> sites) {
    if (sites.isEmpty()) {
      throw refused(root, "sites", null, "at least one site is needed, e.g."
          + " sites: [{name: a, nodes: 100}]");
    }
    SiteReader.requireUniqueNames(root.sections("sites"), sites);
  }
}
