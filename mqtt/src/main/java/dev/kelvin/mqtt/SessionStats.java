package dev.kelvin.mqtt;

/**
 * What a session has done since it was made, for {@code /metrics} and health pages.
 *
 * @param connects successful connects, the first included
 * @param connectionsLost established connections that dropped
 * @param takeovers of those, the ones another client took over by connecting with this client
 *     id: a second process with the same identity, or a client that copied the id
 * @param connectFailures connect attempts that failed (unreachable, timed out, refused)
 * @param refusals what the broker refused that retrying cannot fix: logins, client ids,
 *     subscriptions and messages refused by its ACL
 * @param published messages the broker acknowledged
 * @param publishFailures messages that failed (not connected, refused, lost with the link)
 * @param received messages that arrived on subscriptions
 * @param connected whether the connection is up now
 */
public record SessionStats(long connects, long connectionsLost, long takeovers,
    long connectFailures,
    long refusals, long published, long publishFailures, long received, boolean connected) {}
