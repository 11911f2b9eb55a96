package dev.kelvin.telemetry.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's own temporary folder under the work folder, with HiveMQ's
 * configuration, data and extensions folders inside; deleted when the broker closes.
 */
record BrokerFolders(Path root, boolean createdWorkDir) {
  private static final Logger log = LoggerFactory.getLogger(BrokerFolders.class);

  static BrokerFolders create(Path workDir, String configXml) {
    try {
      boolean created = !Files.isDirectory(workDir);
      Files.createDirectories(workDir);
      Path root = Files.createTempDirectory(workDir, "hivemq-");
      BrokerFolders folders = new BrokerFolders(root, created);
      Files.createDirectories(folders.data());
      Files.createDirectories(folders.extensions());
      Files.createDirectories(folders.config());
      Files.writeString(folders.config().resolve("config.xml"), configXml,
          StandardCharsets.UTF_8);
      return folders;
    } catch (IOException failed) {
      throw new BrokerException("cannot create the embedded broker's folder under " + workDir
          + ": " + failed + " (is the work folder writable?)", failed);
    }
  }

  Path config() {
    return root.resolve("conf");
  }

  Path data() {
    return root.resolve("data");
  }

  Path extensions() {
    return root.resolve("extensions");
  }

  void delete() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(BrokerFolders::deleteOne);
      if (createdWorkDir) {
        deleteIfEmpty(root.getParent());
      }
    } catch (IOException | UncheckedIOException failed) {
      log.warn("Could not delete the embedded broker's folder {}: {}", root, failed.toString());
    }
  }

  private static void deleteIfEmpty(Path folder) throws IOException {
    try {
      Files.deleteIfExists(folder);
    } catch (DirectoryNotEmptyException inUse) {
      log.debug("Keeping {}: something else uses it too", folder);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
