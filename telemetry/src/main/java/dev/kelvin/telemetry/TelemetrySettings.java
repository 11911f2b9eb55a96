package dev.kelvin.telemetry;

import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.access.ClientIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the controller ingests telemetry over MQTT.
 *
 * @param session the subscription's MQTT session: keep its client id stable across restarts
 *     and its session persistent, so that the broker queues readings for the controller while
 *     it restarts or reconnects (the controller's Last Will is added from {@code topics})
 * @param topics the topic layout, under its prefix
 * @param maxPayloadBytes larger payloads are rejected as {@code too_large} before parsing
 * @param rejectLogPeriod each admitted node's rejects are logged at most once per period, and
 *     junk (topics naming no node, names outside the inventory) once per reject reason;
 *     every reject is still counted
 * @param backlog how received readings wait to be applied, and when the controller is blind
 * @param formats the wire formats read besides Kelvin JSON (Sparkplug B, Telegraf), whose
 *     topic filters are subscribed to beside Kelvin's own topics
 * @param sharedGroup when present, every filter is subscribed as the MQTT 5 shared
 *     subscription {@code $share/<group>/<filter>}, so that the broker splits the stream among
 *     the controllers of the group, each message to one of them
 */
public record TelemetrySettings(SessionSettings session, Topics topics, int maxPayloadBytes,
    Duration rejectLogPeriod, BacklogSettings backlog, IngestFormats formats,
    Optional<String> sharedGroup) {
  /** How long the broker keeps the subscription's session and readings while it is away. */
  public static final Duration SESSION_EXPIRY = Duration.ofMinutes(10);
  /** The controller\'s ingest session: its client id is {@code <username>:ingest}. */
  public static final String SESSION_NAME = "ingest";

  public TelemetrySettings {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(rejectLogPeriod, "rejectLogPeriod");
    Objects.requireNonNull(backlog, "backlog");
    Objects.requireNonNull(formats, "formats");
    Objects.requireNonNull(sharedGroup, "sharedGroup");
    sharedGroup.ifPresent(TelemetrySettings::requireGroupName);
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 1 byte, was "
          + maxPayloadBytes + " (64 KiB = 65536 is the default)");
    }
    if (rejectLogPeriod.isNegative()) {
      throw new IllegalArgumentException("rejectLogPeriod must not be negative, was "
          + rejectLogPeriod);
    }
  }

  /** Kelvin's own topics only, each controller receiving all of them. */
  public TelemetrySettings(SessionSettings session, Topics topics, int maxPayloadBytes,
      Duration rejectLogPeriod, BacklogSettings backlog) {
    this(session, topics, maxPayloadBytes, rejectLogPeriod, backlog,
        IngestFormats.kelvinOnly(), Optional.empty());
  }

  /** Settings with the default backlog ({@link BacklogSettings#defaults()}). */
  public TelemetrySettings(SessionSettings session, Topics topics, int maxPayloadBytes,
      Duration rejectLogPeriod) {
    this(session, topics, maxPayloadBytes, rejectLogPeriod, BacklogSettings.defaults());
  }

  /**
   * The defaults: a persistent session ({@link #SESSION_EXPIRY}) under the client id derived
   * from the login, {@code <username>:}{@value #SESSION_NAME}, topics under {@code kelvin/v1},
   * payloads up to 64 KiB, rejects logged once a minute per node. The client id is stable
   * across restarts on purpose: a restarted controller receives what the broker queued while it
   * was away. It is tied to the login, so a broker that checks (the embedded one) lets no other
   * identity take the session; two controllers need two identities.
   */
  public static TelemetrySettings defaults(MqttEndpoint endpoint) {
    return new TelemetrySettings(SessionSettings.persistent(endpoint,
        ClientIds.of(endpoint.username(), SESSION_NAME), SESSION_EXPIRY), Topics.defaults(),
        64 * 1024, Duration.ofMinutes(1));
  }

  /**
   * Every filter the controller subscribes to for telemetry: node readings, site batches,
   * facility sensors, then the other formats' filters, each shared when a group is set.
   */
  public List<String> subscriptions() {
    List<String> plain = new ArrayList<>(List.of(topics.allNodes(Topics.Channel.TELEMETRY),
        topics.allSiteTelemetry(), topics.allFacility()));
    plain.addAll(formats.filters());
    return plain.stream().map(filter -> sharedGroup.map(group -> "$share/" + group + "/"
        + filter).orElse(filter)).toList();
  }

  public TelemetrySettings withTopics(Topics value) {
    return new TelemetrySettings(session, value, maxPayloadBytes, rejectLogPeriod, backlog,
        formats, sharedGroup);
  }

  public TelemetrySettings withSession(SessionSettings value) {
    return new TelemetrySettings(value, topics, maxPayloadBytes, rejectLogPeriod, backlog,
        formats, sharedGroup);
  }

  public TelemetrySettings withBacklog(BacklogSettings value) {
    return new TelemetrySettings(session, topics, maxPayloadBytes, rejectLogPeriod, value,
        formats, sharedGroup);
  }

  public TelemetrySettings withFormats(IngestFormats value) {
    return new TelemetrySettings(session, topics, maxPayloadBytes, rejectLogPeriod, backlog,
        value, sharedGroup);
  }

  public TelemetrySettings withSharedGroup(Optional<String> value) {
    return new TelemetrySettings(session, topics, maxPayloadBytes, rejectLogPeriod, backlog,
        formats, value);
  }

  private static void requireGroupName(String group) {
    if (group.isEmpty() || group.contains("/") || group.contains("+") || group.contains("#")) {
      throw new IllegalArgumentException("shared subscription group '" + group + "' is not"
          + " valid: it must be non-empty, without '/', '+' or '#' (MQTT 5, 4.8.2)");
    }
  }
}
