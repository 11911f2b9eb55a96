package dev.kelvin.simulator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How the time line orders, colours and groups the marks of each kind. */
final class MarkKinds {
  private static final List<String> KNOWN = List.of("failure", "action", "alarm", "event");
  private static final int LABEL_CHARS = 60;

  /** Known kinds in their fixed order, then any other kind by name. */
  static final Comparator<String> ORDER = Comparator
      .comparingInt((String kind) -> KNOWN.contains(kind) ? KNOWN.indexOf(kind) : KNOWN.size())
      .thenComparing(Comparator.naturalOrder());

  private MarkKinds() {}

  static String color(String kind) {
    return switch (kind) {
      case "failure" -> Svg.RED;
      case "action" -> Svg.BLUE;
      case "alarm" -> Svg.ORANGE;
      case "event" -> Svg.GREEN;
      default -> Svg.PURPLE;
    };
  }

  /**
   * Draws one tick per time bucket that holds marks, so a row costs at most {@code buckets}
   * ticks however many marks it has; a tick's tooltip gives the count, the time and the first
   * label.
   */
  static void draw(SvgChart chart, List<Mark> unordered, double rowValue, double endS,
      int buckets) {
    if (unordered.isEmpty()) {
      return;
    }
    List<Mark> marks = unordered.stream().sorted(Comparator.comparingDouble(Mark::timeS))
        .toList();
    double widthS = endS / buckets;
    List<Double> times = new ArrayList<>();
    List<String> tooltips = new ArrayList<>();
    int from = 0;
    while (from < marks.size()) {
      long bucket = bucketOf(marks.get(from), widthS, buckets);
      int to = from + 1;
      while (to < marks.size() && bucketOf(marks.get(to), widthS, buckets) == bucket) {
        to++;
      }
      times.add(marks.get(from).timeS());
      tooltips.add(tooltip(marks.subList(from, to)));
      from = to;
    }
    chart.tickRow(rowValue, color(marks.get(0).kind()),
        times.stream().mapToDouble(Double::doubleValue).toArray(), tooltips.toArray(String[]::new));
  }

  private static long bucketOf(Mark mark, double widthS, int buckets) {
    return Math.min(buckets - 1, Math.max(0, (long) Math.floor(mark.timeS() / widthS)));
  }

  private static String tooltip(List<Mark> group) {
    Mark first = group.get(0);
    String label = first.label().codePointCount(0, first.label().length()) <= LABEL_CHARS
        ? first.label()
        : first.label().substring(0, first.label().offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    return String.format(Locale.ROOT, "%d %s%s from %.2f h: %s%s", group.size(), first.kind(),
        group.size() == 1 ? "" : "s", first.timeS() / 3600, label,
        group.size() == 1 ? "" : ", …");
  }
}
