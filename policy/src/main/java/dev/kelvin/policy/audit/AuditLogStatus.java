package dev.kelvin.policy.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link JsonlAuditLog} is doing, for health checks: what it found in the file when it
 * opened it, and whether records are reaching the file now.
 *
 * @param file the audit file
 * @param lastSeq the number of the newest record
 * @param recoveredLines records read back into memory from the end of the file on opening
 * @param unreadableLines unreadable lines met while reading back (only the end of the file is
 *     read: as far back as the in-memory tail reaches)
 * @param recoveryProblems what was wrong with those lines, oldest first, one line each
 * @param writeFailures failed attempts to write a record since the log was opened
 * @param unwrittenRecords records kept in memory because the file could not take them yet
 * @param unwrittenTotal records that could not be written when they were appended, since the
 *     log was opened (kept in memory and written later, or dropped): stops rising once the file
 *     takes records again
 * @param droppedRecords records lost because more than the memory limit were unwritten
 * @param lastWriteError the latest write error, empty while writes succeed
 * @param chainOnOpen what checking the file's hash chain found when the log opened it
 */
public record AuditLogStatus(Path file, long lastSeq, long recoveredLines, long unreadableLines,
    List<String> recoveryProblems, long writeFailures, int unwrittenRecords,
    long unwrittenTotal, long droppedRecords, String lastWriteError, ChainReport chainOnOpen) {

  public AuditLogStatus {
    Objects.requireNonNull(file, "file");
    recoveryProblems = List.copyOf(recoveryProblems);
    Objects.requireNonNull(lastWriteError, "lastWriteError");
    Objects.requireNonNull(chainOnOpen, "chainOnOpen");
  }

  /** A status whose file's chain was not checked (an empty file, or a test's figures). */
  public AuditLogStatus(Path file, long lastSeq, long recoveredLines, long unreadableLines,
      List<String> recoveryProblems, long writeFailures, int unwrittenRecords,
      long unwrittenTotal, long droppedRecords, String lastWriteError) {
    this(file, lastSeq, recoveredLines, unreadableLines, recoveryProblems, writeFailures,
        unwrittenRecords, unwrittenTotal, droppedRecords, lastWriteError, ChainReport.empty());
  }

  /**
   * Where the file's hash chain broke when the log opened it, one line: the first place and
   * how many in all; empty when it held.
   */
  public Optional<String> chainBreak() {
    return chainOnOpen.firstBreak().map(first -> "hash chain broken at " + chainOnOpen
        .breakCount() + " place(s), first at " + first.describe());
  }

  /**
   * True while records reach the file: no record is waiting in memory for it. The log turns
   * writing again by itself once the file takes the records kept meanwhile, also after some
   * were dropped ({@link #droppedRecords} keeps counting those).
   */
  public boolean writing() {
    return unwrittenRecords == 0;
  }
}
