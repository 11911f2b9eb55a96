package dev.kelvin.telemetry;

import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.mqtt.AcknowledgingListener;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttSessionException;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.SessionStats;
import dev.kelvin.telemetry.decode.IngestPipeline;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the live cluster state from MQTT: subscribes at QoS 1 to every node's telemetry topic,
 * every site's batch and facility topics and the configured other formats' filters (each as a
 * shared subscription when a group is set, {@link TelemetrySettings#subscriptions()}),
 * and hands each message, stamped with its receive time, to an {@link IngestWorker}, which
 * applies it through an {@link IngestPipeline} off the session's delivery thread.
 *
 * <p>Nothing is lost while the connection drops: the session is persistent (see
 * {@link TelemetrySettings#session()}), so the broker queues readings while the session
 * reconnects, and the subscription is renewed on every reconnect in case the broker restarted
 * without its sessions. The controller's status topic says {@code online} (retained) while
 * connected; the Last Will sets it to {@code offline} when the connection breaks, and
 * {@link #close()} does so on the way out.
 */
public final class TelemetrySubscriber implements AutoCloseable {
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";
  private static final Logger LOG = LoggerFactory.getLogger(TelemetrySubscriber.class);

  private final TelemetrySettings settings;
  private final IngestWorker worker;
  private final Scheduler scheduler;
  private final MqttSession session;

  /**
   * A subscriber whose state has the default stale limit and node bound.
   *
   * @param scheduler reads the receive time of each message, applies them and paces reconnects
   */
  public TelemetrySubscriber(TelemetrySettings settings, IngestPipeline pipeline,
      MqttTransport transport, Scheduler scheduler) {
    this(settings, new IngestWorker(pipeline, settings.backlog(),
        StateSettings.defaults().staleAfter(), StateSettings.defaults().maxNodes(), scheduler,
        settings.rejectLogPeriod()), transport, scheduler);
  }

  /**
   * @param worker applies what arrives, off the session's delivery thread
   * @param scheduler reads the receive time of each message and paces reconnects
   */
  public TelemetrySubscriber(TelemetrySettings settings, IngestWorker worker,
      MqttTransport transport, Scheduler scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.session = transport.session(settings.session().withWill(
        settings.topics().controllerStatus(), OFFLINE), scheduler, new Events());
  }

  /**
   * Connects and subscribes; returns once both are done.
   *
   * @throws TelemetryException naming the broker and a likely cause when it cannot connect or
   *     subscribe
   */
  public void start() {
    settings.subscriptions().forEach(session::subscribe);
    try {
      session.open();
    } catch (MqttSessionException e) {
      throw new TelemetryException("telemetry cannot start: " + e.getMessage(), e);
    }
    LOG.info("Ingesting telemetry from {} on {} as client {}", settings.session().endpoint(),
        settings.subscriptions(), session.clientId());
  }

  /** Whether the session is connected now (false while it reconnects). */
  public boolean connected() {
    return session.connected();
  }

  /** What applies the telemetry received: its backlog, sheds and the blindness rule. */
  public IngestWorker worker() {
    return worker;
  }

  /**
   * Publishes {@code payload} on {@code topic} (QoS 1, not retained) through the ingest session:
   * what a codec sends back to a sender, such as a Sparkplug rebirth request. Never blocks; a
   * message that cannot be sent is logged, and the codec asks again if it still needs to.
   */
  public void publish(String topic, byte[] payload) {
    Optional<MqttFailure> refused = session.publish(topic, payload, false, outcome ->
        outcome.ifPresent(failure -> LOG.warn("Could not publish to {}: {}", topic,
            failure.message())));
    refused.ifPresent(failure -> LOG.warn("Could not publish to {}: {}", topic,
        failure.message()));
  }

  /** The session's counts: connects, losses, refusals, messages received. */
  public SessionStats stats() {
    return session.stats();
  }

  /**
   * Sets the controller status to {@code offline} and disconnects. The broker keeps the
   * session, so a restart under the same client id picks up what was published meanwhile.
   */
  @Override
  public void close() {
    if (session.connected()) {
      session.publish(settings.topics().controllerStatus(), bytes(OFFLINE), true, outcome ->
          outcome.ifPresent(failure -> LOG.warn("Could not announce the controller offline: {};"
              + " its Last Will does instead", failure.message())));
    }
    session.close();
    LOG.info("Stopped ingesting telemetry from {}", settings.session().endpoint());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The session's events, on its delivery thread. */
  private final class Events implements AcknowledgingListener {
    @Override
    public void message(String topic, byte[] payload, Acknowledgement ack) {
      worker.received(topic, payload, scheduler.now(), ack);
    }

    @Override
    public void connected(boolean reconnect) {
      session.publish(settings.topics().controllerStatus(), bytes(ONLINE), true, outcome ->
          outcome.ifPresent(failure -> LOG.warn("Could not announce the controller online: {}",
              failure.message())));
      if (reconnect) {
        LOG.info("Reconnected to the MQTT broker {}; telemetry subscription renewed",
            settings.session().endpoint());
      }
    }

    @Override
    public void connectionLost(MqttFailure failure) {
      LOG.warn("Lost the MQTT broker {}: {}; reconnecting (the broker keeps the session for {})",
          settings.session().endpoint(), failure.message(), settings.session().sessionExpiry());
    }

    @Override
    public void refused(MqttFailure failure) {
      LOG.error("The MQTT broker refuses telemetry: {}; no telemetry arrives until this is"
          + " fixed", failure.message());
    }
  }
}
