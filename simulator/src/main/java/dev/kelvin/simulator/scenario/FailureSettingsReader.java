package dev.kelvin.simulator.scenario;

import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.simulator.scenario.FailureSettings.ScriptedFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code failures} section of a scenario. */
final class FailureSettingsReader {
  private static final Duration YEARS_100 = Duration.ofDays(36_500);

  private FailureSettingsReader() {}

  static FailureSettings read(ConfigTree section) {
    String model = section.string("model", FailureSettings.LANL);
    double rateScale = section.decimal("rate_scale", 1, 0, 100);
    Duration lead = section.duration("lead", Duration.ofMinutes(30), Duration.ofSeconds(1),
        Duration.ofDays(7));
    OptionalDouble share = section.optionalDecimal("precursor_share", 0, 1);
    Duration checkpoint = section.duration("checkpoint_every", Duration.ofHours(1),
        Duration.ofSeconds(1), Duration.ofDays(365));
    List<ScriptedFailure> scripted = section.sections("scripted", FailureSettingsReader::one);
    if (!model.equals(FailureSettings.NONE) && !model.equals(FailureSettings.LANL)) {
      throw refused(section, "model", quoted(model), "must be none or lanl (the model fitted"
          + " to the LANL failure log)");
    }
    return new FailureSettings(model, rateScale, lead, share, checkpoint, scripted);
  }

  private static ScriptedFailure one(ConfigTree element) {
    Optional<String> site = element.optionalString("site");
    OptionalDouble node = element.optionalDecimal("node", 1, SiteReader.MAX_NODES);
    Duration at = element.duration("at", Duration.ZERO, Duration.ZERO, YEARS_100);
    Duration repair = element.duration("repair", Duration.ofHours(1), Duration.ofSeconds(1),
        Duration.ofDays(365));
    if (node.isEmpty() || node.getAsDouble() != Math.rint(node.getAsDouble())) {
      throw node.isEmpty() ? ScenarioKeys.missing(element, "node", "the node's number in its"
          + " site, from 1 (n0001), e.g. node: 42") : refused(element, "node",
          ScenarioKeys.number(node.getAsDouble()), "must be a whole node number, from 1");
    }
    return new ScriptedFailure(site.orElseThrow(() -> ScenarioKeys.missing(element, "site",
        "name the site of the failing node, e.g. site: a")), (int) node.getAsDouble(), at,
        repair);
  }
}
