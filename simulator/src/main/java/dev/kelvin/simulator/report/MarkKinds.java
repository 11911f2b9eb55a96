package dev.kelvin.simulator.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How the time line orders, colours and groups the marks of each kind. */
final class MarkKinds {
  private static final List<String> KNOWN = List.of("failure", "action", "alarm", "event");
  private static final int LABELS_PER_TOOLTIP = 3;

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
   * Draws one tick per time bucket that holds marks (so a row costs at most {@code buckets}
   * ticks however many marks it has); its tooltip gives the count and the first few labels.
   */
  static void draw(SvgChart chart, List<Mark> unordered, double rowValue, double endS,
      int buckets) {
    List<Mark> marks = unordered.stream().sorted(Comparator.comparingDouble(Mark::timeS))
        .toList();
    double widthS = endS / buckets;
    int from = 0;
    while (from < marks.size()) {
      long bucket = bucketOf(marks.get(from), widthS, buckets);
      int to = from + 1;
      while (to < marks.size() && bucketOf(marks.get(to), widthS, buckets) == bucket) {
        to++;
      }
      List<Mark> group = marks.subList(from, to);
      chart.tick(group.get(0).timeS(), rowValue, color(group.get(0).kind()), tooltip(group));
      from = to;
    }
  }

  private static long bucketOf(Mark mark, double widthS, int buckets) {
    return Math.min(buckets - 1, Math.max(0, (long) Math.floor(mark.timeS() / widthS)));
  }

  private static String tooltip(List<Mark> group) {
    StringBuilder text = new StringBuilder();
    text.append(group.size()).append(' ').append(group.get(0).kind())
        .append(group.size() == 1 ? "" : "s").append(" from ")
        .append(String.format(Locale.ROOT, "%.2f h", group.get(0).timeS() / 3600));
    for (int i = 0; i < Math.min(LABELS_PER_TOOLTIP, group.size()); i++) {
      text.append('\n').append(group.get(i).label());
    }
    if (group.size() > LABELS_PER_TOOLTIP) {
      text.append("\n…");
    }
    return text.toString();
  }
}
