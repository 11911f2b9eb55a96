package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.datasets.failure.FailureDataException;
import dev.kelvin.predictor.anomaly.AnomalyMethod;
import dev.kelvin.predictor.anomaly.AnomalyTrainer;
import dev.kelvin.predictor.anomaly.AnomalyTraining;
import dev.kelvin.predictor.failure.DataFiles;
import dev.kelvin.predictor.telemetry.TelemetryDataException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin train anomaly}: fits both anomaly methods (robust z-scores against peers, a
 * one-class SVM) on recorded telemetry before {@code --until}, keeps the one that singles out
 * the rows before warned failures better on a later validation part, and writes a model file.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = "Trains the per-node anomaly detector on recorded simulator telemetry and"
        + " writes a model file (docs/predictor.md).")
public final class TrainAnomalyCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "A telemetry file (kelvin simulate --record-features).")
  private Path data;

  @Option(names = "--until", paramLabel = "DATE", converter = FailureOptions.Date.class,
      description = "Train only on ticks before DATE (2024-01-18 or an instant); default: three"
          + " quarters of the way through the recording.")
  private Instant until;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The model file to write.")
  private Path out;

  @Override
  public void run() {
    FailureProgress progress = new FailureProgress(spec.commandLine().getErr());
    try {
      if (!Files.isRegularFile(data)) {
        throw new StartupException("--data " + data + " is no file: give a telemetry file"
            + " written by kelvin simulate --record-features");
      }
      progress.accept("hashing " + data + " ...");
      String sha = DataFiles.of(List.of(data)).sha256();
      Instant end = until != null ? until : AnomalyRanges.defaultUntil(data, progress);
      AnomalyTraining training = AnomalyTrainer.train(data, sha, end, out, progress);
      print(training, end, spec.commandLine().getOut());
    } catch (TelemetryDataException | FailureDataException | IllegalArgumentException
        | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static void print(AnomalyTraining training, Instant until, PrintWriter out) {
    out.printf(Locale.ROOT, "trained on %,d rows of %,d ticks before %s%n", training.rows(),
        training.ticks(), until);
    out.printf(Locale.ROOT, "%-14s %16s%n", "method", "val ROC-AUC");
    for (AnomalyMethod method : AnomalyMethod.values()) {
      out.printf(Locale.ROOT, "%-14s %16s%s%n", method.wireName(),
          TableCell.number(training.validationRocAuc().get(method), 4),
          method == training.kept() ? "  kept" : "");
    }
    out.println("wrote " + training.file().path() + " (" + training.file().version() + ")");
    out.flush();
  }
}
