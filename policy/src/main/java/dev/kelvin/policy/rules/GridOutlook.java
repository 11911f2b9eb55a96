package dev.kelvin.policy.rules;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.policy.CarbonSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each site's grid is expected to be over the next day, by the day before: the grid at a
 * time of day tomorrow is expected as it was at that time today (seasonal-naive, which follows
 * the daily swing of solar carbon intensity and of time-of-day prices). The carbon hold uses it
 * to hold a deferrable job only where a clean and cheap time is expected before the job's latest
 * start, and only until then; without it, a job that cannot reach one is held to its latest
 * start for nothing.
 *
 * <p>At each tick, the latest grid carbon and price a site's snapshot holds (the grid as the
 * rules see it then) are recorded in that tick's 10 minutes, keeping the dirtiest of each in
 * those 10 minutes, for the last day. A site has an outlook once at least half of the last
 * day's 10-minute slots hold its readings; 10 minutes no tick recorded count as not clean. Kept in
 * memory only: after a restart the hold acts as it did without an outlook until half a day
 * has passed. Thread-safe.
 */
public final class GridOutlook {
  static final long SLOT_SECONDS = 600;
  static final int SLOTS_PER_DAY = 144;
  private static final int KNOWN_FROM = SLOTS_PER_DAY / 2;

  private final Map<SiteId, Day> sites = new HashMap<>();

  /**
   * Records the grid readings of {@code snapshot}'s sites and returns the outlook of each, judged
   * clean and cheap by {@code settings}' thresholds. Sites no longer in the snapshot are dropped.
   */
  public synchronized List<GridOutlookFact> update(ClusterSnapshot snapshot,
      CarbonSettings settings) {
    long slot = Math.floorDiv(snapshot.at().getEpochSecond(), SLOT_SECONDS);
    sites.keySet().retainAll(snapshot.sites().keySet());
    List<GridOutlookFact> facts = new ArrayList<>(snapshot.sites().size());
    for (SiteView site : snapshot.sites().values()) {
      Day day = sites.computeIfAbsent(site.id(), id -> new Day());
      day.record(slot, SnapshotFacts.latest(site, FacilityKind.GRID_CARBON_G_PER_KWH),
          SnapshotFacts.latest(site, FacilityKind.GRID_PRICE_PER_KWH));
      facts.add(day.outlook(site.id(), slot, snapshot.at(), settings));
    }
    return facts;
  }

  /** One site's last day, one entry per 10 minutes: which 10 minutes it holds, and the values. */
  private static final class Day {
    private final long[] slots = new long[SLOTS_PER_DAY];
    private final double[] carbon = new double[SLOTS_PER_DAY];
    private final double[] price = new double[SLOTS_PER_DAY];

    Day() {
      Arrays.fill(slots, Long.MIN_VALUE);
    }

    void record(long slot, double gramsPerKwh, double pricePerKwh) {
      int i = index(slot);
      if (slots[i] != slot) {
        slots[i] = slot;
        carbon[i] = gramsPerKwh;
        price[i] = pricePerKwh;
        return;
      }
      carbon[i] = dirtier(carbon[i], gramsPerKwh);
      price[i] = dirtier(price[i], pricePerKwh);
    }

    /**
     * The outlook at {@code now} (in {@code slot}): the present 10 minutes as recorded, each
     * later one of the day as the same 10 minutes a day before (not clean where nothing was
     * recorded); unknown with less than half a day held.
     */
    GridOutlookFact outlook(SiteId site, long slot, Instant now, CarbonSettings settings) {
      if (held(slot) < KNOWN_FROM) {
        return GridOutlookFact.unknown(site);
      }
      boolean[] clean = new boolean[SLOTS_PER_DAY];
      for (int ahead = 0; ahead < SLOTS_PER_DAY; ahead++) {
        long source = ahead == 0 ? slot : slot + ahead - SLOTS_PER_DAY;
        int i = index(source);
        clean[ahead] = slots[i] == source && !settings.dirtyOrDear(carbon[i], price[i]);
      }
      double elapsed = now.getEpochSecond() - slot * SLOT_SECONDS + now.getNano() / 1e9;
      return new GridOutlookFact(site, elapsed, clean);
    }

    /** How many entries hold one of the last day's 10 minutes, up to {@code slot}. */
    private int held(long slot) {
      int count = 0;
      for (long held : slots) {
        count += held > slot - SLOTS_PER_DAY && held <= slot ? 1 : 0;
      }
      return count;
    }

    private static int index(long slot) {
      return (int) Math.floorMod(slot, (long) SLOTS_PER_DAY);
    }

    /** The larger of two values, a known one over NaN. */
    private static double dirtier(double held, double value) {
      return Double.isNaN(held) ? value : Double.isNaN(value) ? held : Math.max(held, value);
    }
  }
}
