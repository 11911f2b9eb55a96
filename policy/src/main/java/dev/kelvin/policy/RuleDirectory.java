package dev.kelvin.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An operator's folder of DRL files, compiled together with the shipped rules: every {@code
 * *.drl} directly in it (not in subfolders), sorted by name. {@link #read} takes the files and
 * a fingerprint of them (names and SHA-256 of the contents) in one pass, so that a poll can tell
 * whether anything changed, whatever the file system's time resolution.
 */
public final class RuleDirectory {
  /** Where the compiler files operator rules, apart from the shipped ones. */
  static final String COMPILED_UNDER = "dev/kelvin/policy/operator/";
  /** Larger rule files are surely something else. */
  static final long MAX_FILE_BYTES = 1 << 20;

  private static final String SUFFIX = ".drl";

  private final Path folder;

  private RuleDirectory(Path folder) {
    this.folder = folder;
  }

  /**
   * The folder {@code folder}.
   *
   * @throws PolicyException when it is not a readable folder
   */
  public static RuleDirectory of(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new PolicyException("rules folder " + folder + " is not a folder"
          + (Files.exists(folder) ? "" : " (it does not exist)")
          + ": give policy.rules_dir the folder that holds the operator's *.drl files");
    }
    return new RuleDirectory(folder);
  }

  public Path folder() {
    return folder;
  }

  /**
   * The rule files now and their fingerprint.
   *
   * @throws PolicyException when the folder or a file cannot be read, or a file is too large
   */
  Contents read() {
    List<Path> files = files();
    MessageDigest digest = sha256();
    List<RuleText> texts = new ArrayList<>(files.size());
    for (Path file : files) {
      byte[] bytes = bytesOf(file);
      String name = file.getFileName().toString();
      digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(bytes);
      digest.update((byte) 0);
      texts.add(new RuleText(COMPILED_UNDER + name, file.toString(), bytes));
    }
    return new Contents(List.copyOf(texts), HexFormat.of().formatHex(digest.digest()));
  }

  /** The {@code *.drl} files directly in the folder, sorted by name. */
  List<Path> files() {
    try (Stream<Path> paths = Files.list(folder)) {
      return paths.filter(path -> path.getFileName().toString().endsWith(SUFFIX))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new PolicyException("cannot list the rules folder " + folder + ": " + e
          + " (was it removed, or are its permissions wrong?)", e);
    }
  }

  private static byte[] bytesOf(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new PolicyException("rule file " + file + " is larger than "
            + (MAX_FILE_BYTES >> 10) + " KiB: is it really a DRL file?");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PolicyException("cannot read rule file " + file + ": " + e, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return folder.toString();
  }

  /**
   * The operator's rule files as read at one moment.
   *
   * @param fingerprint equal for equal names and contents
   */
  record Contents(List<RuleText> texts, String fingerprint) {
    /** No operator folder: the shipped rules alone. */
    static final Contents NONE = new Contents(List.of(), "");
  }
}
