package dev.kelvin.telemetry.broker;

import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.validation.WireText;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded broker refused, counted by reason and logged at WARN at most once a minute
 * per reason and client, the client id and the detail shown as a short escaped prefix
 * ({@link WireText}). Thread-safe.
 */
public final class BrokerRefusals {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerRefusals.class);
  private static final int MAX_LOGGED_KEYS = 1_000;

  /** Why a client, a message or a subscription was refused. */
  public enum Reason {
    /** No username, an unknown one or a wrong password. */
    BAD_LOGIN("bad_login"),
    /** A client id that does not start with the client's own username. */
    FOREIGN_CLIENT_ID("foreign_client_id"),
    /** A publish outside the client's grants. */
    PUBLISH_DENIED("publish_denied"),
    /** A subscription wider than the client's grants. */
    SUBSCRIBE_DENIED("subscribe_denied");

    private final String key;

    Reason(String key) {
      this.key = key;
    }

    /** The name on {@code /metrics}. */
    public String key() {
      return key;
    }
  }

  private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
  private final PerKeyThrottle logged =
      new PerKeyThrottle(Duration.ofMinutes(1), Clock.systemUTC(), MAX_LOGGED_KEYS);

  BrokerRefusals() {
    for (Reason reason : Reason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  /** Refusals of {@code reason} so far. */
  public long count(Reason reason) {
    return counts.get(reason).sum();
  }

  void refuse(Reason reason, String clientId, String detail) {
    counts.get(reason).increment();
    String client = WireText.shown(clientId);
    if (logged.allow(reason.key() + "|" + client)) {
      LOG.warn("embedded broker refused {} ({}): {} ({} refusals of this kind so far)", client,
          reason.key(), WireText.shown(detail), count(reason));
    }
  }
}
