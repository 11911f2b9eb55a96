package dev.kelvin.app.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.failure.FailureBaseline;
import dev.kelvin.predictor.failure.SystemEvaluation;

/**
 * The evaluation as JSON: the top level holds all test examples pooled (or the one system),
 * {@code systems} each system's; a figure without a defined value is {@code null}.
 */
final class FailureJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private FailureJson() {}

  static String render(FailureEvalRun run) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("version", run.model().file().version());
    model.put("file", run.modelPath().toString());
    model.put("algorithm", run.model().file().meta().algorithm());
    model.put("features", run.model().features().id());
    model.put("horizon", run.model().horizon().toString());
    model.put("threshold", run.model().threshold());
    root.put("baseline", FailureBaseline.DESCRIPTION);
    ObjectNode from = root.putObject("test_from");
    run.testFrom().forEach((source, at) -> from.put(source, at.toString()));
    figures(root, run.evaluation().pooled());
    ObjectNode systems = root.putObject("systems");
    run.evaluation().systems().forEach((name, s) -> figures(systems.putObject(name), s));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
  }

  private static void figures(ObjectNode node, SystemEvaluation s) {
    node.put("examples", s.examples());
    node.put("failures", s.failures());
    node.put("positive_share", s.model().positiveShare());
    metrics(node, "", s.model());
    metrics(node, "baseline_", s.baseline());
    leads(node, "", s.modelLeads());
    leads(node, "baseline_", s.baselineLeads());
    node.put("beats_baseline", s.beatsBaseline());
    number(node, "pr_auc_gain_low", s.prAucGain().low());
    number(node, "pr_auc_gain_high", s.prAucGain().high());
    node.put("pr_auc_gain_level", s.prAucGain().level());
  }

  private static void metrics(ObjectNode node, String prefix, BinaryMetrics m) {
    number(node, prefix + "pr_auc", m.prAuc());
    number(node, prefix + "roc_auc", m.rocAuc());
    number(node, prefix + "precision", m.precision());
    number(node, prefix + "recall", m.recall());
    number(node, prefix + "f1", m.f1());
  }

  private static void leads(ObjectNode node, String prefix, LeadTimes leads) {
    node.put(prefix + "failures_caught", leads.caught());
    number(node, prefix + "lead_time_median_s", leads.medianSeconds());
    number(node, prefix + "lead_time_p10_s", leads.quantileSeconds(0.1));
    number(node, prefix + "lead_time_p90_s", leads.quantileSeconds(0.9));
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
