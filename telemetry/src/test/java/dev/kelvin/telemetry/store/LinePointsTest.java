package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Readings, facility readings and actions as line protocol, and its escaping. */
class LinePointsTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00.123Z");
  private static final long MS = 1767225600123L;
  private static final NodeId N07 = NodeId.of("site-a", "n07");

  @Test
  void writes_a_node_reading_as_one_node_point_and_one_point_per_device() {
    TreeMap<Device, MetricValues> devices = new TreeMap<>();
    devices.put(Device.cpuPackage(1), MetricValues.builder()
        .set(NodeMetric.CPU_TEMP_CELSIUS, 55).build());
    devices.put(Device.gpu(0), MetricValues.builder().set(NodeMetric.GPU_POWER_WATTS, 250)
        .set(NodeMetric.GPU_TEMP_CELSIUS, 70.25).build());
    NodeReading reading = new NodeReading(N07, RackId.of("r2"), AT, 42, MetricValues.builder()
        .set(NodeMetric.POWER_WATTS, 350.5).set(NodeMetric.CPU_TEMP_CELSIUS, 61).build(),
        devices);

    StringBuilder out = new StringBuilder();
    int points = LinePoints.appendNode(out, reading);

    assertThat(points).isEqualTo(3);
    assertThat(out.toString()).isEqualTo(
        "node,node=n07,rack=r2,site=site-a power_w=350.5,cpu_temp_c=61.0,seq=42i " + MS + "\n"
        + "node_gpu,gpu=0,node=n07,rack=r2,site=site-a gpu_power_w=250.0,gpu_temp_c=70.25 "
        + MS + "\n"
        + "node_cpu,cpu=1,node=n07,rack=r2,site=site-a cpu_temp_c=55.0 " + MS + "\n");
  }

  @Test
  void a_reading_with_device_metrics_only_still_writes_its_seq_on_the_node_point() {
    TreeMap<Device, MetricValues> devices = new TreeMap<>();
    devices.put(Device.gpu(3), MetricValues.builder().set(NodeMetric.GPU_UTIL_RATIO, 1)
        .build());
    NodeReading reading = new NodeReading(N07, RackId.UNKNOWN, AT, 7, MetricValues.empty(),
        devices);

    StringBuilder out = new StringBuilder();
    LinePoints.appendNode(out, reading);

    assertThat(out.toString()).startsWith("node,node=n07,rack=unknown,site=site-a seq=7i " + MS
        + "\nnode_gpu,gpu=3,");
  }

  @Test
  void writes_a_change_of_availability_stamped_at_its_since_with_its_drain() {
    StringBuilder out = new StringBuilder();
    int points = LinePoints.appendNodeState(out, new NodeAvailability(N07,
        NodeAvailability.State.DOWN, AT, Optional.of(AT.plusSeconds(5)), true));

    assertThat(points).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("node_state,node=n07,site=site-a state=\"down\","
        + "since_ms=" + MS + "i,drained=true,drained_by_kelvin=true " + MS + "\n");
  }

  @Test
  void writes_a_change_of_a_node_not_drained_as_drained_false() {
    StringBuilder out = new StringBuilder();
    LinePoints.appendNodeState(out, NodeAvailability.of(N07, NodeAvailability.State.IDLE, AT));

    assertThat(out.toString()).contains(" state=\"idle\",since_ms=" + MS
        + "i,drained=false,drained_by_kelvin=false " + MS + "\n");
  }

  @Test
  void writes_a_facility_reading_with_its_kind_as_a_tag() {
    StringBuilder out = new StringBuilder();
    LinePoints.appendFacility(out, new FacilityReading(new SensorId("crac-1"),
        SiteId.of("site-a"), AT, FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS, 18.5));

    assertThat(out.toString()).isEqualTo("facility,kind=crac_supply_temp_celsius,sensor=crac-1,"
        + "site=site-a value=18.5 " + MS + "\n");
  }

  @Test
  void writes_an_applied_setpoint_with_values_before_and_after_and_escapes_its_rule_and_reason() {
    SetCpuFrequencyCap cap = new SetCpuFrequencyCap(meta("thermal cap, hot=\"CPU\"",
        "CPU at 92 \"C\\F\", limit=90"), N07, 2400);
    ActionResult result = new ActionResult(cap.id(), ActionResult.Outcome.APPLIED, AT,
        OptionalDouble.of(3000), OptionalDouble.of(2400), Optional.empty(), "applied");

    StringBuilder out = new StringBuilder();
    LinePoints.appendAction(out, AuditEvent.ofResult(AuditStage.APPLIED, cap, result));

    assertThat(out.toString()).isEqualTo("action,node=n07,"
        + "rule=thermal\\ cap\\,\\ hot\\=\"CPU\",site=site-a,stage=applied,type=set_cpu_freq_cap"
        + " actor=\"kelvin\",after=2400.0,before=3000.0,detail=\"applied\",id=\"a-1\","
        + "lease_s=120.0,model_version=\"failure-v3\","
        + "reason=\"CPU at 92 \\\"C\\\\F\\\", limit=90\",result=\"applied\","
        + "target=\"site-a/n07\",value=2400.0 " + MS + "\n");
  }

  @Test
  void tags_a_gpu_setpoint_with_its_gpu_and_takes_before_from_the_decision() {
    SetGpuPowerLimit limit = new SetGpuPowerLimit(meta("gpu-cap", "hot"), N07, 2, 300);
    AuditEvent approved = new AuditEvent(AT, AuditStage.APPROVED, limit, AuditEvent.CONTROLLER,
        "approved", Optional.empty(), OptionalDouble.of(350));

    StringBuilder out = new StringBuilder();
    LinePoints.appendAction(out, approved);

    assertThat(out.toString()).startsWith("action,gpu=2,node=n07,rule=gpu-cap,site=site-a,"
        + "stage=approved,type=set_gpu_power_limit actor=\"kelvin\",before=350.0,")
        .contains(",value=300.0 ").doesNotContain("result=", "after=");
  }

  @Test
  void tags_job_actions_with_the_job_and_site_actions_with_the_site() {
    StringBuilder out = new StringBuilder();
    LinePoints.appendAction(out, AuditEvent.of(AT, AuditStage.DRY_RUN,
        new HoldJob(meta("defer", "carbon high"), new JobId("4711 [3]"), AT), "dry run"));
    LinePoints.appendAction(out, AuditEvent.of(AT, AuditStage.HELD_FOR_APPROVAL,
        new FailoverSite(meta("failover", "grid loss"), SiteId.of("site-a"),
            SiteId.of("site-b")), "held"));
    LinePoints.appendAction(out, AuditEvent.of(AT, AuditStage.APPROVED,
        new Notify(meta("tell", "look"), Notify.Severity.INFO, "subject", "message"), "ok"));

    assertThat(out.toString().split("\n")).satisfiesExactly(
        hold -> assertThat(hold).startsWith("action,job=4711\\ [3],rule=defer,stage=dry_run,"
            + "type=hold_job "),
        failover -> assertThat(failover).startsWith("action,rule=failover,site=site-a,"
            + "stage=held_for_approval,type=failover_site "),
        notify -> assertThat(notify).startsWith("action,rule=tell,stage=approved,type=notify "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"two words", "a,b", "k=v", "say \"hi\"", " lead", "trail ",
      "a, b = c \"d\""})
  void escapes_tags_and_strings_as_influxdb_java_does(String name) {
    StringBuilder out = new StringBuilder();
    LineProtocol.measurement(out, "m");
    LineProtocol.tag(out, "t", name);
    LineProtocol.stringField(out, ' ', "f", name);
    LineProtocol.timestampMillis(out, MS);

    String theirs = Point.measurement("m").tag("t", name).addField("f", name)
        .time(MS, TimeUnit.MILLISECONDS).build().lineProtocol(TimeUnit.MILLISECONDS);
    assertThat(out.toString()).isEqualTo(theirs + "\n");
  }

  @Test
  void keeps_a_backslash_in_a_tag_except_where_influxdb_would_read_it_as_an_escape() {
    StringBuilder out = new StringBuilder();
    LineProtocol.tag(out, "a", "C:\\rules");
    LineProtocol.tag(out, "b", "end\\");
    LineProtocol.tag(out, "c", "x\\,y");
    LineProtocol.tag(out, "d", "x\\ y");

    assertThat(out.toString()).isEqualTo(",a=C:\\rules,b=end/,c=x/\\,y,d=x/\\ y");
  }

  @Test
  void turns_line_breaks_into_spaces_so_that_a_point_stays_one_line() {
    StringBuilder out = new StringBuilder();
    LineProtocol.tag(out, "rule", "two\nlines");
    LineProtocol.stringField(out, ' ', "reason", "a\r\nb\tc");

    assertThat(out.toString()).isEqualTo(",rule=two\\ lines reason=\"a  b c\"");
  }

  @Test
  void leaves_out_a_tag_with_no_value_which_influxdb_would_refuse() {
    StringBuilder out = new StringBuilder();
    LineProtocol.tag(out, "site", "");

    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_batch_read_back_from_the_spool_counts_one_point_per_line() {
    assertThat(PointBatch.fromSpool("a v=1 1\nb v=2 2\n".getBytes()).points()).isEqualTo(2);
    assertThat(PointBatch.fromSpool("a v=1 1\nb v=2 2".getBytes()).points()).isEqualTo(2);
    assertThat(PointBatch.fromSpool(new byte[0]).points()).isZero();
  }

  private static ActionMeta meta(String rule, String reason) {
    return new ActionMeta(new ActionId("a-1"), rule, reason, List.of(), AT,
        Duration.ofMinutes(2), Optional.of("failure-v3"));
  }
}
