package dev.kelvin.datasets.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a load trace as text, through gzip when its name ends in {@code .gz}. */
final class TextFiles {
  /** Reads the text of a trace; {@code source} names it in errors. */
  @FunctionalInterface
  interface TextReader<T> {
    T read(BufferedReader lines, String source) throws IOException;
  }

  private TextFiles() {}

  static <T> T read(Path file, String kind, TextReader<T> reader) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz")
            ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
      return reader.read(lines, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + kind + " " + file + ": "
          + e.getMessage() + " (is the path right, and is a .gz file complete?)", e);
    }
  }
}
