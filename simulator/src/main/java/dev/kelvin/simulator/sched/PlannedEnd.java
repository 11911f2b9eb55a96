package dev.kelvin.simulator.sched;

/**
 * A running job as backfilling plans with it: the nodes it holds and when its requested time
 * runs out (its start plus its limit). An end at or before now means it overran its limit and
 * counts as ending now.
 */
public record PlannedEnd(int nodes, long endS) {}
