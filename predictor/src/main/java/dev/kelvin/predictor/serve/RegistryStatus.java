package dev.kelvin.predictor.serve;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the model registry serves and refuses, as of its latest look at its folders.
 *
 * @param active the model serving each kind, in kind order
 * @param refused the files on disk that cannot serve, by path
 * @param problems folders that could not be listed, one line each
 * @param folders the folders read, with their roles, like {@code models_dir /srv/models}
 * @param checkedAt when the folders were last looked at
 */
public record RegistryStatus(List<ActiveModel> active, List<RefusedFile> refused,
    List<String> problems, List<String> folders, Instant checkedAt) {
  public RegistryStatus {
    active = List.copyOf(active);
    refused = List.copyOf(refused);
    problems = List.copyOf(problems);
    folders = List.copyOf(folders);
    Objects.requireNonNull(checkedAt, "checkedAt");
  }

  /** Whether anything needs a person: a refused file, an unreadable folder, a removed file. */
  public boolean degraded() {
    return !refused.isEmpty() || !problems.isEmpty()
        || active.stream().anyMatch(ActiveModel::fileRemoved);
  }
}
