package dev.kelvin.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code /api/models} shows: the model serving each kind with its provenance, and every
 * model file that is refused, with the reason and since when. The composition root maps the
 * predictor's registry onto it (the dashboard does not know Tribuo). Times are ISO-8601.
 *
 * @param served one entry per kind in force
 * @param refused model files on disk that cannot serve
 * @param problems model folders that cannot be read, one line each
 * @param folders the folders read, with their roles, like {@code models_dir /srv/models}
 */
public record ModelsView(List<Served> served, List<Refused> refused, List<String> problems,
    List<String> folders) {
  /** No model registry: nothing served, nothing refused. */
  public static final ModelsView NONE = new ModelsView(List.of(), List.of(), List.of(),
      List.of());

  public ModelsView {
    served = List.copyOf(served);
    refused = List.copyOf(refused);
    problems = List.copyOf(problems);
    folders = List.copyOf(folders);
  }

  /**
   * The model of one kind.
   *
   * @param kind {@code failure}, {@code load} or {@code anomaly}
   * @param version the version every prediction of it carries
   * @param source {@code models_dir} or {@code shipped}
   * @param since when it was loaded
   * @param fileRemoved whether its file was removed since (it serves on until another can)
   * @param provenance what the model file says of itself: data, its hash, features, trainer,
   *     hyperparameters, time range
   */
  public record Served(String kind, String version, String source, String since,
      boolean fileRemoved, Map<String, String> provenance) {
    public Served {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(version, "version");
      provenance = Map.copyOf(provenance);
    }
  }

  /**
   * A refused model file.
   *
   * @param reason a {@code kelvin_models_refused_total} reason, like {@code feature_set}
   * @param detail the path and what is wrong
   */
  public record Refused(String file, String source, String reason, String detail, String at) {}
}
