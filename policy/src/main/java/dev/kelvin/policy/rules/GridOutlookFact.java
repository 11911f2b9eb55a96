package dev.kelvin.policy.rules;

import dev.kelvin.core.model.SiteId;
import java.util.Arrays;

/**
 * A site's grid over the next day as {@link GridOutlook} expects it: for each 10 minutes from
 * the present one, whether it will be clean and cheap (the present 10 minutes as now, every
 * later one as it was a day before).
 *
 * @param slotElapsedSeconds seconds of the present 10 minutes already gone
 * @param clean for each 10 minutes of the next day (0 the present one), whether it is expected
 *     clean and cheap; empty while the site has too few readings for an outlook
 */
public record GridOutlookFact(SiteId site, double slotElapsedSeconds, boolean[] clean) {
  static final double SLOT_SECONDS = GridOutlook.SLOT_SECONDS;

  public GridOutlookFact {
    clean = clean.clone();
  }

  /** A site whose outlook is not known yet. */
  public static GridOutlookFact unknown(SiteId site) {
    return new GridOutlookFact(site, 0, new boolean[0]);
  }

  /** Whether the site has enough grid readings for an outlook. */
  public boolean known() {
    return clean.length > 0;
  }

  /**
   * Seconds from now to the start of the first later 10 minutes expected clean and cheap that
   * begins within {@code maxWaitSeconds}: positive infinity when none does, NaN when the outlook
   * is not known. A day repeats, so none within a day means none at all.
   */
  public double cleanInSeconds(double maxWaitSeconds) {
    if (!known()) {
      return Double.NaN;
    }
    double last = Math.floor((Math.max(0, maxWaitSeconds) + slotElapsedSeconds) / SLOT_SECONDS);
    for (int ahead = 1; ahead < clean.length && ahead <= last; ahead++) {
      if (clean[ahead]) {
        return ahead * SLOT_SECONDS - slotElapsedSeconds;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GridOutlookFact fact && site.equals(fact.site)
        && slotElapsedSeconds == fact.slotElapsedSeconds && Arrays.equals(clean, fact.clean);
  }

  @Override
  public int hashCode() {
    return 31 * site.hashCode() + Arrays.hashCode(clean);
  }

  @Override
  public String toString() {
    return "GridOutlookFact[site=" + site + ", known=" + known() + "]";
  }
}
