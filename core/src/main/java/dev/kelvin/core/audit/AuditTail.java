package dev.kelvin.core.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The newest audit records, up to a capacity, in the order they were numbered: what audit logs
 * answer {@code since} and {@code recent} from. Not thread-safe; its owner locks.
 */
public final class AuditTail {
  private final int capacity;
  private final ArrayDeque<AuditRecord> records = new ArrayDeque<>();

  public AuditTail(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 record, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds the newest record, forgetting the oldest beyond capacity. */
  public void add(AuditRecord record) {
    AuditRecord newest = records.peekLast();
    if (newest != null && record.seq() <= newest.seq()) {
      throw new IllegalArgumentException("audit records are added in numbering order: "
          + record.seq() + " after " + newest.seq());
    }
    records.addLast(record);
    if (records.size() > capacity) {
      records.removeFirst();
    }
  }

  /** Up to {@code max} records numbered after {@code afterSeq}, oldest first. */
  public List<AuditRecord> since(long afterSeq, int max) {
    List<AuditRecord> out = new ArrayList<>();
    for (AuditRecord record : records) {
      if (out.size() >= max) {
        break;
      }
      if (record.seq() > afterSeq) {
        out.add(record);
      }
    }
    return out;
  }

  /** The newest {@code max} records, oldest first. */
  public List<AuditRecord> recent(int max) {
    List<AuditRecord> out = new ArrayList<>(Math.max(0, Math.min(max, records.size())));
    Iterator<AuditRecord> newestFirst = records.descendingIterator();
    while (newestFirst.hasNext() && out.size() < max) {
      out.add(newestFirst.next());
    }
    Collections.reverse(out);
    return out;
  }

  public int size() {
    return records.size();
  }
}
