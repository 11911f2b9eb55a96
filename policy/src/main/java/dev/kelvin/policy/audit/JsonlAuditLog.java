package dev.kelvin.policy.audit;

import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditTail;
import dev.kelvin.core.port.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link AuditLog}: one JSON object per line in a file (see {@code AuditJson} for
 * the fields), each line handed to the operating system before {@link #append} returns, so
 * nothing appended is lost when the JVM crashes. Queries are answered from the newest {@code
 * memoryTail} records in memory. Reopening a file continues its numbering and reloads its tail;
 * unreadable lines (a torn last line from a crash among them) are skipped and reported. One log
 * holds the file at a time: it is locked while open, and a second Kelvin on the same file is
 * refused with an {@link InUseException}.
 *
 * <p>Each line is sealed into a hash chain ({@code AuditChain}: {@code prev} and {@code hash},
 * SHA-256). Opening a file checks its chain from the first line ({@link AuditVerifier}): a
 * break is logged at ERROR with the file and line and kept in {@link #status()}; the file is
 * left as it is and new records chain on from its last line. A torn last line from a crash is
 * not a break: the next record chains on from the last whole line.
 *
 * <p>When the file cannot be written (disk full, volume gone, the path moved, deleted or
 * replaced: see {@code AuditFile}, which follows the path) the record is still numbered,
 * answered by queries and kept in memory, up to {@value #MAX_UNWRITTEN} records, and written
 * in order with the next append or {@link #retryUnwritten()} that succeeds; failures are
 * counted in {@link #status()} and logged at ERROR at most once a minute, and
 * {@link #writing()} is false, so that nothing is carried out meanwhile. Thread-safe.
 */
public final class JsonlAuditLog implements AuditLog, AutoCloseable {
  /** The most records kept in memory while the file cannot take them. */
  static final int MAX_UNWRITTEN = 100_000;
  private static final Duration ERROR_LOG_INTERVAL = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditLog.class);

  private final Path file;
  private final InstantSource clock;
  private final LineSink sink;
  private final AuditJson json;
  private final AuditRecovery.Result recovery;
  private final ChainReport chainOnOpen;
  private final AuditChain chain = new AuditChain();
  private String lastHash;
  private final AuditTail tail;
  private final ArrayDeque<AuditRecord> unwritten = new ArrayDeque<>();
  private long lastSeq;
  private long writeFailures;
  private long unwrittenTotal;
  private long dropped;
  private String lastWriteError = "";
  private Instant lastErrorLogged;
  private boolean closed;

  private JsonlAuditLog(Path file, int memoryTail, InstantSource clock, LineSink sink,
      AuditJson json, AuditRecovery.Result recovery, ChainReport chainOnOpen) {
    this.file = file;
    this.clock = clock;
    this.sink = sink;
    this.json = json;
    this.recovery = recovery;
    this.chainOnOpen = chainOnOpen;
    this.lastSeq = recovery.lastSeq();
    this.lastHash = chainOnOpen.lastHash();
    tail = new AuditTail(memoryTail);
    recovery.tail().forEach(tail::add);
  }

  /**
   * Opens (or creates) {@code file}, keeping the newest {@code memoryTail} records in memory.
   *
   * @throws InUseException when another Kelvin has the file open
   * @throws UncheckedIOException when the file cannot be read or opened for writing
   */
  public static JsonlAuditLog open(Path file, int memoryTail) {
    return open(file, memoryTail, InstantSource.system());
  }

  /**
   * Opens (or creates) {@code file}; {@code clock} paces the ERROR log while writes fail.
   *
   * @throws InUseException when another Kelvin has the file open
   * @throws UncheckedIOException when the file cannot be read or opened for writing
   */
  public static JsonlAuditLog open(Path file, int memoryTail, InstantSource clock) {
    return open(file, memoryTail, clock, UnaryOperator.identity());
  }

  static JsonlAuditLog open(Path file, int memoryTail, InstantSource clock,
      UnaryOperator<LineSink> wrapSink) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    if (memoryTail < 1) {
      throw new IllegalArgumentException("memoryTail must be >= 1 record, was " + memoryTail);
    }
    AuditJson json = new AuditJson();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AuditFile audit = AuditFile.open(file);
      try {
        AuditRecovery.Result recovery = AuditRecovery.scan(audit.channel(), json, memoryTail);
        ChainReport chain = AuditVerifier.verify(audit.channel(), file);
        audit.endLastLine();
        OpeningReport.log(file, recovery, chain);
        return new JsonlAuditLog(file, memoryTail, clock, wrapSink.apply(audit), json, recovery,
            chain);
      } catch (IOException | RuntimeException e) {
        audit.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file + ": " + e
          + " (does the directory exist and is it writable by this user?)", e);
    }
  }

  @Override
  public synchronized AuditRecord append(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      throw new IllegalStateException("the audit log " + file + " is closed: " + event.stage()
          + " of " + event.action().id() + " cannot be recorded");
    }
    AuditRecord record = new AuditRecord(++lastSeq, event);
    tail.add(record);
    if (unwritten.size() == MAX_UNWRITTEN) {
      unwritten.removeFirst();
      dropped++;
    }
    unwritten.addLast(record);
    writeUnwritten();
    if (!unwritten.isEmpty()) {
      unwrittenTotal++;
    }
    return record;
  }

  @Override
  public synchronized List<AuditRecord> since(long afterSeq, int max) {
    return tail.since(afterSeq, max);
  }

  @Override
  public synchronized List<AuditRecord> recent(int max) {
    return tail.recent(max);
  }

  @Override
  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** What the log found on opening and whether records reach the file now. */
  public synchronized AuditLogStatus status() {
    return new AuditLogStatus(file, lastSeq, recovery.readableLines(),
        recovery.unreadableLines(), recovery.problems(), writeFailures, unwritten.size(),
        unwrittenTotal, dropped, lastWriteError, chainOnOpen);
  }

  /**
   * Whether records reach the file now: false from the first write that fails until every
   * record kept in memory meanwhile has been written ({@link #retryUnwritten()} or the next
   * append). The {@link dev.kelvin.policy.guard.SafetyGuard} asks it before it approves
   * anything, and the control loop after writing an action's record of intent: nothing is
   * sent while it is false.
   */
  @Override
  public synchronized boolean writing() {
    return unwritten.isEmpty();
  }

  /** Tries once more to write what the file could not take yet; true when nothing is left. */
  public synchronized boolean retryUnwritten() {
    writeUnwritten();
    return unwritten.isEmpty();
  }

  /** Writes what it can of the unwritten records, forces the file to disk and closes it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    writeUnwritten();
    if (!unwritten.isEmpty()) {
      LOG.error("audit log {} closed with {} records that never reached the file (seq {} to {})",
          file, unwritten.size(), unwritten.getFirst().seq(), unwritten.getLast().seq());
    }
    try {
      sink.close();
    } catch (IOException e) {
      LOG.error("audit log {} could not be forced to disk and closed: {}", file, e.toString());
    }
  }

  private void writeUnwritten() {
    int backlog = unwritten.size();
    while (!unwritten.isEmpty()) {
      String line = chain.seal(json.body(unwritten.getFirst(), lastHash));
      try {
        sink.append(line);
      } catch (IOException | RuntimeException e) {
        failed(e);
        return;
      }
      lastHash = AuditChain.hashOf(line);
      unwritten.removeFirst();
    }
    if (!lastWriteError.isEmpty()) {
      LOG.warn("audit log {} is writable again: wrote {} records kept in memory", file, backlog);
      lastWriteError = "";
    }
  }

  private void failed(Exception error) {
    writeFailures++;
    lastWriteError = error.toString();
    Instant now = clock.instant();
    if (lastErrorLogged == null
        || !now.isBefore(lastErrorLogged.plus(ERROR_LOG_INTERVAL))) {
      lastErrorLogged = now;
      LOG.error("audit log {} cannot be written ({}): {} records kept in memory (seq {} to {}),"
          + " {} failed writes so far, {} dropped; retrying with every record (disk full or"
          + " volume gone?)", file, lastWriteError, unwritten.size(), unwritten.getFirst().seq(),
          unwritten.getLast().seq(), writeFailures, dropped);
    }
  }

  /**
   * The audit file is locked by another Kelvin: another process, or another log open on the
   * same file in this JVM. Two writers would overwrite each other's records, so the second is
   * refused. The message is one line that names the file.
   */
  public static final class InUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    InUseException(Path file) {
      super("the audit log " + file.toAbsolutePath().normalize() + " is in use by another"
          + " Kelvin (a second one started in the same folder?): stop that one or give this"
          + " one a file of its own", null, false, false);
      this.file = file;
    }

    /** The file as it was asked for. */
    public Path file() {
      return file;
    }
  }
}
