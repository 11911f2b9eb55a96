package dev.kelvin.app.predict;

import dev.kelvin.predictor.load.HorizonScore;
import dev.kelvin.predictor.load.LoadScores;
import dev.kelvin.predictor.load.TraceScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The MASE table of a load evaluation, as text for stdout and as rows for the report page. */
final class LoadTable {
  static final List<String> HEADER = List.of("trace", "horizon", "forecasts", "model MASE",
      "persistence MASE", "seasonal-naive MASE", "day-ago known");

  private LoadTable() {}

  /** The header and one row per trace and horizon, then the overall rows. */
  static List<List<String>> rows(LoadScores scores) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (TraceScore trace : scores.traces()) {
      for (int h = 0; h < scores.horizons().count(); h++) {
        HorizonScore score = trace.horizons().get(h);
        rows.add(List.of(trace.trace(), scores.horizons().key(h),
            String.valueOf(score.forecasts()), number(trace.mase(h)),
            number(trace.persistenceMase(h)), number(trace.seasonalMase(h)),
            percent(score.seasonalCoverage())));
      }
    }
    for (int h = 0; h < scores.horizons().count(); h++) {
      rows.add(List.of("overall (mean of traces)", scores.horizons().key(h), "",
          number(scores.mase(h)), number(scores.persistenceMase(h)),
          number(scores.seasonalMase(h)), ""));
    }
    return rows;
  }

  /** The rows as aligned text, one line each. */
  static String render(LoadScores scores) {
    List<List<String>> rows = rows(scores);
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
        text.append(String.format(Locale.ROOT, format, row.get(c)));
      }
      text.append('\n');
    }
    return text.toString();
  }

  static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }

  private static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f %%", 100 * share) : "n/a";
  }
}
