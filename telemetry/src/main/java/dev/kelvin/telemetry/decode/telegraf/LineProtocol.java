package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parser of InfluxDB line protocol, written from its reference: one point per line,
 * {@code measurement[,tag=value...] field=value[,field=value...] [timestamp]}; commas and
 * spaces escaped with a backslash in the measurement, and commas, spaces and equals signs in
 * tag keys, tag values and field keys; double quotes and backslashes escaped in string field
 * values; a backslash before any other character is a literal backslash. Field values are
 * floats ({@code 1.5}), signed integers ({@code 2i}), unsigned integers ({@code 2u}),
 * booleans ({@code t}, {@code true}, {@code F}, ...) or double-quoted strings; NaN and infinity
 * are not numbers there. Lines starting with {@code #} are comments; blank lines are skipped;
 * a carriage return before the newline is dropped.
 *
 * <p>A bad line is refused with a {@link ValidationException} naming its line number, the
 * column and the problem, and the other lines are still read. A line longer than the line
 * limit is refused unread, and the lines past the line-count limit are refused together, so
 * one message cannot make the parser work without bound. Thread-safe: it keeps no state.
 */
public final class LineProtocol {
  private final Precision precision;
  private final int maxLineChars;
  private final int maxLines;

  /** What one message held: its good lines and the refusal of each bad one, in order. */
  public record Parsed(List<Line> lines, List<ValidationException> refused) {
    public Parsed {
      lines = List.copyOf(lines);
      refused = List.copyOf(refused);
    }
  }

  /**
   * @param precision the unit of the timestamps
   * @param maxLineChars a longer line is refused as {@code too_large} without being parsed
   * @param maxLines the lines (other than comments and blank lines) after this many in one
   *     message are refused as {@code too_large}
   */
  public LineProtocol(Precision precision, int maxLineChars, int maxLines) {
    this.precision = Objects.requireNonNull(precision, "precision");
    if (maxLineChars < 1 || maxLines < 1) {
      throw new IllegalArgumentException("maxLineChars and maxLines must be >= 1, were "
          + maxLineChars + " and " + maxLines);
    }
    this.maxLineChars = maxLineChars;
    this.maxLines = maxLines;
  }

  /** Parses the lines of {@code text}. Never throws on bad input. */
  public Parsed parse(String text) {
    List<Line> lines = new ArrayList<>();
    List<ValidationException> refused = new ArrayList<>();
    int start = 0;
    int number = 0;
    int dataLines = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      number++;
      int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      if (!blankOrComment(text, start, stop)) {
        if (++dataLines > maxLines) {
          refused.add(tooMany(number, 1 + countDataLines(text, end + 1)));
          break;
        }
        parseOne(text, start, stop, number, lines, refused);
      }
      start = end + 1;
    }
    return new Parsed(lines, refused);
  }

  private void parseOne(String text, int start, int stop, int number, List<Line> lines,
      List<ValidationException> refused) {
    if (stop - start > maxLineChars) {
      refused.add(new ValidationException(RejectReason.TOO_LARGE, "line", "line " + number
          + ": " + (stop - start) + " characters, more than the limit of " + maxLineChars
          + " (max_line_chars): a field with a huge string value, or lines run together?"));
      return;
    }
    try {
      lines.add(new LineCursor(text, start, stop, number, precision).line());
    } catch (ValidationException bad) {
      refused.add(bad);
    }
  }

  private ValidationException tooMany(int firstNumber, int count) {
    return new ValidationException(RejectReason.TOO_LARGE, "payload", count + " lines from line "
        + firstNumber + " on refused: a message may hold at most " + maxLines
        + " lines (max_lines); lower Telegraf's metric_batch_size or raise the limit");
  }

  private static int countDataLines(String text, int from) {
    int count = 0;
    int start = from;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (!blankOrComment(text, start, end)) {
        count++;
      }
      start = end + 1;
    }
    return count;
  }

  private static boolean blankOrComment(String text, int start, int stop) {
    for (int i = start; i < stop; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r') {
        return c == '#';
      }
    }
    return true;
  }
}
