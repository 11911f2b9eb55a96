package dev.kelvin.agent;

import dev.kelvin.agent.lease.Refusal;
import java.util.Map;

/**
 * What a {@link NodeAgent} has done since it started, for health pages and tests.
 *
 * @param readingsPublished readings the broker acknowledged
 * @param publishFailures telemetry publishes that failed (each retried unless the broker
 *     refused the message itself)
 * @param readingsDropped readings lost because the backlog was full during a long outage, or
 *     still unsent when the agent closed
 * @param backlog readings waiting to be published (or in flight) now
 * @param sampleFailures ticks whose hardware sample failed
 * @param tickFailures publish ticks and lease checks that failed with an unexpected error (a
 *     bug, or an Error such as {@code NoClassDefFoundError} from a driver); each is logged at
 *     ERROR at most once a minute, and the next tick or check runs as planned
 * @param commandsApplied commands acknowledged as applied (renewals included)
 * @param commandsRejected commands acknowledged as rejected (malformed ones with a readable
 *     id included)
 * @param commandsRefused the rejected commands by reason, every reason present: they add up to
 *     {@code commandsRejected}
 * @param commandsDuplicate duplicates of applied commands (same id, issued no later), answered
 *     again without touching the hardware or the lease; not counted as applied
 * @param commandsFailed commands the hardware failed to apply
 * @param malformedCommands command payloads that could not be decoded, with or without an id
 * @param leasesExpired leases that ran out and were reverted to the hardware default
 * @param leasesHeld setpoints held under a lease now
 * @param connected whether the broker connection is up now
 */
public record AgentStats(long readingsPublished, long publishFailures, long readingsDropped,
    int backlog, long sampleFailures, long tickFailures, long commandsApplied,
    long commandsRejected, Map<Refusal, Long> commandsRefused, long commandsDuplicate,
    long commandsFailed, long malformedCommands, long leasesExpired,
    int leasesHeld, boolean connected) {
  public AgentStats {
    commandsRefused = Map.copyOf(commandsRefused);
  }

  /** The rejected commands refused for {@code reason}. */
  public long refused(Refusal reason) {
    return commandsRefused.getOrDefault(reason, 0L);
  }
}
