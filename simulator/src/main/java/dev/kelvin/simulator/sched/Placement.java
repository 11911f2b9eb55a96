package dev.kelvin.simulator.sched;

/** A job the scheduler starts now, with the indices of the nodes it gets, ascending. */
public record Placement(QueuedJob job, int[] nodes) {}
