package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.power.GpuPowerLimitCurve;
import dev.kelvin.simulator.scenario.ScenarioSite;
import dev.kelvin.simulator.scenario.SiteGpus;
import java.util.List;

/**
 * Every simulated GPU, in flat arrays: node {@code i}'s GPUs are the slots
 * {@code first[i] .. first[i+1]-1}, in index order. A GPU held by a job draws its model's
 * average training power at its limit (the Zeus curve) and runs at the curve's relative
 * throughput; one no job holds draws the site's idle power while its node is up; the GPUs of a
 * node that is off, failed or dark draw nothing. A job holds its node's lowest-numbered GPUs,
 * as many as it asks for per node (at most the node has).
 */
final class GpuBank {
  private final SiteGpus[] spec;
  private final int[] site;
  private final int[] first;
  /** The power limit in force on each GPU, W: its maximum when none is set. */
  private final double[] limitW;
  /** How many of each node's GPUs its job holds. */
  private final int[] busy;

  GpuBank(List<ScenarioSite> sites, int[] siteOfNode) {
    spec = sites.stream().map(ScenarioSite::gpus).toArray(SiteGpus[]::new);
    site = siteOfNode;
    first = new int[siteOfNode.length + 1];
    for (int i = 0; i < siteOfNode.length; i++) {
      first[i + 1] = first[i] + spec[siteOfNode[i]].perNode();
    }
    limitW = new double[first[siteOfNode.length]];
    busy = new int[siteOfNode.length];
    for (int i = 0; i < siteOfNode.length; i++) {
      for (int g = 0; g < count(i); g++) {
        limitW[first[i] + g] = maxLimitW(i);
      }
    }
  }

  /** All GPUs of the run. */
  int total() {
    return limitW.length;
  }

  int count(int node) {
    return first[node + 1] - first[node];
  }

  /** The slot of node {@code node}'s GPU {@code g}, for arrays over every GPU. */
  int slot(int node, int g) {
    return first[node] + g;
  }

  /** The power-limit curve of node {@code node}'s GPUs; only for a node that has GPUs. */
  GpuPowerLimitCurve curve(int node) {
    return spec[site[node]].curve().orElseThrow();
  }

  double limitW(int node, int g) {
    return limitW[first[node] + g];
  }

  double maxLimitW(int node) {
    return curve(node).maxLimitWatts();
  }

  double minLimitW(int node) {
    return curve(node).minLimitWatts();
  }

  /** Sets GPU {@code g}'s limit, clamped to its range as the driver clamps it; returns it. */
  double setLimitW(int node, int g, double watts) {
    double applied = curve(node).clampLimitWatts(watts);
    limitW[first[node] + g] = applied;
    return applied;
  }

  /** Back to the hardware default: the highest limit. */
  void resetLimit(int node, int g) {
    limitW[first[node] + g] = maxLimitW(node);
  }

  /** Node {@code node}'s job holds {@code gpus} of its GPUs (0 when it ends). */
  void hold(int node, int gpus) {
    busy[node] = Math.min(gpus, count(node));
  }

  boolean busy(int node, int g) {
    return g < busy[node];
  }

  /** What GPU {@code g} of node {@code node} draws in node state {@code state}, W. */
  double watts(int node, int g, byte state) {
    if (!up(state)) {
      return 0;
    }
    return busy(node, g) ? curve(node).averageWatts(limitW(node, g)) : spec[site[node]]
        .idleWatts();
  }

  /** What all of node {@code node}'s GPUs draw together in state {@code state}, W. */
  double watts(int node, byte state) {
    double sum = 0;
    for (int g = 0; g < count(node); g++) {
      sum += watts(node, g, state);
    }
    return sum;
  }

  /**
   * The pace of node {@code node}'s GPU work: the lowest relative throughput among the GPUs
   * its job holds (the slowest GPU holds back the step all of them synchronise on), 1 when
   * its job holds none.
   */
  double pace(int node) {
    double slowest = 1;
    for (int g = 0; g < busy[node]; g++) {
      slowest = Math.min(slowest, curve(node).throughputRatio(limitW(node, g)));
    }
    return slowest;
  }

  /** The most a site's node draws in GPUs: every GPU busy at its highest limit, W. */
  static double maxWatts(SiteGpus gpus) {
    return gpus.curve().map(c -> gpus.perNode() * c.averageWatts(c.maxLimitWatts())).orElse(0.0);
  }

  private static boolean up(byte state) {
    return state == NodeTable.IDLE || state == NodeTable.BUSY || state == NodeTable.BOOTING;
  }
}
