package dev.kelvin.telemetry.decode.sparkplug;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** The NCMD payload that asks an edge node to publish its NBIRTH and DBIRTHs again. */
public final class RebirthCommand {
  /** The metric a host sets to true to ask for a rebirth (Sparkplug B 3.0). */
  public static final String REBIRTH_METRIC = "Node Control/Rebirth";

  private RebirthCommand() {}

  /** The NCMD payload, timestamped {@code at}, encoded with Tahu. */
  public static byte[] payload(Instant at) {
    try {
      Metric rebirth = new Metric.MetricBuilder(REBIRTH_METRIC, MetricDataType.Boolean, true)
          .createMetric();
      SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder()
          .setTimestamp(Date.from(at)).addMetric(rebirth).createPayload();
      return new SparkplugBPayloadEncoder().getBytes(payload, false);
    } catch (SparkplugInvalidTypeException | IOException impossible) {
      throw new IllegalStateException("Tahu refused to encode a Boolean rebirth metric",
          impossible);
    }
  }
}
