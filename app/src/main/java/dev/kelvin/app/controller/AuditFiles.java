package dev.kelvin.app.controller;

import dev.kelvin.app.StartupException;
import dev.kelvin.policy.audit.JsonlAuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/** Opens the audit file, turning every failure into one line that names the file and the key. */
final class AuditFiles {
  private AuditFiles() {}

  static JsonlAuditLog open(ControllerSettings.Audit config, InstantSource clock) {
    Path file = config.file().orElseThrow();
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      return JsonlAuditLog.open(file, config.memoryRecords(), clock);
    } catch (JsonlAuditLog.InUseException e) {
      throw new StartupException(e.getMessage() + " (" + config.fileOption() + ")", e);
    } catch (IOException | RuntimeException e) {
      throw new StartupException("cannot open the audit log " + file + ": " + e.getMessage()
          + " (choose another with " + config.fileOption() + ")", e);
    }
  }
}
