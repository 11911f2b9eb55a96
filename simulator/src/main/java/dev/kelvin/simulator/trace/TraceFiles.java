package dev.kelvin.simulator.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a trace file as text, through gzip when its name ends in {@code .gz}. */
final class TraceFiles {
  /** Reads the text of a trace; {@code source} names it in errors. */
  @FunctionalInterface
  interface TextReader<T> {
    T read(BufferedReader lines, String source) throws IOException;
  }

  private TraceFiles() {
  }

  /** Reads {@code file} with {@code reader}; {@code kind} says what it is in an I/O error. */
  static <T> T read(Path file, Charset charset, String kind, TextReader<T> reader) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz")
            ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, charset))) {
      return reader.read(lines, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + kind + " " + file + ": "
          + e.getMessage() + " (is the path right, and is a .gz file complete?)", e);
    }
  }
}
