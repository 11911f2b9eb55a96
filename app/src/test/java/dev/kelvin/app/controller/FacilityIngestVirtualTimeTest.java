package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.telemetry.IngestFormats;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A facility gateway speaking Sparkplug B reaches the controller's site model through the
 * configured format, over (loopback) MQTT in virtual time: its alarm opens, its CRAC reading is
 * there, and a lost message brings a rebirth request back to the gateway.
 */
class FacilityIngestVirtualTimeTest {
  private static final SiteId SITE = SiteId.of("site-a");
  private static RulePolicy rules;

  @BeforeAll
  static void compileRules() {
    rules = RulePolicy.load(PolicySettings.defaults(), new ActionIds(VirtualSite.START));
  }

  @Test
  void a_gateways_fire_alarm_and_crac_reading_reach_the_site_model_and_a_gap_asks_a_rebirth()
      throws Exception {
    IngestFormats sparkplug = new IngestFormats(Optional.of(SparkplugSettings.defaults()), Optional.empty());
    try (VirtualSite site = new VirtualSite(rules, 42, sparkplug)) {
      List<String> commands = new CopyOnWriteArrayList<>();
      MqttSession gateway = site.broker.session(SessionSettings.clean(VirtualSite.LOOPBACK,
          "gw-1"), site.scheduler, (topic, payload) -> commands.add(topic));
      gateway.subscribe("spBv1.0/site-a/NCMD/+");
      gateway.open();

      gateway.publish("spBv1.0/site-a/NBIRTH/panel-1", payload(0, site.scheduler.now(),
          metric("bdSeq", MetricDataType.UInt64, BigInteger.ZERO),
          metric("Alarms/Fire", MetricDataType.Boolean, true),
          metric("CRAC/Supply Air Temperature", MetricDataType.Double, 19.5)), false);
      assertThat(site.runUntil(() -> !alarms(site).isEmpty(), Duration.ofSeconds(5)))
          .as("the fire alarm opens within 5 s").isTrue();
      assertThat(site(site).openAlarms()).extracting(Alarm::kind)
          .containsExactly(FacilityKind.ALARM_FIRE);
      assertThat(site(site).facility(FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS))
          .extracting(FacilityReading::value).containsExactly(19.5);

      gateway.publish("spBv1.0/site-a/NDATA/panel-1", payload(5, site.scheduler.now(),
          metric("Alarms/Fire", MetricDataType.Boolean, false)), false);
      assertThat(site.runUntil(() -> !commands.isEmpty(), Duration.ofSeconds(5)))
          .as("a seq gap answered by a rebirth request").isTrue();
      assertThat(commands).containsExactly("spBv1.0/site-a/NCMD/panel-1");
      site.scheduler.advanceBy(Duration.ofSeconds(1));
      assertThat(site(site).openAlarms()).as("the readings of the gap's message are kept")
          .isEmpty();
      gateway.close();
    }
  }

  private static List<Alarm> alarms(VirtualSite site) {
    return site.controller.state().snapshot(site.scheduler.now()).site(SITE)
        .map(SiteView::openAlarms).orElse(List.of());
  }

  private static SiteView site(VirtualSite site) {
    return site.controller.state().snapshot(site.scheduler.now()).site(SITE).orElseThrow();
  }

  private static byte[] payload(long seq, Instant at, Metric... metrics) {
    try {
      return new SparkplugBPayloadEncoder().getBytes(new SparkplugBPayload
          .SparkplugBPayloadBuilder().setTimestamp(Date.from(at))
          .setSeq(seq).addMetrics(List.of(metrics)).createPayload(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Metric metric(String name, MetricDataType type, Object value) {
    try {
      Metric metric = new Metric.MetricBuilder(name, type, value).createMetric();
      metric.setTimestamp(null);
      return metric;
    } catch (SparkplugInvalidTypeException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
