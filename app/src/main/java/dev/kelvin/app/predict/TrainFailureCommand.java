package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.datasets.failure.FailureDataException;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.failure.FailureTrainer;
import dev.kelvin.predictor.failure.FailureTraining;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin train failure}: reads failure data, trains a random forest and XGBoost on the
 * time before {@code --until} (per data set, the last quarter of its failures when not given),
 * keeps the better on a later validation part, calibrates it and writes a model file.
 */
@Command(name = "failure", mixinStandardHelpOptions = true,
    description = "Trains a failure model (which nodes fail within the horizon) on failure logs"
        + " and writes a model file (docs/predictor.md).")
public final class TrainFailureCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "A failure data set folder (lanl-failures-1996-2005, grid5000-failures-fta,"
          + " titan-gpu-reliability, hpc-disk-failures) or the reference data root for all.")
  private Path data;

  @Option(names = "--until", paramLabel = "DATE", converter = FailureOptions.Date.class,
      description = "Train only on what is known before DATE (2004-06-01 or an instant);"
          + " default: per data set, the time before which 3/4 of its failures lie.")
  private Instant until;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The model file to write.")
  private Path out;

  @Option(names = "--horizon", paramLabel = "DURATION", converter = FailureOptions.Horizon.class,
      description = "How far ahead a failure counts (7d, 1d, P7D); default: the data's own"
          + " (7 days for the failure logs).")
  private Duration horizon;

  @Option(names = "--max-examples-per-system", paramLabel = "N", defaultValue = "100000",
      description = "Sample a system's negatives beyond N examples (weighted; default ${DEFAULT-VALUE}).")
  private int maxExamplesPerSystem;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice"
      + " (default ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public void run() {
    PrintWriter err = spec.commandLine().getErr();
    FailureProgress progress = new FailureProgress(err);
    try {
      ExampleSettings settings = new ExampleSettings(Optional.ofNullable(horizon),
          maxExamplesPerSystem, seed);
      List<FailureExamples> sources = new ArrayList<>();
      for (FailureSources.Found found : FailureSources.find(data)) {
        sources.add(found.examples(settings, progress));
      }
      FailureTrainer.Settings trainer = FailureTrainer.Settings.defaults();
      FailureTraining training = new FailureTrainer(new FailureTrainer.Settings(
          trainer.forestTrees(), trainer.forestDepth(), trainer.boostRounds(),
          trainer.boostDepth(), trainer.maxTrainingExamples(), seed), progress)
          .train(sources, Optional.ofNullable(until), out);
      print(training, spec.commandLine().getOut());
    } catch (FailureDataException | IllegalArgumentException | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static void print(FailureTraining training, PrintWriter out) {
    out.printf(Locale.ROOT, "%-10s %12s %12s %10s%n", "algorithm", "val PR-AUC", "val ROC-AUC",
        "seconds");
    for (FailureTraining.Candidate c : training.candidates()) {
      out.printf(Locale.ROOT, "%-10s %12.4f %12.4f %10.1f%s%n", c.algorithm().shortName(),
          c.validation().prAuc(), c.validation().rocAuc(), c.trainingSeconds(),
          c.algorithm() == training.kept() ? "  kept" : "");
    }
    out.printf(Locale.ROOT, "threshold %.4f (best F1 on validation: precision %.3f, recall"
        + " %.3f)%n", training.threshold(), training.validation().precision(),
        training.validation().recall());
    out.println("wrote " + training.file().path() + " (" + training.file().version() + ")");
    out.flush();
  }
}
