package dev.kelvin.simulator.engine;

import java.util.SplittableRandom;

/**
 * Which site's queue a submitted job joins: with one site, that one; with several, a site
 * drawn from the scenario's seed with a chance proportional to its nodes, or the largest site
 * it fits when it does not fit the one drawn or that one has failed over (is closed). A job
 * larger than every site fits none.
 */
final class SiteChooser {
  private final Datacenter dc;
  private final SplittableRandom random;
  private final int totalNodes;
  private final boolean[] closed;

  SiteChooser(Datacenter dc, SplittableRandom random) {
    this.dc = dc;
    this.random = random;
    int total = 0;
    for (int s = 0; s < dc.siteCount(); s++) {
      total += dc.siteSize(s);
    }
    this.totalNodes = total;
    this.closed = new boolean[dc.siteCount()];
  }

  /** Stops routing new jobs to {@code site} (it failed over); they go to the open sites. */
  void close(int site) {
    closed[site] = true;
  }

  /** The site for a job of {@code nodes} nodes, or -1 when no site has that many. */
  int choose(int nodes) {
    if (dc.siteCount() == 1) {
      return nodes <= dc.siteSize(0) ? 0 : -1;
    }
    int draw = random.nextInt(totalNodes);
    int drawn = 0;
    for (int s = 0; s < dc.siteCount(); s++) {
      if (draw < dc.siteSize(s)) {
        drawn = s;
        break;
      }
      draw -= dc.siteSize(s);
    }
    boolean anyOpen = false;
    for (boolean shut : closed) {
      anyOpen |= !shut;
    }
    if (nodes <= dc.siteSize(drawn) && !(closed[drawn] && anyOpen)) {
      return drawn;
    }
    int largest = -1;
    for (int s = 0; s < dc.siteCount(); s++) {
      boolean eligible = nodes <= dc.siteSize(s) && !(closed[s] && anyOpen);
      if (eligible && (largest < 0 || dc.siteSize(s) > dc.siteSize(largest))) {
        largest = s;
      }
    }
    return largest < 0 ? fallback(nodes) : largest;
  }

  /** The largest site the job fits, open or not (only the closed ones are big enough). */
  private int fallback(int nodes) {
    int largest = -1;
    for (int s = 0; s < dc.siteCount(); s++) {
      if (nodes <= dc.siteSize(s) && (largest < 0 || dc.siteSize(s) > dc.siteSize(largest))) {
        largest = s;
      }
    }
    return largest;
  }
}
