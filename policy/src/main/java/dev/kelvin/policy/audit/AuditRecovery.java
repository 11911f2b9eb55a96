package dev.kelvin.policy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelvin.core.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads an existing audit file backwards from its end when it is opened, only as far as it
 * must: until it has the newest {@code tailSize} readable records (or reaches the start), so
 * opening a file of millions of records costs no more than opening a small one. The newest
 * readable seq is where numbering continues. Unreadable lines met on the way, a torn last line
 * from a crash among them, are skipped and reported by their byte offset.
 */
final class AuditRecovery {
  /** At most this many problems are described one by one; the rest are counted. */
  static final int MAX_PROBLEMS = 20;
  private static final int BLOCK_BYTES = 64 * 1024;

  /** What the end of the file held: the last seq, the newest records, what was unreadable. */
  record Result(long lastSeq, List<AuditRecord> tail, long readableLines, long unreadableLines,
      List<String> problems) {}

  private final AuditJson json;
  private final int tailSize;
  private final List<AuditRecord> newestFirst = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private long problemCount;
  private long lastSeq;
  private long olderThan = Long.MAX_VALUE;
  private long unreadable;

  private AuditRecovery(AuditJson json, int tailSize) {
    this.json = json;
    this.tailSize = tailSize;
  }

  /** Reads the end of the file through {@code channel}, which stays open. */
  static Result scan(FileChannel channel, AuditJson json, int tailSize) throws IOException {
    AuditRecovery recovery = new AuditRecovery(json, tailSize);
    recovery.readBackwards(channel);
    return recovery.result();
  }

  private void readBackwards(FileChannel channel) throws IOException {
    long position = channel.size();
    byte[] carry = new byte[0];
    boolean atEnd = true;
    while (position > 0 && newestFirst.size() < tailSize) {
      int length = (int) Math.min(BLOCK_BYTES, position);
      position -= length;
      byte[] bytes = concat(read(channel, position, length), carry);
      int end = bytes.length;
      for (int i = bytes.length - 1; i >= 0 && newestFirst.size() < tailSize; i--) {
        if (bytes[i] == '\n') {
          line(bytes, i + 1, end, position, atEnd);
          atEnd = false;
          end = i;
        }
      }
      carry = Arrays.copyOf(bytes, end);
    }
    if (position == 0 && carry.length > 0 && newestFirst.size() < tailSize) {
      line(carry, 0, carry.length, 0, atEnd);
    }
  }

  /** Takes the line in {@code bytes[from, to)}; {@code last} when nothing follows it. */
  private void line(byte[] bytes, int from, int to, long blockStart, boolean last) {
    if (to == from) {
      return;
    }
    String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    String where = "the line at byte " + (blockStart + from) + " (" + text.length()
        + " characters)";
    try {
      JsonNode line = json.parse(text);
      accept(line, where);
    } catch (RuntimeException e) {
      unreadable++;
      problem(where + " is unreadable, " + e.getMessage() + (last
          ? ": a torn last line from a write cut short by a crash, ignored" : ": ignored"));
    }
  }

  private void accept(JsonNode line, String where) {
    long seq = AuditJson.seq(line);
    if (seq >= olderThan) {
      problem(where + ": seq " + seq + " is not below the seq " + olderThan + " after it");
    }
    olderThan = Math.min(olderThan, seq);
    lastSeq = Math.max(lastSeq, seq);
    try {
      newestFirst.add(json.record(line));
    } catch (RuntimeException e) {
      unreadable++;
      problem(where + " (seq " + seq + ") cannot be rebuilt, left out of the in-memory tail: "
          + e.getMessage());
    }
  }

  private Result result() {
    List<AuditRecord> tail = new ArrayList<>(newestFirst);
    Collections.reverse(tail);
    Collections.reverse(problems);
    if (problemCount > problems.size()) {
      problems.add(0, (problemCount - problems.size()) + " older problems not listed");
    }
    return new Result(lastSeq, List.copyOf(tail), tail.size(), unreadable,
        List.copyOf(problems));
  }

  private void problem(String description) {
    problemCount++;
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(description);
    }
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the audit file shrank while it was being read");
      }
    }
    return buffer.array();
  }

  private static byte[] concat(byte[] head, byte[] tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + tail.length);
    out.writeBytes(head);
    out.writeBytes(tail);
    return out.toByteArray();
  }
}
