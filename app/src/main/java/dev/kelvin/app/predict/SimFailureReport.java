package dev.kelvin.app.predict;

import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.telemetry.PrecursorRecall;
import dev.kelvin.predictor.telemetry.SimTelemetrySource;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code kelvin eval failure} adds for recorded simulator telemetry: recall and lead time
 * over the failures that showed precursors and over those that came without warning.
 */
final class SimFailureReport {
  private SimFailureReport() {}

  static void print(PrintWriter out, FailureModel model, List<FailureSources.Found> found,
      Map<String, Instant> testFrom) {
    for (FailureSources.Found one : found) {
      if (one.source() instanceof SimTelemetrySource source) {
        PrecursorRecall recall = PrecursorRecall.of(model, one.path(),
            testFrom.get(source.name()));
        line(out, "with precursors", recall.warned());
        line(out, "without warning", recall.unwarned());
        out.flush();
      }
    }
  }

  private static void line(PrintWriter out, String which, LeadTimes leads) {
    out.printf(Locale.ROOT, "failures %s: %d, caught %d (recall %s), lead median %s min%n",
        which, leads.events(), leads.caught(), TableCell.number(leads.recall(), 3),
        TableCell.number(leads.medianSeconds() / 60, 1));
  }
}
