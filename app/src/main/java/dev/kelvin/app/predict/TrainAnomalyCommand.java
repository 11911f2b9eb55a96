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
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code kelvin train anomaly}: fits both anomaly methods (robust z-scores against peers, a
 * one-class SVM) on recorded telemetry before {@code --until}, keeps the one that singles out
 * the rows before warned failures better on a later validation part (or the one {@code --method}
 * names), and writes a model file that records the method kept and who chose it.
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

  @Option(names = "--method", paramLabel = "METHOD", converter = MethodOption.class,
      description = "Keep this method: peer_zscore (compares each node with its peers at the"
          + " same tick, so it travels to other hardware) or one_class_svm (learns the recorded"
          + " machine's absolute values); default: the one with the better validation ROC-AUC.")
  private AnomalyMethod method;

  /** {@code --method}: a method's wire name; anything else is refused with the valid names. */
  static final class MethodOption implements ITypeConverter<AnomalyMethod> {
    @Override
    public AnomalyMethod convert(String text) {
      try {
        return AnomalyMethod.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + text + "' is no anomaly method: give one of "
            + AnomalyMethod.wireNames() + " (or leave --method out to keep the one that"
            + " validates better)");
      }
    }
  }

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
      AnomalyTraining training = AnomalyTrainer.train(data, sha, end,
          Optional.ofNullable(method), out, progress);
      print(training, end, spec.commandLine().getOut());
    } catch (TelemetryDataException | FailureDataException | IllegalArgumentException
        | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static void print(AnomalyTraining training, Instant until, PrintWriter out) {
    out.printf(Locale.ROOT, "trained on %,d rows of %,d ticks before %s%n", training.rows(),
        training.ticks(), until);
    out.printf(Locale.ROOT, "%-14s %16s %12s%n", "method", "val ROC-AUC", "threshold");
    for (AnomalyMethod each : AnomalyMethod.values()) {
      out.printf(Locale.ROOT, "%-14s %16s %12s%s%n", each.wireName(),
          TableCell.number(training.validationRocAuc().get(each), 4),
          TableCell.number(training.validationThreshold().get(each), 4),
          each == training.kept() ? "  kept (chosen by " + training.chosenBy().wireName() + ")"
              : "");
    }
    out.println("wrote " + training.file().path() + " (" + training.file().version() + ")");
    out.flush();
  }
}
