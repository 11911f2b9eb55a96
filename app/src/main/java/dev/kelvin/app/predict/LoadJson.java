package dev.kelvin.app.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.load.LoadHorizons;
import dev.kelvin.predictor.load.LoadScores;
import dev.kelvin.predictor.load.TraceScore;
import dev.kelvin.predictor.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The figures of {@code kelvin eval load} as JSON: {@code mase}, {@code baseline_mase}
 * (persistence) and {@code seasonal_naive_mase}, each an object of horizon to value, overall
 * (the mean over traces) and per trace under {@code traces}. A figure that cannot be computed
 * is {@code null}.
 */
final class LoadJson {
  static final String SCALE = "MASE divides each trace's mean absolute error by its in-sample"
      + " one-step naive MAE: the mean absolute change between consecutive known values of the"
      + " trace's series that end before test_from";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private LoadJson() {}

  static Map<String, Object> figures(LoadScores scores, ModelFile file, LoadData data) {
    LoadHorizons horizons = scores.horizons();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("kind", "load");
    figures.put("model", file.provenance());
    figures.put("data", data.described());
    figures.put("data_sha256", data.sha256());
    figures.put("test_from", scores.testFrom().toString());
    figures.put("step", horizons.step().toString());
    figures.put("horizons", horizons.keys());
    figures.put("horizons_not_forecast", horizons.dropped().stream().map(Duration::toString)
        .toList());
    figures.put("mase_scale", SCALE);
    figures.put("mase", byHorizon(horizons, scores::mase));
    figures.put("baseline_mase", byHorizon(horizons, scores::persistenceMase));
    figures.put("seasonal_naive_mase", byHorizon(horizons, scores::seasonalMase));
    Map<String, Object> traces = new LinkedHashMap<>();
    for (TraceScore trace : scores.traces()) {
      traces.put(trace.trace(), trace(trace, horizons));
    }
    figures.put("traces", traces);
    return figures;
  }

  private static Map<String, Object> trace(TraceScore trace, LoadHorizons horizons) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("unit", trace.unit());
    figures.put("naive_mae", finite(trace.scale().mae()));
    figures.put("naive_pairs", trace.scale().pairs());
    figures.put("mase", byHorizon(horizons, trace::mase));
    figures.put("baseline_mase", byHorizon(horizons, trace::persistenceMase));
    figures.put("seasonal_naive_mase", byHorizon(horizons, trace::seasonalMase));
    Map<String, Object> forecasts = new LinkedHashMap<>();
    Map<String, Object> coverage = new LinkedHashMap<>();
    Map<String, Object> mae = new LinkedHashMap<>();
    for (int h = 0; h < horizons.count(); h++) {
      forecasts.put(horizons.key(h), trace.horizons().get(h).forecasts());
      coverage.put(horizons.key(h), finite(trace.horizons().get(h).seasonalCoverage()));
      mae.put(horizons.key(h), finite(trace.horizons().get(h).modelMae()));
    }
    figures.put("forecasts", forecasts);
    figures.put("model_mae", mae);
    figures.put("seasonal_naive_day_ago_known", coverage);
    return figures;
  }

  private static Map<String, Object> byHorizon(LoadHorizons horizons,
      IntToDoubleFunction figure) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int h = 0; h < horizons.count(); h++) {
      values.put(horizons.key(h), finite(figure.applyAsDouble(h)));
    }
    return values;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  static void write(Path file, Map<String, Object> figures) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      JSON.writeValue(file.toFile(), figures);
    } catch (IOException e) {
      throw new StartupException("cannot write the figures to --json " + file + ": " + e, e);
    }
  }
}
