package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureEvaluation;
import dev.kelvin.predictor.failure.FailureExample;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.failure.FailureSplit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One evaluation: the test examples of every source from its test date on, scored by the model,
 * measured against the baseline.
 *
 * @param model the model evaluated
 * @param testFrom each source's first test anchor time
 * @param examples the test examples, all sources
 * @param evaluation the figures
 */
record FailureEvalRun(FailureModel model, Map<String, Instant> testFrom,
    List<FailureExample> examples, FailureEvaluation evaluation) {

  static FailureEvalRun of(FailureModel model, List<FailureSources.Found> found,
      Optional<Instant> testFrom, ExampleSettings settings, int resamples,
      Consumer<String> progress) {
    Map<String, Instant> from = new LinkedHashMap<>();
    List<FailureExample> test = new ArrayList<>();
    for (FailureSources.Found one : found) {
      FailureExamples examples = one.examples(settings.withHorizon(model.horizon()), progress);
      model.file().requireFeatures(examples.features());
      Instant start = testFrom(model, examples, testFrom);
      List<FailureExample> own = FailureSplit.test(examples, start);
      progress.accept(examples.source() + ": testing on " + own.size() + " examples from "
          + start);
      from.put(examples.source(), start);
      test.addAll(own);
    }
    progress.accept("scoring " + test.size() + " test examples");
    double[] p = model.probabilities(test.stream().map(FailureExample::features).toList());
    progress.accept("measuring, with " + resamples + " resamples of nodes per system");
    return new FailureEvalRun(model, from, test,
        FailureEvaluation.of(test, p, model.threshold(), model.features(), resamples));
  }

  /**
   * The test date of a source: the one given, else the end of what the model saw of it, else
   * (a source the model never saw) its default split. A date before the end of what the model
   * saw would test it on its own training data, and is refused.
   */
  private static Instant testFrom(FailureModel model, FailureExamples examples,
      Optional<Instant> given) {
    Optional<Instant> seen = model.until(examples.source());
    if (given.isPresent() && seen.isPresent() && given.get().isBefore(seen.get())) {
      throw new StartupException("--test-from " + given.get() + " is before " + seen.get()
          + ", the end of what model " + model.file().path() + " saw of " + examples.source()
          + ": it would be tested on data it was trained on; test from " + seen.get()
          + " or later");
    }
    return given.or(() -> seen).orElseGet(() -> FailureSplit.defaultUntil(examples));
  }

  Path modelPath() {
    return model.file().path();
  }
}
