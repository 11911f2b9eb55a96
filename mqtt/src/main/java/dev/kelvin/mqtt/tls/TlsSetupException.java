package dev.kelvin.mqtt.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A TLS file could not be used: missing or unreadable, not PEM, a key in a format Kelvin does
 * not read, or a key that does not belong to its certificate. The message names the file, what
 * was wrong and a likely fix; {@link #file()} is the file at fault.
 */
public final class TlsSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public TlsSetupException(Path file, String message) {
    this(file, message, null);
  }

  public TlsSetupException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The file at fault (for a key that does not match its certificate: the key file). */
  public Path file() {
    return file;
  }
}
