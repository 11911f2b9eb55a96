package dev.kelvin.telemetry.decode.telegraf;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of one target under one {@link Aggregation}, as lines add to it. A member seen
 * again replaces its earlier value in a sum and is not counted twice in a mean, so a message
 * delivered twice (MQTT QoS 1) changes nothing; a maximum needs no members.
 *
 * <p>An aggregate of one message keeps each member's value, so that it can be added to the
 * running aggregate of its instant ({@link #addAll}); a running aggregate keeps a mean's
 * members as bits of their number only (CPU ids, GPU indexes below {@value #MAX_MEMBER_ID}),
 * and a sum's at most {@value #MAX_PARTS} members. Not thread-safe.
 */
final class Aggregate {
  /** Members numbered at or above this (or not numbers) are counted without a repeat check. */
  static final int MAX_MEMBER_ID = 65_536;
  /** A sum keeps at most this many members; further ones are left out. */
  static final int MAX_PARTS = 1_024;

  private final Aggregation kind;
  private final boolean detailed;
  private double value = Double.NaN;
  private double sum;
  private int count;
  private BitSet seen;
  private Map<String, Double> parts;

  private Aggregate(Aggregation kind, boolean detailed) {
    this.kind = kind;
    this.detailed = detailed;
  }

  /** An aggregate of the lines of one message: it keeps each member's value. */
  static Aggregate ofMessage(Aggregation kind) {
    return new Aggregate(kind, true);
  }

  /** The running aggregate of one instant across messages. */
  static Aggregate running(Aggregation kind) {
    return new Aggregate(kind, false);
  }

  Aggregation kind() {
    return kind;
  }

  void add(String member, double part) {
    switch (kind) {
      case SET:
        value = part;
        break;
      case MAX:
        value = Double.isNaN(value) ? part : Math.max(value, part);
        break;
      case MEAN:
        addToMean(member, part);
        break;
      case SUM:
        addToSum(member, part);
        break;
      default:
        throw new AssertionError(kind);
    }
  }

  private void addToMean(String member, double part) {
    int id = memberId(member);
    if (id >= 0) {
      seen = seen != null ? seen : new BitSet();
      if (seen.get(id)) {
        return;
      }
      seen.set(id);
    } else if (detailed && parts != null && parts.containsKey(member)) {
      return;
    }
    if (detailed) {
      parts = parts != null ? parts : new LinkedHashMap<>();
      parts.put(member, part);
    }
    sum += part;
    count++;
    value = sum / count;
  }

  private void addToSum(String member, double part) {
    parts = parts != null ? parts : new LinkedHashMap<>();
    if (parts.size() < MAX_PARTS || parts.containsKey(member)) {
      parts.put(member, part);
    }
    double total = 0;
    for (double each : parts.values()) {
      total += each;
    }
    value = total;
  }

  /** Adds what {@code other}, an aggregate of one message of the same kind, holds. */
  void addAll(Aggregate other) {
    if (other.kind != kind || !other.detailed) {
      throw new IllegalArgumentException("cannot add a " + (other.detailed ? "" : "running ")
          + other.kind + " aggregate to a " + kind + " one");
    }
    if (other.parts != null) {
      other.parts.forEach(this::add);
    } else if (!Double.isNaN(other.value)) {
      add("", other.value);
    }
  }

  /** The aggregated value, or NaN when nothing was added. */
  double value() {
    return value;
  }

  private static int memberId(String member) {
    if (member.isEmpty() || member.length() > 5) {
      return -1;
    }
    int id = 0;
    for (int i = 0; i < member.length(); i++) {
      char c = member.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      id = id * 10 + (c - '0');
    }
    return id < MAX_MEMBER_ID ? id : -1;
  }
}
