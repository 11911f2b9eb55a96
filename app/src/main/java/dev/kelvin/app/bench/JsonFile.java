package dev.kelvin.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kelvin.app.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a bench's figures to the file {@code --json} names, indented, folders created. */
final class JsonFile {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFile() {}

  static void write(Path file, Object figures) {
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
