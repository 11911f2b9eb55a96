package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.datasets.load.LoadDataException;
import dev.kelvin.datasets.load.LoadFile;
import dev.kelvin.datasets.load.LoadSeries;
import dev.kelvin.datasets.load.LoadTraces;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The load series of {@code --data}: every file read (a line each on stderr, with its bad rows
 * and skipped records), and a SHA-256 over the bytes of all of them in the order read, for the
 * model's provenance.
 *
 * @param paths the paths as given
 * @param files what each file gave
 * @param series all series, file by file
 * @param sha256 64 hex digits
 */
record LoadData(List<Path> paths, List<LoadFile> files, List<LoadSeries> series, String sha256) {

  /** Reads {@code paths}, reporting on {@code err}; a bad file stops with one line. */
  static LoadData read(List<Path> paths, PrintWriter err) {
    List<LoadFile> files = new ArrayList<>();
    MessageDigest digest = newDigest();
    try {
      for (Path path : paths) {
        for (Path file : LoadTraces.files(path)) {
          err.println("reading " + file);
          LoadFile read = LoadTraces.read(file).get(0);
          files.add(read);
          report(read, err);
          hash(file, digest);
        }
      }
    } catch (LoadDataException | UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e);
    }
    List<LoadSeries> series = files.stream().flatMap(file -> file.series().stream()).toList();
    err.printf(Locale.ROOT, "%d series in %d traces from %d files%n", series.size(),
        series.stream().map(LoadSeries::trace).distinct().count(), files.size());
    return new LoadData(List.copyOf(paths), List.copyOf(files), series,
        HexFormat.of().formatHex(digest.digest()));
  }

  /** The paths as one text, for the model file. */
  String described() {
    return paths.stream().map(Path::toString).collect(Collectors.joining(","));
  }

  private static void report(LoadFile file, PrintWriter err) {
    err.printf(Locale.ROOT, "  %s: %d rows, %d series; %s%n", file.format(),
        file.badRows().rows(), file.series().size(), file.badRows().summary());
    if (!file.skipped().isEmpty()) {
      err.println("  records skipped: " + file.skipped());
    }
  }

  private static void hash(Path file, MessageDigest digest) {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new StartupException("cannot read " + file + " to hash it: " + e.getMessage(), e);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE has", e);
    }
  }
}
