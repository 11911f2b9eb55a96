package dev.kelvin.predictor.model;

import java.nio.file.Path;

/** A model file that cannot be used: its message names the file and the reason. */
public final class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFileException(Path file, String reason) {
    super("model file " + file + ": " + reason);
  }

  public ModelFileException(Path file, String reason, Throwable cause) {
    super("model file " + file + ": " + reason, cause);
  }
}
