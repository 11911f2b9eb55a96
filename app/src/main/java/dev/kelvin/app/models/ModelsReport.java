package dev.kelvin.app.models;

import dev.kelvin.dashboard.Health;
import dev.kelvin.dashboard.ModelsView;
import dev.kelvin.predictor.forecast.PowerForecaster;
import dev.kelvin.predictor.serve.ActiveModel;
import dev.kelvin.predictor.serve.RefusedFile;
import dev.kelvin.predictor.serve.RegistryStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry's status as the operator sees it: {@code /api/models}, the {@code predictor}
 * component of {@code /health} (DEGRADED, never DOWN, while a file is refused, a folder cannot
 * be read or a model serves from a removed file: the controller still decides, with the models
 * it has) and a line for the start-up banners.
 */
public final class ModelsReport {
  private ModelsReport() {}

  public static ModelsView view(RegistryStatus status) {
    List<ModelsView.Served> served = status.active().stream().map(active ->
        new ModelsView.Served(active.kind().wireName(), active.version(), active.source(),
            active.since().toString(), active.fileRemoved(),
            active.model().file().provenance())).toList();
    List<ModelsView.Refused> refused = status.refused().stream().map(file ->
        new ModelsView.Refused(file.file().toString(), file.source(), file.reason().label(),
            file.detail(), file.at().toString())).toList();
    return new ModelsView(served, refused, status.problems(), status.folders());
  }

  /** The {@code predictor} component: the models serving, and what needs a person. */
  public static Health.Component health(RegistryStatus status,
      Optional<PowerForecaster> forecaster) {
    List<String> parts = new ArrayList<>();
    parts.add(line(status));
    forecaster.ifPresent(model -> parts.add("power model " + model.modelVersion()
        + " trained at start: " + model.stats().forecasts() + " forecasts, "
        + model.stats().failed() + " failed"));
    status.active().stream().filter(ActiveModel::fileRemoved).forEach(active -> parts.add(
        active.version() + " serves from a removed file, " + active.model().file().path()
        + " (a restart would not load it)"));
    parts.addAll(status.problems());
    if (!status.refused().isEmpty()) {
      RefusedFile first = status.refused().get(0);
      parts.add(status.refused().size() + " model file(s) refused, see /api/models; first: "
          + first.detail());
    }
    return new Health.Component(status.degraded() ? Health.Status.DEGRADED : Health.Status.UP,
        String.join("; ", parts));
  }

  /** Like {@code failure-1a2b3c4d (models_dir), anomaly-5e6f7a8b (shipped)}. */
  public static String line(RegistryStatus status) {
    if (status.active().isEmpty()) {
      return "no model serves (" + (status.folders().isEmpty() ? "no model folder"
          : "looked in " + String.join(", ", status.folders()))
          + "): the rules decide without predictions";
    }
    List<String> models = status.active().stream()
        .map(active -> active.version() + " (" + active.source() + ")").toList();
    return String.join(", ", models) + (status.refused().isEmpty() ? ""
        : "; " + status.refused().size() + " file(s) refused, see /api/models");
  }
}
