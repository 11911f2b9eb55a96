package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.wire.BatchWire;
import dev.kelvin.mqtt.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchTemplateTest {
  private static final long AT_MS = 1_767_312_000_000L;

  @Test
  void a_filled_in_message_is_byte_for_byte_what_the_encoder_writes() {
    BatchTemplate slot = BatchTemplate.of(200, 100);

    for (long round = 0; round < 1_000_000_000_000L; round = round * 97 + 1) {
      assertThat(slot.fill(AT_MS + round, round))
          .isEqualTo(BatchTemplate.encode(200, 100, AT_MS + round, round));
    }
  }

  @Test
  void a_filled_in_message_decodes_to_its_nodes_with_the_rounds_time_and_sequence() {
    byte[] message = BatchTemplate.of(40, 3).fill(AT_MS, 7);

    List<NodeReading> readings = new ArrayList<>();
    BatchWire.decode(SiteId.of("bench"), Optional.empty(),
        StrictJson.parseObject(message, 1 << 20, "telemetry"), readings::add, refused -> {
          throw new AssertionError(refused);
        });

    assertThat(readings).extracting(reading -> reading.node().name())
        .containsExactly("n40", "n41", "n42");
    assertThat(readings).allSatisfy(reading -> {
      assertThat(reading.at().toEpochMilli()).isEqualTo(AT_MS);
      assertThat(reading.seq()).isEqualTo(7);
      assertThat(reading.rack().value()).isEqualTo("r1");
    });
  }
}
