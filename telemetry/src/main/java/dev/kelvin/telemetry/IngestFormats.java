package dev.kelvin.telemetry;

import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.decode.CodecRouter;
import dev.kelvin.telemetry.decode.PayloadCodec;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import dev.kelvin.telemetry.decode.sparkplug.RebirthRequester;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugCodec;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wire formats a controller reads besides Kelvin JSON, each off unless configured:
 * Sparkplug B from facility gateways.
 */
public record IngestFormats(Optional<SparkplugSettings> sparkplug) {
  public IngestFormats {
    Objects.requireNonNull(sparkplug, "sparkplug");
  }

  /** Kelvin JSON only. */
  public static IngestFormats kelvinOnly() {
    return new IngestFormats(Optional.empty());
  }

  /** The subscription filters of the configured formats (Kelvin's own not included). */
  public List<String> filters() {
    List<String> filters = new ArrayList<>();
    sparkplug.ifPresent(settings -> filters.addAll(settings.subscriptions()));
    return filters;
  }

  /** The codecs that read them, built once: the Sparkplug codec keeps state per gateway. */
  public Codecs codecs(Topics topics, int maxPayloadBytes, RebirthRequester rebirths) {
    List<PayloadCodec> all = new ArrayList<>();
    all.add(new TelemetryDecoder(topics, maxPayloadBytes));
    Optional<SparkplugCodec> gateways = sparkplug.map(s -> new SparkplugCodec(s, rebirths));
    gateways.ifPresent(all::add);
    return new Codecs(new CodecRouter(all), gateways);
  }

  /** The codecs of one controller: the router the pipeline reads with, and each codec's figures. */
  public record Codecs(CodecRouter router, Optional<SparkplugCodec> sparkplug) { }
}
