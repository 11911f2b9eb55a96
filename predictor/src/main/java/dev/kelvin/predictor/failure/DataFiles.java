package dev.kelvin.predictor.failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The data a model was trained on, as its model file records it: the files' names and one
 * SHA-256 over each file's name and bytes in turn, so a changed, added or renamed file changes
 * it.
 *
 * @param names the files, as the user named their folder or file, comma-separated
 * @param sha256 64 lower-case hex digits
 */
public record DataFiles(String names, String sha256) {
  public DataFiles {
    Objects.requireNonNull(names, "names");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was '"
          + sha256 + "'");
    }
  }

  /** The names and hash of {@code files}, read in the order given. */
  public static DataFiles of(List<Path> files) {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    for (Path file : files) {
      digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        while (in.read(buffer) >= 0) {
          // the digest reads along
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + " to hash it: " + e.getMessage(),
            e);
      }
    }
    return new DataFiles(String.join(",", files.stream().map(Path::toString).toList()),
        HexFormat.of().formatHex(digest.digest()));
  }

  /** The data of several sources together: names joined, hashes hashed in order. */
  public static DataFiles combined(List<DataFiles> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    MessageDigest digest = newDigest();
    for (DataFiles part : parts) {
      digest.update(part.sha256().getBytes(StandardCharsets.US_ASCII));
    }
    return new DataFiles(String.join(",", parts.stream().map(DataFiles::names).toList()),
        HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE has", e);
    }
  }
}
