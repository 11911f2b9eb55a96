package dev.kelvin.simulator.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One plot as an inline SVG element: a frame with ticked, titled axes, a legend, and lines
 * drawn in data units. Lines are piecewise-constant series downsampled to min/max buckets,
 * polylines, horizontal reference lines, or time-line ticks. No script and no external
 * resource: the markup is complete in itself.
 */
public final class SvgChart {
  static final int WIDTH = 1100;
  static final int HEIGHT = 300;
  private static final int MIN_LEFT = 72;
  private static final int RIGHT = 24;
  private static final int TOP = 52;
  private static final int BOTTOM = 46;

  /** How a line looks in the plot and in the legend. */
  public record Style(String color, boolean dashed, double widthPx) {
    public static Style solid(String color) {
      return new Style(color, false, 1.5);
    }

    public static Style dashed(String color) {
      return new Style(color, true, 1.5);
    }

    String attributes() {
      return "fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + widthPx + "\""
          + (dashed ? " stroke-dasharray=\"6 4\"" : "");
    }
  }

  private record LegendEntry(String label, Style style) {}

  private final String title;
  private final Axis x;
  private final Axis y;
  private final int height;
  /** The left margin: wide enough for the longest y tick label. */
  private final int left;
  private final StringBuilder lines = new StringBuilder();
  private final List<LegendEntry> legend = new ArrayList<>();

  public SvgChart(String title, Axis x, Axis y) {
    this(title, x, y, HEIGHT);
  }

  public SvgChart(String title, Axis x, Axis y, int heightPx) {
    this.title = title;
    this.x = x;
    this.y = y;
    this.height = heightPx;
    int longest = y.ticks().stream().mapToInt(tick -> tick.label().length()).max().orElse(0);
    this.left = Math.max(MIN_LEFT, 34 + 7 * longest);
  }

  /** Draws a downsampled series, its values multiplied by {@code scale} first. */
  SvgChart steps(Downsample.Buckets buckets, double scale, Style style, String label) {
    StringBuilder d = new StringBuilder(buckets.size() * 24);
    boolean open = false;
    for (int b = 0; b < buckets.size(); b++) {
      double xPx = px(buckets.startS(b));
      if (Double.isNaN(buckets.min()[b])) {
        if (open) {
          d.append('H');
          Svg.coordinate(d, xPx);
        }
        open = false;
      } else {
        bucket(d, open, xPx, buckets, b, scale);
        open = true;
      }
    }
    if (open) {
      d.append('H');
      Svg.coordinate(d, px(buckets.startS(buckets.size())));
    }
    return path(d, style, label);
  }

  /**
   * One bucket of a step path: a move to it when the path is not {@code open}; else, where the
   * value changes in it, a step across to it and a stroke through its max, min and end value.
   */
  private void bucket(StringBuilder d, boolean open, double xPx, Downsample.Buckets buckets,
      int b, double scale) {
    double low = buckets.min()[b] * scale;
    double high = buckets.max()[b] * scale;
    double first = Double.isNaN(buckets.first()[b]) ? low : buckets.first()[b] * scale;
    double last = buckets.last()[b] * scale;
    if (!open) {
      d.append('M');
      Svg.coordinate(d, xPx);
      d.append(' ');
      Svg.coordinate(d, py(first));
    }
    if (low != high || first != last) {
      d.append('H');
      Svg.coordinate(d, xPx);
      vertical(d, high);
      vertical(d, low);
      vertical(d, last);
    }
  }

  /** Draws straight segments through the points (data units). */
  public SvgChart polyline(double[] xs, double[] ys, Style style, String label) {
    StringBuilder d = new StringBuilder(xs.length * 14);
    for (int i = 0; i < xs.length; i++) {
      d.append(i == 0 ? 'M' : 'L');
      Svg.coordinate(d, px(xs[i]));
      d.append(' ');
      Svg.coordinate(d, py(ys[i]));
    }
    return path(d, style, label);
  }

  /** Draws a horizontal line across the plot at {@code value}, such as a power budget. */
  public SvgChart horizontal(double value, Style style, String label) {
    StringBuilder d = new StringBuilder("M").append(left).append(' ');
    Svg.coordinate(d, py(value));
    d.append('H').append(WIDTH - RIGHT);
    return path(d, style, label);
  }

  /**
   * Draws a row of short vertical ticks, one at each time, centred at {@code rowValue}, each
   * with its tooltip; for a time line of events.
   */
  SvgChart tickRow(double rowValue, String color, double[] timesS, String[] tooltips) {
    double yPx = py(rowValue) - 9;
    lines.append("<g stroke=\"").append(color).append("\" stroke-width=\"2\">\n");
    for (int i = 0; i < timesS.length; i++) {
      lines.append("<path d=\"M");
      Svg.coordinate(lines, px(timesS[i]));
      lines.append(' ');
      Svg.coordinate(lines, yPx);
      lines.append("v18\"><title>").append(Svg.escape(tooltips[i])).append("</title></path>\n");
    }
    lines.append("</g>\n");
    return this;
  }

  /** Draws a bar from {@code 0} to {@code value} over {@code [fromX, toX)} (data units). */
  public SvgChart bar(double fromX, double toX, double value, String color, String tooltip) {
    double top = py(Math.max(value, y.lo()));
    double bottom = py(y.lo());
    lines.append("<rect x=\"").append(Svg.coordinate(px(fromX))).append("\" y=\"")
        .append(Svg.coordinate(top)).append("\" width=\"")
        .append(Svg.coordinate(px(toX) - px(fromX))).append("\" height=\"")
        .append(Svg.coordinate(bottom - top)).append("\" fill=\"").append(color)
        .append("\"><title>").append(Svg.escape(tooltip)).append("</title></rect>\n");
    return this;
  }

  /** Adds a legend entry for what {@link #bar} or {@link #tickRow} drew. */
  public SvgChart legendEntry(String label, Style style) {
    legend.add(new LegendEntry(label, style));
    return this;
  }

  /** The complete {@code <svg>} element. */
  public String render() {
    StringBuilder svg = new StringBuilder(lines.length() + 4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
        .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
        .append(Svg.escape(title)).append("\">\n");
    svg.append("<text x=\"").append(left).append("\" y=\"20\" class=\"title\">")
        .append(Svg.escape(title)).append("</text>\n");
    legend(svg);
    yAxis(svg);
    xAxis(svg);
    svg.append("<rect x=\"").append(left).append("\" y=\"").append(TOP).append("\" width=\"")
        .append(WIDTH - left - RIGHT).append("\" height=\"").append(plotHeight())
        .append("\" fill=\"none\" stroke=\"#444\"/>\n");
    svg.append(lines);
    return svg.append("</svg>\n").toString();
  }

  private SvgChart path(StringBuilder d, Style style, String label) {
    if (d.length() == 0) {
      return this;
    }
    lines.append("<path ").append(style.attributes()).append(" d=\"").append(d)
        .append("\"/>\n");
    if (label != null) {
      legend.add(new LegendEntry(label, style));
    }
    return this;
  }

  private void vertical(StringBuilder d, double value) {
    d.append('V');
    Svg.coordinate(d, py(value));
  }

  private void legend(StringBuilder svg) {
    double at = left;
    for (LegendEntry entry : legend) {
      svg.append("<path ").append(entry.style().attributes()).append(" d=\"M")
          .append(Svg.coordinate(at)).append(" 36H").append(Svg.coordinate(at + 24))
          .append("\"/><text x=\"").append(Svg.coordinate(at + 30))
          .append("\" y=\"40\" class=\"legend\">").append(Svg.escape(entry.label()))
          .append("</text>\n");
      at += 44 + 6.5 * entry.label().length();
    }
  }

  private void yAxis(StringBuilder svg) {
    for (Axis.Tick tick : y.ticks()) {
      String yPx = Svg.coordinate(py(tick.value()));
      svg.append("<line x1=\"").append(left).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(yPx).append("\" y2=\"").append(yPx)
          .append("\" class=\"grid\"/><text x=\"").append(left - 6).append("\" y=\"")
          .append(yPx).append("\" dy=\"4\" text-anchor=\"end\" class=\"tick\">")
          .append(Svg.escape(tick.label())).append("</text>\n");
    }
    double middle = TOP + plotHeight() / 2.0;
    svg.append("<text transform=\"translate(16 ").append(Svg.coordinate(middle))
        .append(") rotate(-90)\" text-anchor=\"middle\" class=\"axis\">")
        .append(Svg.escape(y.title())).append("</text>\n");
  }

  private void xAxis(StringBuilder svg) {
    int base = TOP + plotHeight();
    for (Axis.Tick tick : x.ticks()) {
      String xPx = Svg.coordinate(px(tick.value()));
      svg.append("<line x1=\"").append(xPx).append("\" x2=\"").append(xPx).append("\" y1=\"")
          .append(base).append("\" y2=\"").append(base + 5).append("\" stroke=\"#444\"/><text x=\"")
          .append(xPx).append("\" y=\"").append(base + 18)
          .append("\" text-anchor=\"middle\" class=\"tick\">").append(Svg.escape(tick.label()))
          .append("</text>\n");
    }
    svg.append("<text x=\"").append(left + (WIDTH - left - RIGHT) / 2).append("\" y=\"")
        .append(height - 6).append("\" text-anchor=\"middle\" class=\"axis\">")
        .append(Svg.escape(x.title())).append("</text>\n");
  }

  private int plotHeight() {
    return height - TOP - BOTTOM;
  }

  private double px(double value) {
    return left + x.fraction(value) * (WIDTH - left - RIGHT);
  }

  private double py(double value) {
    return TOP + (1 - y.fraction(value)) * plotHeight();
  }
}
