package dev.kelvin.telemetry;

import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.decode.CodecRouter;
import dev.kelvin.telemetry.decode.PayloadCodec;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import dev.kelvin.telemetry.decode.sparkplug.RebirthRequester;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugCodec;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugSettings;
import dev.kelvin.telemetry.decode.telegraf.TelegrafCodec;
import dev.kelvin.telemetry.decode.telegraf.TelegrafSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wire formats a controller reads besides Kelvin JSON, each off unless configured:
 * Sparkplug B from facility gateways, Telegraf's line protocol from nodes.
 */
public record IngestFormats(Optional<SparkplugSettings> sparkplug,
    Optional<TelegrafSettings> telegraf) {
  public IngestFormats {
    Objects.requireNonNull(sparkplug, "sparkplug");
    Objects.requireNonNull(telegraf, "telegraf");
  }

  /** Kelvin JSON only. */
  public static IngestFormats kelvinOnly() {
    return new IngestFormats(Optional.empty(), Optional.empty());
  }

  /** The subscription filters of the configured formats (Kelvin's own not included). */
  public List<String> filters() {
    List<String> filters = new ArrayList<>();
    sparkplug.ifPresent(settings -> filters.addAll(settings.subscriptions()));
    telegraf.ifPresent(settings -> filters.add(settings.topicFilter()));
    return filters;
  }

  /** The codecs that read them, built once: the Sparkplug codec keeps state per gateway. */
  public Codecs codecs(Topics topics, int maxPayloadBytes, RebirthRequester rebirths) {
    List<PayloadCodec> all = new ArrayList<>();
    all.add(new TelemetryDecoder(topics, maxPayloadBytes));
    Optional<SparkplugCodec> gateways = sparkplug.map(s -> new SparkplugCodec(s, rebirths));
    gateways.ifPresent(all::add);
    Optional<TelegrafCodec> nodes = telegraf.map(TelegrafCodec::new);
    nodes.ifPresent(all::add);
    return new Codecs(new CodecRouter(all), gateways, nodes);
  }

  /** The codecs of one controller: the router the pipeline reads with, and each codec's figures. */
  public record Codecs(CodecRouter router, Optional<SparkplugCodec> sparkplug,
      Optional<TelegrafCodec> telegraf) { }
}
