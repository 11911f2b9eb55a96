package dev.kelvin.predictor.serve;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A model file as it is now on disk that cannot serve, with why and since when. It stays
 * listed until the file changes into a usable one or is removed.
 *
 * @param file the file
 * @param source the folder's role: {@code models_dir} or {@code shipped}
 * @param reason what kind of refusal, for counting
 * @param detail the refusal's message: the path and what is wrong, for a person
 * @param at when it was refused
 */
public record RefusedFile(Path file, String source, RefusalReason reason, String detail,
    Instant at) {
  public RefusedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
