package dev.kelvin.policy.rules;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;

/**
 * One node's availability as the workload manager reports it, at the snapshot's time: its
 * state and for how long, whether it is drained (by Kelvin or not) and for how long, and its
 * place in its site's order for power-down and wake. Only nodes the workload manager reports
 * get one (without it the idle and resume rules do not fire), and of those, not the busy nodes
 * that are not drained, which no rule reads.
 *
 * @param inStateSeconds how long it has been in {@code state}
 * @param drainedSeconds how long it has been drained; NaN when it is not
 * @param idleRank its place among its site's nodes that may be suspended (idle, not drained,
 *     fresh telemetry, no job), longest idle first; -1 when it may not be
 * @param wakeRank its place among its site's suspended nodes, longest suspended first; -1 when
 *     it is not suspended
 */
public record NodeStateFact(NodeId node, SiteId site, NodeAvailability.State state,
    double inStateSeconds, boolean drained, boolean drainedByKelvin, double drainedSeconds,
    int idleRank, int wakeRank) {}
