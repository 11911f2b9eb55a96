package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.datasets.failure.FailureDataException;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin eval failure}: scores a failure model on the later part of failure data that it
 * did not see, beside the baseline "failed in the last 7 days"; prints a table per system and
 * writes JSON and a self-contained HTML report on request.
 */
@Command(name = "failure", mixinStandardHelpOptions = true,
    description = "Evaluates a failure model on held-back later failure data against the"
        + " baseline 'failed in the last 7 days' (docs/predictor.md).")
public final class EvalFailureCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "The model file (from kelvin train failure).")
  private Path model;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "A failure data set folder or the reference data root.")
  private Path data;

  @Option(names = "--test-from", paramLabel = "DATE", converter = FailureOptions.Date.class,
      description = "Test on anchors from DATE on; default: per data set, where the model's"
          + " training ended. A date before that is refused.")
  private Instant testFrom;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the figures as JSON.")
  private Path json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a self-contained HTML report (ROC, PR, lead times).")
  private Path html;

  @Option(names = "--max-examples-per-system", paramLabel = "N", defaultValue = "100000",
      description = "Sample a system's negatives beyond N examples (weighted; default ${DEFAULT-VALUE}).")
  private int maxExamplesPerSystem;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampling"
      + " (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "100",
      description = "Resamples of whole nodes for the PR-AUC gain's 90 % interval; 0 for none"
          + " (default ${DEFAULT-VALUE}).")
  private int resamples;

  @Override
  public void run() {
    FailureProgress progress = new FailureProgress(spec.commandLine().getErr());
    try {
      FailureModel failureModel = FailureModel.of(ModelFile.read(model));
      progress.accept("model " + failureModel.file().version() + " ("
          + failureModel.file().meta().algorithm() + ", horizon " + failureModel.horizon()
          + ", threshold " + failureModel.threshold() + ")");
      FailureEvalRun run = FailureEvalRun.of(failureModel, FailureSources.find(data),
          Optional.ofNullable(testFrom), new ExampleSettings(Optional.empty(),
              maxExamplesPerSystem, seed), resamples, progress);
      PrintWriter out = spec.commandLine().getOut();
      out.print(FailureTable.render(run));
      SimFailureReport.print(out, failureModel, FailureSources.find(data), run.testFrom());
      out.flush();
      if (json != null) {
        write(json, FailureJson.render(run));
        progress.accept("wrote " + json);
      }
      if (html != null) {
        write(html, FailureHtml.render(run));
        progress.accept("wrote " + html);
      }
    } catch (ModelFileException | FailureDataException | IllegalArgumentException
        | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartupException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
