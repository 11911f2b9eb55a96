package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.load.LoadEvaluator;
import dev.kelvin.predictor.load.LoadModel;
import dev.kelvin.predictor.load.LoadScores;
import dev.kelvin.predictor.load.LoadSplit;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin eval load}: the forecaster's MASE per trace and horizon on data strictly later
 * than its training data, beside persistence and seasonal-naive (one day).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Evaluates a load model on the data from --test-from on: MASE per trace and"
        + " horizon (scaled by the in-sample one-step naive MAE of each trace before"
        + " --test-from) against persistence and seasonal-naive."})
public final class EvalLoadCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "A model file written by kelvin train load.")
  private Path model;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "A load trace, or a folder of them; may be given more than once.")
  private List<Path> data;

  @Option(names = "--test-from", paramLabel = "DATE", converter = LoadDateOption.class,
      description = "Test on forecasts made from this on; not before the end of the model's"
          + " training data. Default: 70 % into the data's time range, or the end of the"
          + " model's training data where that is later.")
  private Instant testFrom;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as"
      + " JSON.")
  private Path json;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a report page with"
      + " forecasts plotted against what happened.")
  private Path html;

  @Option(names = "--anchors-per-trace", defaultValue = "200000", paramLabel = "N",
      description = "Judge at most N forecasts per trace, a uniform sample"
          + " (default ${DEFAULT-VALUE}).")
  private int anchorsPerTrace;

  @Option(names = "--seed", defaultValue = "7", description = "Seeds that sample"
      + " (default ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public void run() {
    PrintWriter err = spec.commandLine().getErr();
    ModelFile file;
    LoadModel forecaster;
    try {
      file = ModelFile.read(model);
      forecaster = LoadModel.of(file);
    } catch (ModelFileException e) {
      throw new StartupException(e.getMessage(), e);
    }
    err.println("model " + file.version() + " (" + file.meta().algorithm() + "), trained on "
        + file.meta().trainedFrom() + " .. " + file.meta().trainedUntil());
    LoadData loaded = LoadData.read(data, err);
    Instant from = testFrom(file, loaded);
    requireStep(forecaster, loaded);
    err.println("forecasting from " + from + " on");
    LoadScores scores = LoadEvaluator.evaluate(forecaster, loaded.series(), from,
        anchorsPerTrace, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.print(LoadTable.render(scores));
    out.flush();
    if (json != null) {
      LoadJson.write(json, LoadJson.figures(scores, file, loaded));
      err.println("wrote " + json);
    }
    if (html != null) {
      LoadHtml.write(html, scores, file, loaded);
      err.println("wrote " + html);
    }
  }

  private Instant testFrom(ModelFile file, LoadData loaded) {
    Instant trainedUntil = file.meta().trainedUntil();
    if (testFrom != null) {
      if (testFrom.isBefore(trainedUntil)) {
        throw new StartupException("--test-from " + testFrom + " is before the end of the"
            + " model's training data, " + trainedUntil + ": the test would judge forecasts of"
            + " values it was trained on; test from " + trainedUntil + " or later");
      }
      return testFrom;
    }
    Instant fraction = LoadSplit.defaultBoundary(loaded.series());
    return fraction.isBefore(trainedUntil) ? trainedUntil : fraction;
  }

  private static void requireStep(LoadModel forecaster, LoadData loaded) {
    loaded.series().stream().filter(s -> !s.step().equals(forecaster.horizons().step()))
        .findFirst().ifPresent(s -> {
          throw new StartupException("series " + s.name() + " has a step of " + s.step()
              + ", the model forecasts series of " + forecaster.horizons().step()
              + " (evaluate each data set with a model trained on it)");
        });
  }
}
