package dev.kelvin.telemetry.decode;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.core.state.Admission;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of one telemetry message, independent of MQTT: decode it, offer the reading to the
 * {@link ClusterState}, count the outcome, and hand kept readings (live and late) to the store.
 * Every reject is counted with a {@link RejectSample}; its WARN log line is throttled to one
 * per node per period for nodes the state admits, and to one per reason per period for the
 * rest (topics that name no node, names outside the inventory), so junk cannot multiply log
 * lines. Wire text (the topic, excerpts in the message) is shown as a short escaped prefix
 * ({@link WireText}) in samples and log lines: a line stays a few hundred bytes whatever the
 * sender sent. Never throws on bad input,
 * so a transport callback can call it without guarding against the sender. Thread-safe: several
 * transport threads may ingest at once.
 */
public final class IngestPipeline {
  private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
  /** Distinct throttle keys remembered at most: a flood of bogus topics cannot grow memory. */
  private static final int MAX_THROTTLED_KEYS = 10_000;
  /** The most characters of a reject's message kept in its sample and log line. */
  private static final int MAX_MESSAGE_CHARS = 400;

  private final PayloadCodec decoder;
  private final ClusterState state;
  private final IngestCounters counters;
  private final ReadingSink store;
  private final PerKeyThrottle logThrottle;
  private final PerKeyThrottle storeLogThrottle;
  private final Duration rejectLogPeriod;

  /**
   * @param store receives every kept reading, live or late, with its receive time (use
   *     {@code (reading, at) -> {}} when nothing is stored)
   * @param clock paces the reject log throttle
   */
  public IngestPipeline(PayloadCodec decoder, ClusterState state, IngestCounters counters,
      ReadingSink store, InstantSource clock, Duration rejectLogPeriod) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.state = Objects.requireNonNull(state, "state");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.store = Objects.requireNonNull(store, "store");
    this.rejectLogPeriod = Objects.requireNonNull(rejectLogPeriod, "rejectLogPeriod");
    this.logThrottle = new PerKeyThrottle(rejectLogPeriod, clock, MAX_THROTTLED_KEYS);
    this.storeLogThrottle = new PerKeyThrottle(rejectLogPeriod, clock, 1);
  }

  /**
   * Ingests the message {@code payload} received on {@code topic} at {@code receivedAt}: one
   * result per reading it carried and per part refused, or one rejection for the whole message.
   */
  public List<IngestResult> ingest(String topic, byte[] payload, Instant receivedAt) {
    Decoded decoded;
    try {
      decoded = decoder.decode(topic, payload, receivedAt);
    } catch (ValidationException refused) {
      return List.of(reject(topic, receivedAt, refused.reason(), refused.field(),
          refused.getMessage()));
    } catch (RuntimeException bug) {
      log.error("Telemetry on {} could not be processed; counted as internal_error",
          WireText.shown(topic), bug);
      return List.of(reject(topic, receivedAt, RejectReason.INTERNAL_ERROR, "payload",
          "could not be processed (a Kelvin bug, please report it): " + bug));
    }
    List<IngestResult> results = new ArrayList<>(decoded.nodes().size()
        + decoded.facility().size() + decoded.refused().size());
    for (NodeReading reading : decoded.nodes()) {
      results.add(admit(topic, reading, receivedAt));
    }
    for (FacilityReading reading : decoded.facility()) {
      results.add(admit(topic, reading, receivedAt));
    }
    for (ValidationException refused : decoded.refused()) {
      results.add(reject(topic, receivedAt, refused.reason(), refused.field(),
          refused.getMessage()));
    }
    return results;
  }

  private IngestResult admit(String topic, FacilityReading reading, Instant receivedAt) {
    Admission admission = state.admit(reading, receivedAt);
    if (!kept(admission)) {
      RejectReason reason = admission.rejectReason().orElseThrow();
      return reject(topic, receivedAt, reason, fieldAtFault(admission), admission
          == Admission.UNKNOWN_NODE ? "sensor " + reading.sensor() + " at " + reading.site()
          + " is past the state's bound of facility sensors" : explain(admission, reading,
          receivedAt, state.settings().maxFutureSkew()));
    }
    try {
      store.acceptFacility(reading, receivedAt);
    } catch (RuntimeException failed) {
      logStoreFailure(reading.sensor().toString(), failed);
    }
    return new IngestResult.KeptFacility(reading, admission);
  }

  private IngestResult admit(String topic, NodeReading reading, Instant receivedAt) {
    Admission admission = state.admit(reading, receivedAt);
    if (!kept(admission)) {
      RejectReason reason = admission.rejectReason().orElseThrow();
      return reject(topic, receivedAt, reason, fieldAtFault(admission),
          explain(admission, reading, receivedAt, state.settings().maxFutureSkew()));
    }
    store(reading, receivedAt);
    return new IngestResult.Kept(reading, admission);
  }

  /** Counts a reading the state accepted or took as late; false for a rejected one. */
  private boolean kept(Admission admission) {
    if (admission == Admission.ACCEPTED) {
      counters.accepted();
      return true;
    }
    if (admission == Admission.LATE) {
      counters.late();
      return true;
    }
    return false;
  }

  private void store(NodeReading reading, Instant receivedAt) {
    try {
      store.accept(reading, receivedAt);
    } catch (RuntimeException failed) {
      logStoreFailure(reading.node().toString(), failed);
    }
  }

  private void logStoreFailure(String source, RuntimeException failed) {
    if (storeLogThrottle.allow("store")) {
      log.error("Storing a reading of {} failed (the live state has it; logged at most once"
          + " per {})", source, rejectLogPeriod, failed);
    }
  }

  private IngestResult reject(String topic, Instant receivedAt, RejectReason reason,
      String field, String message) {
    String source = WireText.shown(topic);
    String shownMessage = WireText.shown(message, MAX_MESSAGE_CHARS);
    RejectSample sample = new RejectSample(receivedAt, source, reason, field, shownMessage);
    counters.rejected(sample);
    String key = logKey(topic, reason);
    if (logThrottle.allow(key)) {
      log.warn("Rejected telemetry as {} ({}) on {}: {} (more from {}: counted, logged once"
          + " per {})", reason.label(), field, source, shownMessage, key, rejectLogPeriod);
    }
    return new IngestResult.Rejected(sample);
  }

  /** The node whose own telemetry topic {@code topic} is, when it is one. */
  public Optional<NodeId> nodeOf(String topic) {
    return decoder.topicNode(topic);
  }

  /** The node when the state admits it, else the reason: junk shares one line a period. */
  private String logKey(String topic, RejectReason reason) {
    return decoder.topicNode(topic)
        .filter(node -> reason != RejectReason.UNKNOWN_NODE && state.admits(node))
        .map(NodeId::toString).orElse(reason.label());
  }

  private static String fieldAtFault(Admission admission) {
    return switch (admission) {
      case DUPLICATE -> "seq";
      case CLOCK_SKEW -> "ts_ms";
      default -> "node";
    };
  }

  private static String explain(Admission admission, FacilityReading reading,
      Instant receivedAt, Duration maxFutureSkew) {
    return admission == Admission.DUPLICATE ? reading.kind() + " of sensor " + reading.sensor()
        + " at " + reading.at() + " arrived before (a QoS 1 redelivery)" : "ts_ms "
        + reading.at() + " is " + Duration.between(receivedAt, reading.at()).toMillis()
        + " ms ahead of this controller's clock (" + receivedAt + "), more than the "
        + maxFutureSkew.toMillis() + " ms allowed (state.max_future_skew): is the sensor"
        + " gateway's clock synchronised (NTP)?";
  }

  private static String explain(Admission admission, NodeReading reading, Instant receivedAt,
      Duration maxFutureSkew) {
    return switch (admission) {
      case DUPLICATE -> "reading of " + reading.node() + " with seq " + reading.seq() + " at "
          + reading.at() + " arrived before (a QoS 1 redelivery, or a sender that resent it)";
      case CLOCK_SKEW -> "ts_ms " + reading.at() + " is "
          + Duration.between(receivedAt, reading.at()).toMillis() + " ms ahead of this"
          + " controller's clock (" + receivedAt + "), more than the "
          + maxFutureSkew.toMillis() + " ms allowed (state.max_future_skew): is the node's"
          + " clock synchronised (NTP)?";
      default -> "node " + reading.node() + " is not in the inventory, or the state already"
          + " tracks its maximum number of nodes: add it to the inventory or check the"
          + " agent's node name";
    };
  }
}
