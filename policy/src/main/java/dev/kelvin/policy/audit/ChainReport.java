package dev.kelvin.policy.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking an audit file's hash chain found (several files given in order are one chain).
 *
 * @param sealedRecords lines that carry a hash
 * @param unsealedRecords records at the start written before audit files were chained (by an
 *     older Kelvin): read, but nothing protects them
 * @param lastSeq the seq of the last record read
 * @param lastHash the hash of the last sealed line ({@link AuditChain#GENESIS} when none):
 *     where the next record chains on
 * @param breaks the first places where the chain breaks, in file order, at most
 *     {@value #MAX_LISTED}
 * @param breakCount every place where it breaks
 * @param tornLines lines a crash cut short, with a sealed line after them that continues the
 *     chain across them: the chain holds, each is reported
 * @param tornTail the last line when it is not a complete record: a write cut short by a crash,
 *     or a file cut or appended to by hand; nothing shows which, so the file is not proven whole
 */
public record ChainReport(long sealedRecords, long unsealedRecords, long lastSeq,
    String lastHash, List<ChainBreak> breaks, long breakCount, List<ChainBreak> tornLines,
    Optional<ChainBreak> tornTail) {
  /** At most this many breaks (and torn lines) are listed; the rest are counted. */
  public static final int MAX_LISTED = 20;

  public ChainReport {
    Objects.requireNonNull(lastHash, "lastHash");
    breaks = List.copyOf(breaks);
    tornLines = List.copyOf(tornLines);
    Objects.requireNonNull(tornTail, "tornTail");
  }

  /** Nothing checked yet: the status of a log that has not read its file. */
  public static ChainReport empty() {
    return new ChainReport(0, 0, 0, AuditChain.GENESIS, List.of(), 0, List.of(),
        Optional.empty());
  }

  /** True when the chain holds from the first line to the last, and the last is whole. */
  public boolean intact() {
    return breakCount == 0 && tornTail.isEmpty();
  }

  /** The first place where the chain breaks, if it does. */
  public Optional<ChainBreak> firstBreak() {
    return breaks.stream().findFirst();
  }

  /** Every record read, sealed or not. */
  public long records() {
    return sealedRecords + unsealedRecords;
  }

  /**
   * One place in an audit file: the line (from 1) and what is wrong with it.
   *
   * @param file the file as it was given
   * @param line the line number in that file, from 1
   * @param why what is wrong, and its likely cause
   */
  public record ChainBreak(Path file, long line, String why) {
    public ChainBreak {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(why, "why");
    }

    /** {@code FILE line N: WHY}. */
    public String describe() {
      return file + " line " + line + ": " + why;
    }
  }
}
