package dev.kelvin.policy.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second Kelvin process for {@link JsonlAuditLogLockTest}: opens the audit log named by the
 * first argument, creates the marker file named by the second once it holds the log, and keeps
 * it open until its standard input closes.
 */
public final class AuditFileHolder {
  private AuditFileHolder() {}

  public static void main(String[] args) throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(Path.of(args[0]), 10)) {
      Files.createFile(Path.of(args[1]));
      while (System.in.read() >= 0) {
        // holds the log until the parent closes the pipe
      }
    }
  }
}
