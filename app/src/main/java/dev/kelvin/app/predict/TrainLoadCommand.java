package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.load.LoadHorizons;
import dev.kelvin.predictor.load.LoadModelFiles;
import dev.kelvin.predictor.load.LoadSplit;
import dev.kelvin.predictor.load.LoadTrainer;
import dev.kelvin.predictor.load.LoadTraining;
import dev.kelvin.predictor.model.ModelFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kelvin train load}: trains the load and power forecaster on data before a date. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Trains the load forecaster (5, 15 and 60 minutes ahead; on hourly data 60"
        + " minutes only) on the load traces before --until and writes a model file.",
        "Data: PlanetLab CPU (planetlab*.csv.gz), BioHPC GPU telemetry (biohpc*.csv.gz), SWF"
            + " job logs (*.swf.gz): a file, or a folder holding them; one step per model."})
public final class TrainLoadCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "A load trace, or a folder of them; may be given more than once.")
  private List<Path> data;

  @Option(names = "--until", paramLabel = "DATE", converter = LoadDateOption.class,
      description = "Train only on data that ends before this (YYYY-MM-DD or an instant);"
          + " default: 70 % into the data's time range, at the start of that day.")
  private Instant until;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The model file to write.")
  private Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seeds the samples and the"
      + " trainers (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--examples-per-trace", defaultValue = "60000", paramLabel = "N",
      description = "At most N training examples per trace, a uniform sample"
          + " (default ${DEFAULT-VALUE}).")
  private int examplesPerTrace;

  @Override
  public void run() {
    PrintWriter err = spec.commandLine().getErr();
    LoadData loaded = LoadData.read(data, err);
    Instant boundary = until != null ? until : LoadSplit.defaultBoundary(loaded.series());
    err.println("training on data before " + boundary + (until == null ? " (70 % of the time"
        + " range; set it with --until)" : ""));
    LoadTraining training;
    ModelFile file;
    try {
      LoadTrainer.Settings defaults = LoadTrainer.Settings.DEFAULT;
      training = LoadTrainer.train(loaded.series(), boundary, loaded.sha256(),
          new LoadTrainer.Settings(seed, examplesPerTrace, defaults.validationAnchorsPerTrace(),
              defaults.validationShare()), line -> err.println(line));
      file = LoadModelFiles.write(out, training, loaded.described(), loaded.sha256());
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
    LoadHorizons horizons = training.model().horizons();
    if (!horizons.dropped().isEmpty()) {
      err.println("note: horizons " + horizons.dropped() + " are not a whole number of the"
          + " data's step " + horizons.step() + " and are not forecast");
    }
    spec.commandLine().getOut().printf(Locale.ROOT,
        "wrote %s: %s, %s, horizons %s, step %s, %d examples, trained on %s .. %s%n", out,
        file.version(), training.algorithm().shortName(), horizons.keys(),
        minutes(horizons.step()), training.examples(), training.trainedFrom(),
        training.trainedUntil());
  }

  private static String minutes(Duration step) {
    return step.toMinutes() + " min";
  }
}
