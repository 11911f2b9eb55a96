package dev.kelvin.datasets.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads load traces: a file is read by the reader its name matches; a folder by
 * reading every file in it (and one level of sub-folders, so the reference data folder itself
 * may be given) whose name a reader matches, in name order.
 */
public final class LoadTraces {
  private static final String KNOWN = "planetlab*.csv[.gz] (PlanetLab), biohpc*.csv[.gz]"
      + " (BioHPC GPU telemetry), *.swf[.gz] (SWF job log)";

  private LoadTraces() {}

  /** The files {@code path} holds, each read; never empty. */
  public static List<LoadFile> read(Path path) {
    return files(path).stream().map(LoadTraces::readFile).toList();
  }

  /** The trace files {@code path} names or holds, in name order; never empty. */
  public static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      if (!known(path)) {
        throw new LoadDataException(path + ": not a load trace this Kelvin reads; expected "
            + KNOWN);
      }
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new LoadDataException(path + ": no such file or folder (is the path right? the"
          + " reference data is read from the kelvin.data.dir setting, ../shared/data)");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path, 2)) {
      files = walk.filter(Files::isRegularFile).filter(LoadTraces::known).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new LoadDataException(path + ": holds no load trace; expected " + KNOWN);
    }
    return files;
  }

  private static boolean known(Path file) {
    return PlanetLabTrace.matches(file) || BioHpcTelemetry.matches(file)
        || SwfArrivals.matches(file);
  }

  private static LoadFile readFile(Path file) {
    if (PlanetLabTrace.matches(file)) {
      return PlanetLabTrace.read(file);
    } else if (BioHpcTelemetry.matches(file)) {
      return BioHpcTelemetry.read(file);
    }
    return SwfArrivals.read(file);
  }
}
