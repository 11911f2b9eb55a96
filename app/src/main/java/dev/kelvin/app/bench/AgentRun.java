package dev.kelvin.app.bench;

import java.time.Duration;

/**
 * What one measured run of the agent process gave.
 *
 * @param interval the agent's publish interval
 * @param ready how long the agent took from its start to its ready line
 * @param measured the wall time the figures cover (after the warm-up)
 * @param rssBytes the median of the resident memory sampled every second ({@code VmRSS})
 * @param peakRssBytes the most resident memory since the agent started ({@code VmHWM})
 * @param cpuPercent user and system CPU time over wall time, in percent of one core
 * @param readingsPerSecond telemetry messages the subscriber received per second
 * @param loadAverage the machine's one-minute load average at the end of the window
 * @param exitCode what the agent exited with after SIGTERM (0 is a clean stop)
 */
record AgentRun(Duration interval, Duration ready, Duration measured, long rssBytes, long peakRssBytes,
    double cpuPercent, double readingsPerSecond, double loadAverage, int exitCode) {

  AgentRun withExitCode(int value) {
    return new AgentRun(interval, ready, measured, rssBytes, peakRssBytes, cpuPercent,
        readingsPerSecond, loadAverage, value);
  }
}
