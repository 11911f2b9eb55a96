package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static dev.kelvin.actuators.TestActions.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

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
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.loopback.LoopbackBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The executor in virtual time, over the loopback broker, with a scripted agent on the other
 * side: results, timeouts to the millisecond, and what it does with bad acks.
 * {@code MqttCommandExecutorIT} runs it against the real Mosquitto.
 */
class MqttCommandExecutorTest {
  private static final MqttEndpoint LOOPBACK =
      MqttEndpoint.anonymous(URI.create("tcp://loopback:1883"));
  private static final Topics TOPICS = Topics.defaults();
  private static final NodeId N08 = NodeId.of("site-a", "n08");

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final LoopbackBroker broker = new LoopbackBroker(scheduler);
  private final List<NodeCommand> commands = new ArrayList<>();
  private Function<NodeCommand, Optional<CommandAck>> script = command -> Optional.empty();
  private final MqttCommandExecutor executor = new MqttCommandExecutor(
      new ActuatorSettings(SessionSettings.clean(LOOPBACK, "unit-executor"), TOPICS,
          Duration.ofSeconds(5)), broker, scheduler);
  private MqttSession agent;

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
    assertThat(result.detail()).startsWith("not connected to MQTT broker tcp://loopback:1883")
        .endsWith("cap CPU at 2400 MHz for site-a/n07 was not sent");
    assertThat(executor.stats().failed()).isEqualTo(1);
    assertThat(executor.stats().sent()).isZero();
  }

  @Test
  void a_cap_round_trips_to_applied_with_the_values_the_agent_read_back() {
    startAgent(command -> Optional.of(new CommandAck(command.id(), CommandAck.Status.APPLIED,
        OptionalDouble.of(2600), OptionalDouble.of(command.value()),
        Optional.of(command.issuedAt().plus(command.lease())), command.issuedAt(), "")));
    executor.start();

    CompletableFuture<ActionResult> result = run(cpuCap("a-1", N07, 2400));

    assertThat(result.join().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.join().before()).hasValue(2600);
    assertThat(commands).singleElement().satisfies(command -> {
      assertThat(command.id()).isEqualTo("a-1");
      assertThat(command.issuedAt()).isEqualTo(MutableClock.START);
    });
    assertThat(executor.stats().sent()).isEqualTo(1);
  }

  @Test
  void an_agent_that_never_answers_times_out_exactly_after_the_ack_timeout() {
    startAgent(command -> Optional.empty());
    executor.start();
    CompletableFuture<ActionResult> result = executor.execute(cpuCap("a-2", N07, 2400))
        .toCompletableFuture();

    scheduler.advanceBy(Duration.ofMillis(4_999));
    assertThat(result).isNotDone();
    scheduler.advanceBy(Duration.ofMillis(1));

    assertThat(result.join().outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.join().at()).isEqualTo(MutableClock.START.plusSeconds(5));
    assertThat(result.join().detail()).startsWith("no ack from site-a/n07 within 5 s");
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
    String ackTopic = TOPICS.nodeCommandAck(N07);

    executor.handleAck(ackTopic, bytes("not json"));
    executor.handleAck(ackTopic, bytes("{\"v\":2,\"id\":\"a\",\"status\":\"applied\"}"));
    executor.handleAck("kelvin/v1/site-a/node/n07/telemetry", bytes("{}"));

    assertThat(executor.stats().refusedAcks(AckRefusal.MALFORMED)).isEqualTo(3);
    assertThat(executor.stats().refusedAcksTotal()).isEqualTo(3);
  }

  @Test
  void counts_an_ack_for_an_id_it_never_sent_as_unknown_command() {
    executor.handleAck(TOPICS.nodeCommandAck(N07), bytes("{\"v\":1,\"id\":\"a-77\","
        + "\"status\":\"applied\",\"ts_ms\":1767225600000}"));

    assertThat(executor.stats().refusedAcks(AckRefusal.UNKNOWN_COMMAND)).isEqualTo(1);
    assertThat(executor.stats().refusedAcksTotal()).isEqualTo(1);
  }

  @Test
  void forged_acks_raced_ahead_of_the_agent_are_refused_and_the_real_read_back_wins() {
    startAgent(command -> {
      forge(N07, forgedAck("a-forged", command, Duration.ZERO));
      forge(N08, forgedAck(command.id(), command, Duration.ZERO));
      forge(N07, forgedAck(command.id(), command, Duration.ofDays(1)));
      return Optional.of(realAck(command));
    });
    executor.start();

    CompletableFuture<ActionResult> result = run(cpuCap("a-1", N07, 2400));

    assertThat(result.join().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.join().after()).hasValue(2400);
    assertThat(result.join().leaseExpiresAt())
        .hasValue(MutableClock.START.plus(TestActions.LEASE));
    assertThat(executor.stats().refusedAcks()).containsEntry(AckRefusal.UNKNOWN_COMMAND, 1L)
        .containsEntry(AckRefusal.WRONG_NODE, 1L).containsEntry(AckRefusal.LEASE_TOO_LONG, 1L)
        .containsEntry(AckRefusal.DUPLICATE, 0L);
  }

  @Test
  void a_second_ack_for_an_answered_command_is_a_duplicate_and_changes_nothing() {
    startAgent(command -> Optional.of(realAck(command)));
    executor.start();
    CompletableFuture<ActionResult> result = run(cpuCap("a-1", N07, 2400));

    executor.handleAck(TOPICS.nodeCommandAck(N07), StrictJson.write(CommandWire.encode(
        new CommandAck("a-1", CommandAck.Status.FAILED, OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty(), MutableClock.START, "forged"))));

    assertThat(executor.stats().refusedAcks(AckRefusal.DUPLICATE)).isEqualTo(1);
    assertThat(result.join().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(executor.stats().applied()).isEqualTo(1);
    assertThat(executor.stats().failed()).isZero();
  }

  @Test
  void refusals_are_logged_at_most_once_a_minute_per_node_and_reason_and_all_counted() {
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(MqttCommandExecutor.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    try {
      for (int i = 0; i < 50; i++) {
        executor.handleAck(TOPICS.nodeCommandAck(N07), bytes("{\"v\":1,\"id\":\"a-" + i
            + "\",\"status\":\"applied\",\"ts_ms\":1767225600000}"));
      }
      executor.handleAck(TOPICS.nodeCommandAck(N07), bytes("not json"));
      scheduler.advanceBy(Duration.ofMinutes(1));
      executor.handleAck(TOPICS.nodeCommandAck(N07), bytes("{\"v\":1,\"id\":\"a-x\","
          + "\"status\":\"applied\",\"ts_ms\":1767225600000}"));
    } finally {
      log.detachAppender(logged);
    }

    assertThat(executor.stats().refusedAcks(AckRefusal.UNKNOWN_COMMAND)).isEqualTo(51);
    assertThat(logged.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            tuple(Level.WARN, unknown("a-0")),
            tuple(Level.INFO, "refused ack ? from site-a/n07 as malformed (not an ack this"
                + " controller can read): " + malformedWhy() + ". Nothing was changed; logged"
                + " at most once a minute per node and reason"),
            tuple(Level.WARN, unknown("a-x")));
  }

  private static String unknown(String id) {
    return "refused ack " + id + " from site-a/n07 as unknown_command (for no command this"
        + " controller sent: another controller's, or forged): this controller has no command "
        + id + " in flight, nor among the last 4096 it settled. Nothing was changed; logged at"
        + " most once a minute per node and reason";
  }

  private CompletableFuture<ActionResult> run(Action action) {
    CompletableFuture<ActionResult> result = executor.execute(action).toCompletableFuture();
    scheduler.runDue();
    return result;
  }

  private void startAgent(Function<NodeCommand, Optional<CommandAck>> answers) {
    script = answers;
    agent = broker.session(SessionSettings.clean(LOOPBACK, "scripted-agent"), scheduler,
        new SessionListener() {
          @Override
          public void message(String topic, byte[] payload) {
            NodeCommand command = CommandWire.decodeCommand(StrictJson.parseObject(payload,
                4096, "command"));
            commands.add(command);
            script.apply(command).ifPresent(ack -> agent.publish(TOPICS.nodeCommandAck(N07),
                StrictJson.write(CommandWire.encode(ack)), false, outcome -> { }));
          }
        });
    agent.subscribe(TOPICS.allNodes(Topics.Channel.COMMAND));
    agent.open();
  }

  /** The ack the agent of a real node sends: the value applied, the asked lease from now. */
  private CommandAck realAck(NodeCommand command) {
    return new CommandAck(command.id(), CommandAck.Status.APPLIED, OptionalDouble.of(2600),
        OptionalDouble.of(command.value()), Optional.of(scheduler.now().plus(command.lease())),
        scheduler.now(), "");
  }

  /** An ack that invents a read-back of 1200 MHz and a lease {@code extra} longer than asked. */
  private CommandAck forgedAck(String id, NodeCommand command, Duration extra) {
    return new CommandAck(id, CommandAck.Status.APPLIED, OptionalDouble.of(2600),
        OptionalDouble.of(1200), Optional.of(scheduler.now().plus(command.lease()).plus(extra)),
        scheduler.now(), "forged");
  }

  private void forge(NodeId node, CommandAck ack) {
    agent.publish(TOPICS.nodeCommandAck(node), StrictJson.write(CommandWire.encode(ack)), false,
        outcome -> { });
  }

  private static String malformedWhy() {
    try {
      Acks.decode(bytes("not json"));
      throw new AssertionError("'not json' decoded");
    } catch (ValidationException e) {
      return e.getMessage();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
