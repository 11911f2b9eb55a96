package dev.kelvin.simulator.engine;

import java.util.SplittableRandom;

/**
 * Which site's queue a submitted job joins: with one site, that one; with several, a site
 * drawn from the scenario's seed with a chance proportional to its nodes, or the largest site
 * it fits when it does not fit the one drawn. A job larger than every site fits none.
 */
final class SiteChooser {
  private final Datacenter dc;
  private final SplittableRandom random;
  private final int totalNodes;

  SiteChooser(Datacenter dc, SplittableRandom random) {
    this.dc = dc;
    this.random = random;
    int total = 0;
    for (int s = 0; s < dc.siteCount(); s++) {
      total += dc.siteSize(s);
    }
    this.totalNodes = total;
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
    if (nodes <= dc.siteSize(drawn)) {
      return drawn;
    }
    int largest = -1;
    for (int s = 0; s < dc.siteCount(); s++) {
      if (nodes <= dc.siteSize(s) && (largest < 0 || dc.siteSize(s) > dc.siteSize(largest))) {
        largest = s;
      }
    }
    return largest;
  }
}
