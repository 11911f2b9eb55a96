package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.Readings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against the real InfluxDB 1.x of scripts/services.sh, a database per test. */
class InfluxStoreIT {
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS)
      .minus(Duration.ofHours(1));

  private final InfluxTestDatabase db = InfluxTestDatabase.onTestServices();
  @TempDir
  Path spoolDir;

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void stores_node_readings_and_their_devices_counted_by_a_query() {
    InfluxStore store = start(settings());
    for (int seq = 0; seq < 100; seq++) {
      for (int node = 0; node < 10; node++) {
        store.accept(reading(node, seq), Instant.now());
      }
    }
    store.close();

    assertThat(db.count("SELECT count(seq) FROM node")).isEqualTo(1_000);
    assertThat(db.count("SELECT count(gpu_power_w) FROM node_gpu")).isEqualTo(2_000);
    assertThat(db.count("SELECT count(power_w) FROM node WHERE node = 'n03'")).isEqualTo(100);
    assertThat(store.stats().pointsWritten()).isEqualTo(3_000);
    assertThat(store.stats().lostTotal()).isZero();
  }

  @Test
  void stores_facility_readings_and_actions_with_names_read_back_as_written() {
    String rule = "thermal cap, hot=\"CPU\" C:\\rules\\";
    String reason = "CPU at 92 \"C\\F\", limit=90\nsecond line";
    InfluxStore store = start(settings());
    store.acceptFacility(new FacilityReading(new SensorId("crac-1"), SiteId.of("site-a"), T0,
        FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS, 18.5), T0);
    store.acceptFacility(new FacilityReading(new SensorId("ups-1"), SiteId.of("site-a"), T0,
        FacilityKind.UPS_ON_BATTERY, 1), T0);
    SetCpuFrequencyCap cap = new SetCpuFrequencyCap(new ActionMeta(new ActionId("a-1"), rule,
        reason, List.of(), T0, Duration.ofMinutes(2), Optional.of("failure-v3")),
        NodeId.of("site-a", "n07"), 2400);
    store.recordAction(AuditEvent.of(T0, AuditStage.APPROVED, cap, "approved"));
    store.recordAction(AuditEvent.ofResult(AuditStage.APPLIED, cap, new ActionResult(cap.id(),
        ActionResult.Outcome.APPLIED, T0.plusMillis(40), OptionalDouble.of(3000),
        OptionalDouble.of(2400), Optional.empty(), "applied")));
    store.close();

    assertThat(db.rows("SELECT value FROM facility WHERE kind = 'ups_on_battery'"))
        .singleElement().satisfies(row -> assertThat(row.get(1)).isEqualTo(1.0));
    assertThat(db.rows("SHOW TAG VALUES FROM action WITH KEY = \"rule\"")).singleElement()
        .satisfies(row -> assertThat(row.get(1)).isEqualTo("thermal cap, hot=\"CPU\" C:\\rules/"));
    assertThat(db.rows("SELECT reason, stage, \"before\", \"after\", \"result\" FROM action"
        + " WHERE stage = 'applied'")).singleElement().satisfies(row -> assertThat(row)
        .containsExactly(row.get(0), "CPU at 92 \"C\\F\", limit=90 second line", "applied",
            3000.0, 2400.0, "applied"));
    assertThat(db.count("SELECT count(id) FROM action")).isEqualTo(2);
  }

  @Test
  void writing_the_same_batch_twice_stores_it_once() {
    StringBuilder lines = new StringBuilder();
    int points = 0;
    for (int seq = 0; seq < 100; seq++) {
      points += LinePoints.appendNode(lines, reading(seq % 10, seq));
    }
    try (InfluxLineWriter writer = new InfluxLineWriter(db.settings(spoolDir))) {
      assertThat(writer.write(lines.toString(), points)).isInstanceOf(WriteOutcome.Written.class);
      assertThat(writer.write(lines.toString(), points)).isInstanceOf(WriteOutcome.Written.class);
    }

    assertThat(db.count("SELECT count(seq) FROM node")).isEqualTo(100);
    assertThat(db.count("SELECT count(gpu_power_w) FROM node_gpu")).isEqualTo(200);
  }

  @Test
  void a_field_type_conflict_refuses_only_the_conflicting_point_and_stores_the_rest() {
    try (InfluxLineWriter writer = new InfluxLineWriter(db.settings(spoolDir))) {
      writer.write("m,t=a v=1 1000\n", 1);
      WriteOutcome outcome = writer.write("m,t=a v=\"text\" 2000\nm,t=a v=3 3000\n", 2);

      assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.BadPoints.class, bad -> {
        assertThat(bad.refused()).isEqualTo(1);
        assertThat(bad.reason()).isEqualTo("field_type_conflict");
      });
    }
    assertThat(db.count("SELECT count(v) FROM m")).isEqualTo(2);
  }

  @Test
  void a_wrong_password_is_a_failure_to_try_again_not_a_refusal_of_points() {
    InfluxSettings wrong = db.settings(spoolDir).withLogin("kelvin-it", "not-the-password");
    try (InfluxLineWriter writer = new InfluxLineWriter(wrong)) {
      WriteOutcome outcome = writer.write("m v=1 1000\n", 1);

      assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Failed.class, failed ->
          assertThat(failed.cause()).contains("HTTP 401").contains("store.influx.username")
              .doesNotContain("not-the-password"));
    }
  }

  @Test
  void spools_while_the_database_is_missing_and_replays_once_it_is_created() {
    InfluxSettings settings = db.settings(spoolDir);
    String later = db.name() + "_later";
    InfluxSettings missing = new InfluxSettings(settings.url(), later, Optional.empty(),
        settings.username(), settings.password(), 50, Duration.ofMillis(100), 4,
        settings.connectTimeout(), settings.readTimeout(), spoolDir, 1L << 26,
        Duration.ofMillis(100), Duration.ofMillis(200));
    InfluxStore store = start(missing);
    for (int seq = 0; seq < 200; seq++) {
      store.accept(reading(seq % 10, seq), Instant.now());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> store.stats().spooledRecords() > 0);
    assertThat(store.stats().influxAnswering()).isFalse();

    db.execute("CREATE DATABASE " + later);
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> store.stats().spooledRecords() == 0
          && store.stats().pointsWritten() == 600);
      store.close();
      assertThat(store.stats().pointsReplayed()).isPositive();
      assertThat(store.stats().lostTotal()).isZero();
    } finally {
      db.execute("DROP DATABASE " + later);
    }
  }

  private InfluxStore start(InfluxSettings settings) {
    return InfluxStore.open(settings, InstantSource.system());
  }

  /** This test's database, batches of 500 points or 200 ms. */
  private InfluxSettings settings() {
    return db.settings(spoolDir).withBatching(500, Duration.ofMillis(200), 4);
  }

  /** Reading {@code seq} of node n0{@code node}, 1 s apart, with two GPUs. */
  private static NodeReading reading(int node, int seq) {
    MetricValues gpu = MetricValues.builder().set(NodeMetric.GPU_POWER_WATTS, 200 + seq % 50)
        .build();
    return Readings.reading().node(NodeId.of("site-a", "n0" + node)).seq(seq)
        .at(T0.plusSeconds(seq)).device(Device.gpu(0), gpu).device(Device.gpu(1), gpu).build();
  }
}
