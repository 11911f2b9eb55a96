package dev.kelvin.predictor.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The ordered feature names a model was trained on, under a name. Its {@link #id()} changes
 * whenever a feature is added, removed, renamed or moved, so a served model and the code that
 * computes its features can be checked against each other before the first prediction.
 *
 * @param name what the features describe, like {@code node-telemetry}
 * @param names the feature names in the order the model sees them, no duplicates
 */
public record FeatureSet(String name, List<String> names) {
  public FeatureSet {
    Objects.requireNonNull(name, "name");
    names = List.copyOf(names);
    if (name.isBlank() || name.contains("@")) {
      throw new IllegalArgumentException("feature set name must be non-blank without '@', was '"
          + name + "'");
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("feature set " + name + " has no features");
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("feature set " + name + " names a feature twice: "
          + names);
    }
  }

  /** Like {@code node-telemetry@3f2a9c01d4e5}: the name and 12 hex digits of the names' hash. */
  public String id() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE has", e);
    }
    byte[] hash = digest.digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
    return name + "@" + HexFormat.of().formatHex(hash, 0, 6);
  }
}
