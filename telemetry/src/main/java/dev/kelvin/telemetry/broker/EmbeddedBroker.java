package dev.kelvin.telemetry.broker;

import com.codahale.metrics.Counter;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ Community Edition) inside the controller's JVM, for the zero-setup
 * default and demos: readings and commands flow through it exactly as through Mosquitto. It
 * enforces Kelvin's access model ({@link BrokerAccess}: logins, client ids of one's own, topics
 * by role; refusals counted in {@link #refusals()}), takes packets up to
 * {@link BrokerSettings#MAX_PACKET_BYTES}, keeps sessions in memory, sends no usage statistics,
 * leaves the application's logging setup alone, and queues
 * {@link BrokerSettings#maxQueuedMessagesPerClient} messages per client. Throughput is about 1,100 QoS 1 messages/s on a small machine, so use a
 * real broker for load. HiveMQ needs logback-classic on the runtime class path.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final String DROPPED_METRIC = "com.hivemq.messages.dropped.count";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedHiveMQ hivemq;
  private final BrokerFolders folders;
  private final String host;
  private final int port;
  private final Duration startDuration;
  private final BrokerRefusals refusals;
  private boolean closed;

  private EmbeddedBroker(EmbeddedHiveMQ hivemq, BrokerFolders folders, String host, int port,
      Duration startDuration, BrokerRefusals refusals) {
    this.hivemq = hivemq;
    this.refusals = refusals;
    this.folders = folders;
    this.host = host;
    this.port = port;
    this.startDuration = startDuration;
  }

  /**
   * Starts a broker that admits the logins of {@code access}, and returns once it accepts
   * connections.
   *
   * @throws PortInUseException when the port is taken (checked before HiveMQ starts)
   * @throws BrokerException when HiveMQ fails to start
   */
  public static EmbeddedBroker start(BrokerSettings settings, BrokerAccess access) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(access, "access");
    int port = PortProbe.claim(settings.host(), settings.port());
    BrokerFolders folders = BrokerFolders.create(settings.workDir(),
        HiveMqConfig.render(settings.host(), port, settings.maxQueuedMessagesPerClient(),
            BrokerSettings.MAX_PACKET_BYTES));
    BrokerRefusals refusals = new BrokerRefusals();
    long startNanos = System.nanoTime();
    EmbeddedHiveMQ hivemq = launch(folders, settings.host() + ":" + port,
        AccessExtension.of(access, refusals));
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    log.info("Embedded MQTT broker listening on tcp://{}:{}, started in {} ms (in-memory,"
        + " logins required, queue {} messages per client)", settings.host(), port,
        took.toMillis(), settings.maxQueuedMessagesPerClient());
    return new EmbeddedBroker(hivemq, folders, settings.host(), port, took, refusals);
  }

  private static EmbeddedHiveMQ launch(BrokerFolders folders, String address,
      EmbeddedExtension access) {
    EmbeddedHiveMQ hivemq = null;
    try {
      hivemq = EmbeddedHiveMQ.builder()
          .withConfigurationFolder(folders.config())
          .withDataFolder(folders.data())
          .withExtensionsFolder(folders.extensions())
          .withoutLoggingBootstrap()
          .withEmbeddedExtension(access)
          .build();
      hivemq.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return hivemq;
    } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
      if (hivemq != null) {
        stopQuietly(hivemq);
      }
      folders.delete();
      restoreInterrupt(e);
      throw new BrokerException("the embedded MQTT broker (HiveMQ) did not start on " + address
          + " within " + START_TIMEOUT.toSeconds() + " s: " + rootCause(e), e);
    }
  }

  /** The port it listens on (the one picked when the settings said 0). */
  public int port() {
    return port;
  }

  /** Where MQTT clients connect: {@code tcp://host:port}. */
  public URI uri() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("tcp://" + shownHost + ":" + port);
  }

  /** How long HiveMQ took to start. */
  public Duration startDuration() {
    return startDuration;
  }

  /** What the broker refused so far: logins, client ids, publishes and subscriptions. */
  public BrokerRefusals refusals() {
    return refusals;
  }

  /**
   * Messages the broker dropped since start, mostly because a client's queue was full: any
   * value above 0 means readings or commands were lost.
   */
  public long droppedMessages() {
    Counter dropped = hivemq.getMetricRegistry().getCounters().get(DROPPED_METRIC);
    return dropped == null ? 0 : dropped.getCount();
  }

  /** Stops HiveMQ (a few seconds) and deletes its temporary folder. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long stopNanos = System.nanoTime();
    stopQuietly(hivemq);
    folders.delete();
    log.info("Embedded MQTT broker on port {} stopped in {} ms", port,
        Duration.ofNanos(System.nanoTime() - stopNanos).toMillis());
  }

  private static void stopQuietly(EmbeddedHiveMQ hivemq) {
    try {
      hivemq.stop().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      hivemq.close();
    } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
      restoreInterrupt(e);
      log.warn("The embedded MQTT broker did not stop cleanly: {}", rootCause(e));
    }
  }

  private static void restoreInterrupt(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause);
  }

  /** A port that something else already listens on. */
  public static final class PortInUseException extends BrokerException {
    private static final long serialVersionUID = 1L;
    private final int port;

    PortInUseException(String host, int port, Throwable cause) {
      super("MQTT port " + port + " on " + host + " is already in use (another MQTT broker,"
          + " such as Mosquitto, already running? stop it, or choose another port)", cause);
      this.port = port;
    }

    public int port() {
      return port;
    }
  }
}
