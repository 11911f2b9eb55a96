package dev.kelvin.app.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelvin.predictor.anomaly.AnomalyEvaluation;
import dev.kelvin.predictor.anomaly.AnomalyEvaluation.Result;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import java.nio.file.Path;

/**
 * The anomaly evaluation as JSON: the top level holds the kept method's figures and the
 * baseline's ({@code baseline_} prefix), {@code scorers} every scorer's; a figure without a
 * defined value is {@code null}.
 */
final class AnomalyJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private AnomalyJson() {}

  static String render(AnomalyModel model, Path modelPath, AnomalyEvaluation evaluation) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode about = root.putObject("model");
    about.put("version", model.file().version());
    about.put("file", modelPath.toString());
    about.put("method", model.method().wireName());
    about.put("features", model.file().meta().features().id());
    about.put("window", model.window().toString());
    root.put("threshold", model.threshold());
    root.put("baseline", "corrected memory errors in the last 15 minutes, flagged from "
        + (int) AnomalyEvaluation.BASELINE_THRESHOLD);
    root.put("test_from", evaluation.testFrom().toString());
    root.put("rows", evaluation.rows());
    root.put("ticks", evaluation.ticks());
    root.put("failures", evaluation.failures());
    figures(root, "", evaluation.methods().get(model.method()));
    figures(root, "baseline_", evaluation.baseline());
    ObjectNode scorers = root.putObject("scorers");
    for (Result result : AnomalyTable.ordered(model, evaluation)) {
      figures(scorers.putObject(result.name()), "", result);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
  }

  private static void figures(ObjectNode node, String prefix, Result result) {
    number(node, prefix + "roc_auc", result.metrics().rocAuc());
    number(node, prefix + "pr_auc", result.metrics().prAuc());
    number(node, prefix + "precision", result.metrics().precision());
    number(node, prefix + "recall", result.metrics().recall());
    node.put(prefix + "failures_flagged", result.leads().caught());
    number(node, prefix + "lead_time_median_s", result.leads().medianSeconds());
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
