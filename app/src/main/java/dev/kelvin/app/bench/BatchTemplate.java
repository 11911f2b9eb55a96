package dev.kelvin.app.bench;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.wire.BatchWire;
import dev.kelvin.mqtt.StrictJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message slot of the ingest benchmark's publisher: the same {@code perMessage} nodes
 * round after round, encoded once by the project's own encoder ({@link BatchWire}) with
 * marker values for the two fields that change from round to round (the timestamp and the
 * sequence number), so that a round's message is the encoded text with its numbers written
 * in. The publisher stands for node agents on other machines; on the benchmark's machine its
 * encoding competed for the cores with Kelvin and InfluxDB (about 2 µs a reading), now it
 * costs a copy. {@code BatchTemplateTest} checks that a filled-in message is byte for byte
 * what the encoder writes.
 */
final class BatchTemplate {
  static final SiteId SITE = SiteId.of("bench");
  /** A timestamp no reading of a run has: 2100-01-01T00:00:00.123Z. */
  private static final long MARK_MS = 4_102_444_800_123L;
  /** A sequence number no run reaches. */
  private static final long MARK_SEQ = 987_654_321_987L;

  private final byte[][] parts;

  private BatchTemplate(byte[][] parts) {
    this.parts = parts;
  }

  /** The slot of the nodes {@code first} to {@code first + perMessage - 1}. */
  static BatchTemplate of(int first, int perMessage) {
    String encoded = new String(encode(first, perMessage, MARK_MS, MARK_SEQ),
        StandardCharsets.UTF_8);
    String ts = Long.toString(MARK_MS);
    String seq = Long.toString(MARK_SEQ);
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < perMessage; i++) {
      from = cut(encoded, ts, from, parts);
      from = cut(encoded, seq, from, parts);
    }
    parts.add(encoded.substring(from).getBytes(StandardCharsets.UTF_8));
    return new BatchTemplate(parts.toArray(new byte[0][]));
  }

  /** This slot's message for the round stamped {@code atMs} with sequence number {@code seq}. */
  byte[] fill(long atMs, long seq) {
    byte[] ts = Long.toString(atMs).getBytes(StandardCharsets.US_ASCII);
    byte[] round = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size() + parts.length * 16);
    for (int i = 0; i < parts.length; i++) {
      out.writeBytes(parts[i]);
      if (i + 1 < parts.length) {
        out.writeBytes(i % 2 == 0 ? ts : round);
      }
    }
    return out.toByteArray();
  }

  /** The message the encoder writes for this slot's nodes at {@code atMs}, round {@code seq}. */
  static byte[] encode(int first, int perMessage, long atMs, long seq) {
    List<NodeReading> readings = new ArrayList<>(perMessage);
    for (int node = first; node < first + perMessage; node++) {
      readings.add(new NodeReading(new NodeId(SITE, "n" + node), RackId.of("r" + node / 40),
          Instant.ofEpochMilli(atMs), seq, MetricValues.builder()
              .set(NodeMetric.POWER_WATTS, 200 + node % 300)
              .set(NodeMetric.CPU_TEMP_CELSIUS, 40 + node % 40)
              .set(NodeMetric.CPU_UTIL_RATIO, (node % 100) / 100.0).build()));
    }
    return StrictJson.write(BatchWire.encode(readings));
  }

  private int size() {
    int size = 0;
    for (byte[] part : parts) {
      size += part.length;
    }
    return size;
  }

  private static int cut(String encoded, String marker, int from, List<byte[]> parts) {
    int at = encoded.indexOf(marker, from);
    if (at < 0) {
      throw new IllegalStateException("the encoded batch lacks the marker " + marker
          + " after character " + from + ": the wire format changed its number form");
    }
    parts.add(encoded.substring(from, at).getBytes(StandardCharsets.UTF_8));
    return at + marker.length();
  }
}
