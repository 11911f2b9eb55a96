package dev.kelvin.telemetry.decode;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The codecs of one controller, each on its own topics: a message goes to the first codec that
 * handles its topic, and a topic none handles is refused as {@code bad_topic}.
 */
public final class CodecRouter implements PayloadCodec {
  private final List<PayloadCodec> codecs;

  public CodecRouter(List<PayloadCodec> codecs) {
    if (codecs.isEmpty()) {
      throw new IllegalArgumentException("at least one codec is needed");
    }
    this.codecs = List.copyOf(codecs);
  }

  @Override
  public boolean handles(String topic) {
    return codecs.stream().anyMatch(codec -> codec.handles(topic));
  }

  @Override
  public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
    return codecOf(topic).orElseThrow(() -> new ValidationException(RejectReason.BAD_TOPIC,
        "topic", "no telemetry format is configured for this topic (Kelvin JSON under the"
            + " Kelvin prefix; Telegraf and Sparkplug B on their configured filters)"))
        .decode(topic, payload, receivedAt);
  }

  @Override
  public Optional<NodeId> topicNode(String topic) {
    return codecOf(topic).flatMap(codec -> codec.topicNode(topic));
  }

  private Optional<PayloadCodec> codecOf(String topic) {
    for (PayloadCodec codec : codecs) {
      if (codec.handles(topic)) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }
}
