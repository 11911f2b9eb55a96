package dev.kelvin.simulator.report;

import java.util.List;

/**
 * A self-contained report page (inline CSS and SVG, no script, nothing fetched), built top to
 * bottom: the simulator's reports and the predictor's evaluation reports share its look.
 */
public final class HtmlPage {
  static final String CSS = """
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1140px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
      p.meta{color:#555;margin:0 0 16px}
      table{border-collapse:collapse;margin:8px 0}
      td,th{border:1px solid #ccc;padding:3px 10px;text-align:right}
      th:first-child,td:first-child{text-align:left}th{background:#f2f2f2}
      figure{margin:12px 0 20px}figcaption{color:#555;font-size:13px;max-width:1100px}
      svg.chart{display:block;background:#fff}
      svg .title{font-size:15px;font-weight:600}svg .legend,svg .tick{font-size:12px}
      svg .axis{font-size:13px}svg .grid{stroke:#e3e3e3}
      """;

  private final StringBuilder page;

  /** A page titled {@code title}, with {@code meta} in grey below the title. */
  public HtmlPage(String title, String meta) {
    page = new StringBuilder(64 * 1024)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Svg.escape(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>").append(Svg.escape(title))
        .append("</h1>\n<p class=\"meta\">").append(Svg.escape(meta)).append("</p>\n");
  }

  public HtmlPage heading(String text) {
    page.append("<h2>").append(Svg.escape(text)).append("</h2>\n");
    return this;
  }

  public HtmlPage paragraph(String text) {
    page.append("<p>").append(Svg.escape(text)).append("</p>\n");
    return this;
  }

  /** A table; the first row is the header. Cells are text, escaped here. */
  public HtmlPage table(List<List<String>> rows) {
    page.append("<table>\n");
    for (int r = 0; r < rows.size(); r++) {
      String cell = r == 0 ? "th" : "td";
      page.append("<tr>");
      for (String text : rows.get(r)) {
        page.append('<').append(cell).append('>').append(Svg.escape(text))
            .append("</").append(cell).append('>');
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n");
    return this;
  }

  /** A chart (an {@code <svg>} element from {@link SvgChart#render()}) with its caption. */
  public HtmlPage figure(String svg, String caption) {
    page.append("<figure>\n").append(svg).append("\n<figcaption>")
        .append(Svg.escape(caption)).append("</figcaption>\n</figure>\n");
    return this;
  }

  /** The finished page. */
  public String render() {
    return page + "</body>\n</html>\n";
  }
}
