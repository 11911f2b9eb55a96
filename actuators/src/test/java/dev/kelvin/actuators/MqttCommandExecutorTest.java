package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static dev.kelvin.actuators.TestActions.meta;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The executor's behaviour that needs no broker; {@code MqttCommandExecutorIT} does the rest. */
class MqttCommandExecutorTest {
  private static final MqttEndpoint NOWHERE =
      MqttEndpoint.withLogin(URI.create("tcp://127.0.0.1:1"), "kelvin", "secret");

  private final MutableClock clock = new MutableClock();
  private final MqttCommandExecutor executor = new MqttCommandExecutor(
      new ActuatorSettings(NOWHERE, Topics.defaults(), "unit-test", Duration.ofSeconds(5)),
      clock);

  @AfterEach
  void closeExecutor() {
    executor.close();
  }

  static Stream<Action> actionsWithoutAnActuator() {
    return Stream.of(
        new DrainNode(meta("a-1"), N07),
        new ResumeNode(meta("a-2"), N07),
        new SuspendNode(meta("a-3"), N07),
        new WakeNode(meta("a-4"), N07),
        new MigrateJob(meta("a-5"), new JobId("4711"), N07, MigrateJob.Mode.REQUEUE),
        new FailoverSite(meta("a-6"), SiteId.of("site-a"), SiteId.of("site-b")),
        new Notify(meta("a-7"), Notify.Severity.WARNING, "site-a", "inlet above 30 °C"));
  }

  @ParameterizedTest
  @MethodSource("actionsWithoutAnActuator")
  void answers_unsupported_at_once_naming_the_action_type(Action action) {
    ActionResult result = executor.execute(action).toCompletableFuture().getNow(null);

    assertThat(result).isNotNull();
    assertThat(result.outcome()).isEqualTo(Outcome.UNSUPPORTED);
    assertThat(result.id()).isEqualTo(action.id());
    assertThat(result.detail()).startsWith("no actuator for " + action.getClass().getSimpleName())
        .contains("is configured in this deployment");
    assertThat(executor.stats().unsupported()).isEqualTo(1);
  }

  @Test
  void fails_a_setpoint_at_once_naming_the_broker_when_not_connected() {
    ActionResult result = executor.execute(cpuCap("a-1", N07, 2400)).toCompletableFuture()
        .getNow(null);

    assertThat(result).isNotNull();
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).startsWith("not connected to MQTT broker tcp://127.0.0.1:1 as"
        + " kelvin").endsWith("cap CPU at 2400 MHz for site-a/n07 was not sent");
    assertThat(executor.stats().failed()).isEqualTo(1);
    assertThat(executor.stats().sent()).isZero();
  }

  @Test
  void fails_a_setpoint_with_executor_closed_after_close() {
    executor.close();

    ActionResult result = executor.execute(cpuCap("a-1", N07, 2400)).toCompletableFuture()
        .getNow(null);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).startsWith("executor closed");
  }

  @Test
  void counts_malformed_acks_without_throwing() {
    String ackTopic = Topics.defaults().nodeCommandAck(N07);

    executor.handleAck(ackTopic, bytes("not json"));
    executor.handleAck(ackTopic, bytes("{\"v\":2,\"id\":\"a\",\"status\":\"applied\"}"));
    executor.handleAck("kelvin/v1/site-a/node/n07/telemetry", bytes("{}"));

    assertThat(executor.stats().malformedAcks()).isEqualTo(3);
    assertThat(executor.stats().unknownAcks()).isZero();
  }

  @Test
  void counts_an_ack_for_an_id_it_is_not_waiting_for() {
    executor.handleAck(Topics.defaults().nodeCommandAck(N07), bytes("{\"v\":1,\"id\":\"a-77\","
        + "\"status\":\"applied\",\"ts_ms\":1767225600000}"));

    assertThat(executor.stats().unknownAcks()).isEqualTo(1);
    assertThat(executor.stats().malformedAcks()).isZero();
  }

  @Test
  void notices_timeouts_within_a_tenth_of_the_timeout_between_10_and_250_ms() {
    assertThat(MqttCommandExecutor.sweepPeriod(Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(MqttCommandExecutor.sweepPeriod(Duration.ofMillis(500)))
        .isEqualTo(Duration.ofMillis(50));
    assertThat(MqttCommandExecutor.sweepPeriod(Duration.ofMillis(20)))
        .isEqualTo(Duration.ofMillis(10));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
