package dev.kelvin.datasets.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a data file that could not be read, counted by reason. A few bad rows in a large
 * public log are skipped and reported; more than {@value #ALLOWED} rows and more than 1 % of
 * the data rows ({@link #MAX_SHARE}) stop the read, since the file is then more likely another
 * format or damaged than merely untidy.
 */
public final class BadRows {
  /** The share of data rows beyond which a read stops. */
  public static final double MAX_SHARE = 0.01;
  /** Bad rows always tolerated, however small the file. */
  public static final int ALLOWED = 10;
  private static final int SHOWN = 3;

  private final String source;
  private final Map<String, Integer> byReason = new TreeMap<>();
  private final List<String> first = new ArrayList<>();
  private int rows;
  private int bad;

  /** Counts for the file or table {@code source}. */
  public BadRows(String source) {
    this.source = source;
  }

  /** Counts one data row read, good or bad. */
  public void row() {
    rows++;
  }

  /** Counts a bad row at {@code where} (file and line) for {@code reason}. */
  public void bad(String where, String reason, String detail) {
    bad++;
    byReason.merge(reason, 1, Integer::sum);
    if (first.size() < SHOWN) {
      first.add(where + ": " + reason + " (" + detail + ")");
    }
  }

  public int rows() {
    return rows;
  }

  public int bad() {
    return bad;
  }

  /** The bad rows by reason, reasons sorted. */
  public Map<String, Integer> byReason() {
    return Map.copyOf(byReason);
  }

  /**
   * Stops the read when too many rows were bad.
   *
   * @throws FailureDataException naming the file, the counts by reason and the first bad rows
   */
  public void check() {
    if (bad > ALLOWED && bad > MAX_SHARE * rows) {
      throw new FailureDataException(summary() + "; more than " + ALLOWED + " and more than "
          + String.format(Locale.ROOT, "%.0f", MAX_SHARE * 100) + " % of the rows are bad, so"
          + " the read stops (another format, or a damaged file?)");
    }
  }

  /** Like {@code f.csv: 3,766 rows, 2 bad (1 bad time, 1 short row; first: ...)}. */
  public String summary() {
    String head = String.format(Locale.ROOT, "%s: %,d rows, %d bad", source, rows, bad);
    if (bad == 0) {
      return head;
    }
    List<String> reasons = new ArrayList<>();
    byReason.forEach((reason, count) -> reasons.add(count + " " + reason));
    return head + " (" + String.join(", ", reasons) + "; first: " + String.join("; ", first)
        + ")";
  }
}
