package dev.kelvin.telemetry.decode.sparkplug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertyValue;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * A test Sparkplug edge node that builds its messages with Tahu's builders and encoder, the way
 * a gateway built on Tahu publishes them: seq counted 0..255 over NBIRTH and everything after
 * it, bdSeq in NBIRTH and NDEATH, topics under {@code spBv1.0}.
 */
final class EdgeNode {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** One message as the broker delivers it. */
  record Message(String topic, byte[] payload) {}

  private final String group;
  private final String edge;
  private long seq;
  private long bdSeq;
  private Instant now = T0;

  EdgeNode(String group, String edge) {
    this.group = group;
    this.edge = edge;
  }

  /** The time the next messages carry as their payload timestamp. */
  EdgeNode at(Instant time) {
    now = time;
    return this;
  }

  /** Loses {@code count} messages: the next one carries a seq that many further on. */
  EdgeNode lose(int count) {
    seq = (seq + count) % 256;
    return this;
  }

  long bdSeq() {
    return bdSeq;
  }

  Message nbirth(Metric... metrics) {
    seq = 0;
    List<Metric> all = new ArrayList<>(List.of(metrics));
    all.add(metric("bdSeq", MetricDataType.UInt64, BigInteger.valueOf(bdSeq)));
    return message("NBIRTH", null, seq++, all);
  }

  Message ndata(Metric... metrics) {
    return message("NDATA", null, next(), List.of(metrics));
  }

  Message dbirth(String device, Metric... metrics) {
    return message("DBIRTH", device, next(), List.of(metrics));
  }

  Message ddata(String device, Metric... metrics) {
    return message("DDATA", device, next(), List.of(metrics));
  }

  Message ddeath(String device) {
    return message("DDEATH", device, next(), List.of());
  }

  /** The NDEATH of the current session (its Last Will); the next NBIRTH starts a new one. */
  Message ndeath() {
    Message death = message("NDEATH", null, null,
        List.of(metric("bdSeq", MetricDataType.UInt64, BigInteger.valueOf(bdSeq))));
    bdSeq++;
    return death;
  }

  /** An NDEATH carrying {@code staleBdSeq}, as a broker delivers an old session's will. */
  Message ndeath(long staleBdSeq) {
    return message("NDEATH", null, null,
        List.of(metric("bdSeq", MetricDataType.UInt64, BigInteger.valueOf(staleBdSeq))));
  }

  /**
   * A metric by name, datatype and value (Tahu's MetricBuilder), without the timestamp of its
   * own that Tahu gives it: it is read at its message's timestamp unless {@link #stamped}.
   */
  static Metric metric(String name, MetricDataType type, Object value) {
    try {
      return unstamped(new Metric.MetricBuilder(name, type, value).createMetric());
    } catch (SparkplugInvalidTypeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A birth metric that declares {@code alias}. */
  static Metric declared(String name, long alias, MetricDataType type, Object value) {
    Metric metric = metric(name, type, value);
    metric.setAlias(alias);
    return metric;
  }

  /** A data metric sent by alias only, as a gateway sends it after its birth. */
  static Metric byAlias(long alias, MetricDataType type, Object value) {
    try {
      return unstamped(new Metric.MetricBuilder(alias, type, value).createMetric());
    } catch (SparkplugInvalidTypeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code metric} with the {@code engUnit} property. */
  static Metric withUnit(Metric metric, String engUnit) {
    try {
      metric.setProperties(new PropertySet.PropertySetBuilder()
          .addProperty("engUnit", new PropertyValue(PropertyDataType.String, engUnit))
          .createPropertySet());
      return metric;
    } catch (SparkplugInvalidTypeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code metric} with its own timestamp. */
  static Metric stamped(Metric metric, Instant at) {
    metric.setTimestamp(Date.from(at));
    return metric;
  }

  private static Metric unstamped(Metric metric) {
    metric.setTimestamp(null);
    return metric;
  }

  private long next() {
    long current = seq;
    seq = (seq + 1) % 256;
    return current;
  }

  private Message message(String type, String device, Long messageSeq, List<Metric> metrics) {
    SparkplugBPayload.SparkplugBPayloadBuilder builder =
        new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(Date.from(now))
            .addMetrics(metrics);
    if (messageSeq != null) {
      builder.setSeq(messageSeq);
    }
    String topic = "spBv1.0/" + group + "/" + type + "/" + edge
        + (device == null ? "" : "/" + device);
    return new Message(topic, encode(builder.createPayload()));
  }

  static byte[] encode(SparkplugBPayload payload) {
    return encode(payload, false);
  }

  /** Encodes {@code payload} with Tahu, leaving the datatypes out when {@code strip}. */
  static byte[] encode(SparkplugBPayload payload, boolean strip) {
    try {
      return new SparkplugBPayloadEncoder().getBytes(payload, strip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
