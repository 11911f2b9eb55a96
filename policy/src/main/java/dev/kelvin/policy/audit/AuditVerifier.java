package dev.kelvin.policy.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Checks the hash chain of audit files from their first line to their last, streaming: memory
 * stays the same for a file of a million lines as for ten. Files given together are one chain
 * in the order given: the first line of each continues from the last of the one before, as a
 * file moved away while Kelvin writes is continued by the new file at its path.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Checks {@code files}, in order, as one chain.
   *
   * @throws IOException when a file cannot be read (the message names it)
   */
  public static ChainReport verify(List<Path> files) throws IOException {
    ChainWalk walk = new ChainWalk();
    for (Path file : files) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        walk.file(file);
        AuditLines.read(channel, walk);
      }
    }
    return walk.report();
  }

  /** Checks the file that {@code channel} reads (left open), as {@code file}. */
  static ChainReport verify(FileChannel channel, Path file) throws IOException {
    ChainWalk walk = new ChainWalk();
    walk.file(file);
    AuditLines.read(channel, walk);
    return walk.report();
  }
}
