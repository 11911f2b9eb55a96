package dev.kelvin.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.core.state.Admission;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.wire.BatchWire;
import dev.kelvin.core.wire.FacilityWire;
import dev.kelvin.core.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batches and facility readings through the Kelvin JSON codec, the state and the store. */
class BatchIngestTest {
  private static final Topics TOPICS = Topics.defaults();
  private static final SiteId SITE = SiteId.of("site-a");

  private final MutableClock clock = new MutableClock();
  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final List<NodeReading> stored = new ArrayList<>();
  private final List<FacilityReading> storedFacility = new ArrayList<>();
  private final IngestPipeline pipeline = new IngestPipeline(new CodecRouter(List.of(
      new TelemetryDecoder(TOPICS, 1 << 20))), state, counters, new ReadingSink() {
        @Override
        public void accept(NodeReading reading, Instant receivedAt) {
          stored.add(reading);
        }

        @Override
        public void acceptFacility(FacilityReading reading, Instant receivedAt) {
          storedFacility.add(reading);
        }
      }, clock, Duration.ofMinutes(1));

  @Test
  void a_site_batch_lands_every_node_in_the_state_and_the_store() throws Exception {
    List<NodeReading> readings = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      readings.add(Readings.reading().node(NodeId.of("site-a", String.format("n%02d", i)))
          .at(clock.instant()).seq(i).build());
    }
    List<IngestResult> results = pipeline.ingest(TOPICS.siteTelemetry(SITE),
        json(BatchWire.encode(readings)), clock.instant());
    assertThat(results).hasSize(50).allSatisfy(result ->
        assertThat(result).isInstanceOf(IngestResult.Kept.class));
    assertThat(state.nodeCount()).isEqualTo(50);
    assertThat(stored).containsExactlyElementsOf(readings);
    assertThat(counters.stats().accepted()).isEqualTo(50);
  }

  @Test
  void a_bad_reading_in_a_batch_is_counted_and_the_good_ones_are_kept() {
    String batch = "{\"v\":1,\"readings\":["
        + "{\"node\":\"n01\",\"ts_ms\":" + clock.millis() + ",\"seq\":1,\"power_w\":300},"
        + "{\"node\":\"n02\",\"ts_ms\":" + clock.millis() + ",\"seq\":1,\"power_w\":\"hot\"},"
        + "{\"node\":\"n03\",\"ts_ms\":" + clock.millis() + ",\"seq\":1,\"power_w\":310}]}";
    pipeline.ingest(TOPICS.siteTelemetry(SITE), bytes(batch), clock.instant());
    assertThat(stored).extracting(reading -> reading.node().name())
        .containsExactly("n01", "n03");
    assertThat(counters.rejectedCount(RejectReason.WRONG_TYPE)).isEqualTo(1);
    assertThat(counters.stats().recentRejects()).singleElement().satisfies(sample ->
        assertThat(sample.field()).isEqualTo("readings[1].power_w"));
  }

  @Test
  void facility_readings_reach_the_site_model_and_the_store() throws Exception {
    SensorId panel = new SensorId("panel-1");
    FacilityReading fire = new FacilityReading(panel, SITE, clock.instant(),
        FacilityKind.ALARM_FIRE, 1);
    List<IngestResult> results = pipeline.ingest(TOPICS.facility(SITE, panel),
        json(FacilityWire.encode(fire)), clock.instant());
    assertThat(results).containsExactly(new IngestResult.KeptFacility(fire,
        Admission.ACCEPTED));
    assertThat(storedFacility).containsExactly(fire);
    assertThat(state.snapshot(clock.instant()).site(SITE).orElseThrow().openAlarms())
        .singleElement().satisfies(alarm ->
            assertThat(alarm.kind()).isEqualTo(FacilityKind.ALARM_FIRE));
  }

  @Test
  void a_topic_no_codec_reads_is_refused_as_a_bad_topic() {
    pipeline.ingest("telegraf/host1/cpu", bytes("cpu usage_idle=99"), clock.instant());
    assertThat(counters.rejectedCount(RejectReason.BAD_TOPIC)).isEqualTo(1);
  }

  @Test
  void an_empty_batch_is_refused_as_missing_readings() {
    pipeline.ingest(TOPICS.siteTelemetry(SITE), bytes("{\"v\":1,\"readings\":[]}"),
        clock.instant());
    assertThat(counters.rejectedCount(RejectReason.MISSING_FIELD)).isEqualTo(1);
  }

  private static byte[] json(Map<String, Object> object) throws Exception {
    return new ObjectMapper().writeValueAsBytes(object);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
