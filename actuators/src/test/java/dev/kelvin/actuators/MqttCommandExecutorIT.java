package dev.kelvin.actuators;

import dev.kelvin.core.testkit.TestServices;
import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.testing.TcpFaultProxy;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor against the real Mosquitto, with a plain Paho client playing the node agent. */
class MqttCommandExecutorIT {
  private final Topics topics = TestServices.uniqueTopics();
  private final WallClockScheduler scheduler = new WallClockScheduler("it-actuators");
  private ScriptedAgent agent;
  private MqttCommandExecutor executor;

  @AfterEach
  void closeClients() throws MqttException {
    if (executor != null) {
      executor.close();
    }
    if (agent != null) {
      agent.close();
    }
    scheduler.close();
  }

  @Test
  void a_cpu_cap_round_trips_to_applied_with_before_and_after() throws Exception {
    agent = agent(command -> Optional.of(new CommandAck(command.id(), CommandAck.Status.APPLIED,
        OptionalDouble.of(2600), OptionalDouble.of(command.value()),
        Optional.of(command.issuedAt().plus(command.lease())), command.issuedAt(), "")));
    executor = started(Duration.ofSeconds(5));
    SetCpuFrequencyCap cap = cpuCap("a-it-1", N07, 2400);

    ActionResult result = resultOf(executor, cap);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.before()).hasValue(2600);
    assertThat(result.after()).hasValue(2400);
    NodeCommand sent = agent.received().get(0).command();
    assertThat(result.leaseExpiresAt()).hasValue(sent.issuedAt().plus(TestActions.LEASE));
    assertThat(sent.id()).isEqualTo("a-it-1");
    assertThat(sent.rule()).isEqualTo("thermal-cap-cpu");
    assertThat(agent.received().get(0).topic()).isEqualTo(topics.nodeCommand(N07));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(executor.stats())
        .extracting(ExecutorStats::sent, ExecutorStats::applied, ExecutorStats::pending)
        .containsExactly(1L, 1L, 0));
  }

  @Test
  void the_command_is_published_at_qos_1_and_not_retained() throws Exception {
    agent = agent(command -> Optional.of(answer(command, CommandAck.Status.APPLIED, "")));
    executor = started(Duration.ofSeconds(5));

    resultOf(executor, cpuCap("a-it-2", N07, 2400));

    ScriptedAgent.Received received = agent.received().get(0);
    assertThat(received.qos()).isEqualTo(1);
    assertThat(received.retained()).isFalse();
  }

  @Test
  void an_agent_that_never_answers_times_out_after_the_configured_timeout() throws Exception {
    agent = agent(command -> Optional.empty());
    executor = started(Duration.ofMillis(500));

    long startedNanos = System.nanoTime();
    ActionResult result = resultOf(executor, cpuCap("a-it-3", N07, 2400));
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);

    assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.detail()).startsWith("no ack from site-a/n07 within 500 ms: is its agent"
        + " running?");
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(agent.received()).hasSize(1);
    assertThat(executor.stats().timedOut()).isEqualTo(1);
  }

  @Test
  void a_rejected_ack_maps_to_rejected_with_the_agents_message() throws Exception {
    agent = agent(command -> Optional.of(answer(command, CommandAck.Status.REJECTED,
        "lease 120 s is longer than this agent allows (60 s)")));
    executor = started(Duration.ofSeconds(5));

    ActionResult result = resultOf(executor, cpuCap("a-it-4", N07, 2400));

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.detail()).isEqualTo("site-a/n07 rejected cap CPU at 2400 MHz: lease 120 s"
        + " is longer than this agent allows (60 s)");
    assertThat(executor.stats().rejected()).isEqualTo(1);
  }

  @Test
  void sending_the_same_id_again_renews_the_lease_and_gets_a_fresh_result() throws Exception {
    agent = agent(command -> Optional.of(answer(command, CommandAck.Status.APPLIED, "")));
    executor = started(Duration.ofSeconds(5));
    SetCpuFrequencyCap cap = cpuCap("a-it-5", N07, 2400);

    ActionResult first = resultOf(executor, cap);
    ActionResult renewal = resultOf(executor, cap);

    assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(renewal.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(agent.received()).extracting(received -> received.command().id())
        .containsExactly("a-it-5", "a-it-5");
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(executor.stats().sent()).isEqualTo(2));
  }

  @Test
  void malformed_and_unknown_acks_are_refused_by_reason_and_the_next_command_still_works()
      throws Exception {
    agent = agent(command -> Optional.of(answer(command, CommandAck.Status.APPLIED, "")));
    executor = started(Duration.ofSeconds(5));

    agent.publish(topics.nodeCommandAck(N07), "{not json".getBytes(StandardCharsets.UTF_8));
    agent.publish(topics.nodeCommandAck(N07), ("{\"v\":1,\"id\":\"a-nobody\",\"status\":"
        + "\"applied\",\"ts_ms\":1767225600000}").getBytes(StandardCharsets.UTF_8));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        executor.stats().refusedAcks()).containsEntry(AckRefusal.MALFORMED, 1L)
        .containsEntry(AckRefusal.UNKNOWN_COMMAND, 1L));

    assertThat(resultOf(executor, cpuCap("a-it-6", N07, 2400)).outcome())
        .isEqualTo(Outcome.APPLIED);
  }

  @Test
  void close_fails_a_pending_command_with_executor_closed() throws Exception {
    agent = agent(command -> Optional.empty());
    executor = started(Duration.ofSeconds(30));
    var stage = executor.execute(cpuCap("a-it-7", N07, 2400)).toCompletableFuture();
    await().atMost(Duration.ofSeconds(5)).until(() -> !agent.received().isEmpty());

    executor.close();

    ActionResult result = stage.get(1, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).startsWith("executor closed before site-a/n07 answered");
    assertThat(executor.connected()).isFalse();
  }

  @Test
  void fails_commands_at_once_while_the_broker_is_gone_and_recovers_when_it_returns()
      throws Exception {
    agent = agent(command -> Optional.of(answer(command, CommandAck.Status.APPLIED, "")));
    try (TcpFaultProxy relay = TcpFaultProxy.to(TestServices.mqtt().broker())) {
      MqttEndpoint viaRelay = TestServices.mqttAt(relay.uri());
      executor = executor(settings(viaRelay, Duration.ofSeconds(5)));
      executor.start();

      relay.cut();
      await().atMost(Duration.ofSeconds(10)).until(() -> !executor.connected());
      ActionResult whileGone = resultOf(executor, cpuCap("a-it-8", N07, 2400));
      relay.restore();
      await().atMost(Duration.ofSeconds(20)).until(executor::connected);

      assertThat(whileGone.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(whileGone.detail()).startsWith("not connected to MQTT broker " + relay.uri());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
          resultOf(executor, cpuCap("a-it-9", N07, 2400)).outcome())
          .as("a command after reconnecting: the ack subscription must be back")
          .isEqualTo(Outcome.APPLIED));
    }
  }

  @Test
  void a_wrong_password_fails_start_saying_not_authorised() {
    MqttEndpoint endpoint = MqttEndpoint.withLogin(TestServices.mqtt().broker(),
        TestServices.mqtt().username().orElseThrow(), "not-the-password");
    executor = executor(settings(endpoint, Duration.ofSeconds(5)));

    assertThatThrownBy(executor::start).isInstanceOf(ActuatorException.class)
        .hasMessageContaining(TestServices.mqtt().broker().toString())
        .hasMessageContaining("not authorised");
    assertThat(executor.connected()).isFalse();
  }

  @Test
  void a_broker_that_is_not_there_fails_start_naming_it() throws IOException {
    URI nowhere = URI.create("tcp://127.0.0.1:" + freePort());
    executor = executor(settings(MqttEndpoint.anonymous(nowhere), Duration.ofSeconds(5)));

    assertThatThrownBy(executor::start).isInstanceOf(ActuatorException.class)
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("is the broker running");
  }

  private ScriptedAgent agent(Function<NodeCommand, Optional<CommandAck>> script)
      throws MqttException {
    return new ScriptedAgent(TestServices.mqtt(), topics, script);
  }

  private MqttCommandExecutor started(Duration ackTimeout) {
    MqttCommandExecutor started = executor(settings(TestServices.mqtt(), ackTimeout));
    started.start();
    assertThat(started.connected()).isTrue();
    return started;
  }

  private ActuatorSettings settings(MqttEndpoint endpoint, Duration ackTimeout) {
    return new ActuatorSettings(SessionSettings.clean(endpoint,
        TestServices.unique("it-act-executor")).withConnectTimeout(Duration.ofSeconds(5)),
        topics, ackTimeout);
  }

  private MqttCommandExecutor executor(ActuatorSettings settings) {
    return new MqttCommandExecutor(settings, PahoTransport.INSTANCE, scheduler);
  }

  private static ActionResult resultOf(MqttCommandExecutor executor, SetCpuFrequencyCap cap)
      throws Exception {
    return executor.execute(cap).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static CommandAck answer(NodeCommand command, CommandAck.Status status,
      String message) {
    return new CommandAck(command.id(), status, OptionalDouble.empty(),
        status == CommandAck.Status.APPLIED ? OptionalDouble.of(command.value())
            : OptionalDouble.empty(), Optional.empty(), command.issuedAt(), message);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
