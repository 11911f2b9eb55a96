package dev.kelvin.simulator.report;

/** Text escaping and coordinate formatting shared by the SVG and HTML writers. */
public final class Svg {
  /** Colours that stay apart for readers with the common colour-vision deficiencies. */
  public static final String BLUE = "#0072b2";
  public static final String ORANGE = "#e69f00";
  public static final String GREEN = "#009e73";
  public static final String RED = "#d55e00";
  public static final String PURPLE = "#cc79a7";
  public static final String GREY = "#7f7f7f";
  public static final String BLACK = "#222222";

  private Svg() {}

  /** {@code text} safe inside XML and HTML text and double-quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // XML 1.0 allows no control characters but tab, line feed and carriage return
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A pixel coordinate to one decimal, without a locale; NaN as 0 (never drawn as NaN). */
  static void coordinate(StringBuilder out, double pixels) {
    long tenths = Double.isFinite(pixels) ? Math.round(pixels * 10) : 0;
    if (tenths < 0) {
      out.append('-');
      tenths = -tenths;
    }
    out.append(tenths / 10);
    if (tenths % 10 != 0) {
      out.append('.').append(tenths % 10);
    }
  }

  static String coordinate(double pixels) {
    StringBuilder out = new StringBuilder(8);
    coordinate(out, pixels);
    return out.toString();
  }
}
