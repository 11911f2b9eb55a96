package dev.kelvin.datasets.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of one file that could not be used, counted by reason with the first place each
 * reason was seen. A read skips a bad row and goes on; it stops when more than {@link
 * #MAX_BAD_SHARE} of the rows are bad, since a file that bad is likely of another format.
 * Not thread-safe: one per read.
 */
public final class BadRows {
  /** The share of bad rows above which a read stops: 1 %. */
  public static final double MAX_BAD_SHARE = 0.01;

  private final String source;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Map<String, String> first = new LinkedHashMap<>();
  private long rows;

  public BadRows(String source) {
    this.source = source;
  }

  /** Counts one row read, good or bad. */
  public void row() {
    rows++;
  }

  /** Counts a bad row: {@code reason} says what was wrong, {@code where} the line. */
  public void bad(String reason, String where) {
    counts.merge(reason, 1, Integer::sum);
    first.putIfAbsent(reason, where);
  }

  public long rows() {
    return rows;
  }

  public long bad() {
    return counts.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** The bad rows by reason, in the order the reasons were first seen. */
  public Map<String, Integer> byReason() {
    return Map.copyOf(counts);
  }

  /**
   * Returns this tally when at most {@link #MAX_BAD_SHARE} of the rows are bad.
   *
   * @throws LoadDataException naming the file, the counts and the first place of each reason
   */
  public BadRows requireFew() {
    if (bad() > MAX_BAD_SHARE * rows) {
      throw new LoadDataException(source + ": " + bad() + " of " + rows + " rows are bad (more"
          + " than " + Math.round(MAX_BAD_SHARE * 100) + " %), nothing was used: " + summary()
          + " (a file of another format, or damaged?)");
    }
    return this;
  }

  /** Like {@code 3 bad rows of 1200: 2 wrong number of fields (first at f:7), 1 ...}. */
  public String summary() {
    if (counts.isEmpty()) {
      return "no bad rows of " + rows;
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d bad rows of %d: ",
        bad(), rows));
    String separator = "";
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      text.append(separator).append(entry.getValue()).append(' ').append(entry.getKey())
          .append(" (first at ").append(first.get(entry.getKey())).append(')');
      separator = "; ";
    }
    return text.toString();
  }
}
