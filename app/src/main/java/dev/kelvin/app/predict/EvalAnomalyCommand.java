package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.anomaly.AnomalyEvaluation;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.telemetry.TelemetryDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin eval anomaly}: scores a recording's later ticks, which the model did not see,
 * with both anomaly methods and the baseline (the corrected memory errors of the last 15
 * minutes), against the rows before warned failures; prints a table and writes JSON and a
 * self-contained HTML report on request.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = "Evaluates an anomaly model on held-back later telemetry against the"
        + " 15-minute memory error count (docs/predictor.md).")
public final class EvalAnomalyCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "The model file (from kelvin train anomaly).")
  private Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "A telemetry file (kelvin simulate --record-features).")
  private Path data;

  @Option(names = "--test-from", paramLabel = "DATE", converter = FailureOptions.Date.class,
      description = "Test on ticks from DATE on; default: where the model's training ended."
          + " A date before that is refused.")
  private Instant testFrom;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the figures as JSON.")
  private Path json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a self-contained HTML report (ROC and PR curves).")
  private Path html;

  @Override
  public void run() {
    FailureProgress progress = new FailureProgress(spec.commandLine().getErr());
    try {
      AnomalyModel loaded = AnomalyModel.of(ModelFile.read(model));
      Instant trainedUntil = loaded.file().meta().trainedUntil();
      Instant from = testFrom != null ? testFrom : trainedUntil;
      if (from.isBefore(trainedUntil)) {
        throw new StartupException("--test-from " + from + " is before " + trainedUntil
            + ", where the model's training ended: it would be tested on what it learnt from");
      }
      AnomalyEvaluation evaluation = AnomalyEvaluation.of(loaded, data, from, progress);
      AnomalyTable.print(spec.commandLine().getOut(), loaded, evaluation);
      write(json, AnomalyJson.render(loaded, model, evaluation));
      write(html, AnomalyHtml.render(loaded, evaluation));
    } catch (ModelFileException | TelemetryDataException | IllegalArgumentException
        | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
