package dev.kelvin.app.controller;

import dev.kelvin.predictor.model.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The model files shipped with Kelvin, copied out of the jar (or classes) a test runs against. */
final class ShippedModels {
  private ShippedModels() {}

  /** Copies shipped model {@code name} (e.g. {@code load-planetlab.model}) into {@code dir}. */
  static ModelFile copy(String name, Path dir) throws IOException {
    Path copy = dir.resolve(name);
    try (InputStream in = ShippedModels.class.getResourceAsStream("/models/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no shipped model /models/" + name);
      }
      Files.copy(in, copy);
    }
    return ModelFile.read(copy);
  }
}
