package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.trace.TraceJob;

/**
 * A job waiting to start, or to start again after an interruption.
 *
 * @param submitS when it was first submitted, seconds from the run's start
 * @param workS the work it has left, seconds at full clock
 * @param restarts how often it was interrupted before
 */
record PendingJob(TraceJob trace, double submitS, double workS, int restarts) {}
