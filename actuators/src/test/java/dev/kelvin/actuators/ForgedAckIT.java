package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.meta;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.ScriptedAgent.Reply;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real Mosquitto, with the control loop, the executor and an audit log: while a
 * real command is in flight, a forger on the broker answers it first, three ways (the right
 * node with an id the controller never sent; the command's id on another node's ack topic; the
 * right node and id claiming a day-long lease), each with an invented read-back of 1200 MHz.
 * The audit log holds only the agent's real read-back, and the renewal comes on schedule.
 */
class ForgedAckIT {
  private static final Duration LEASE = Duration.ofSeconds(4);
  private static final double REAL_CAP_MHZ = 2400;
  private static final double FORGED_CAP_MHZ = 1200;
  private static final NodeId N08 = NodeId.of("site-a", "n08");

  private final Topics topics = TestServices.uniqueTopics();
  private final WallClockScheduler scheduler = new WallClockScheduler("it-forged-acks");
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final InMemoryAuditLog audit = new InMemoryAuditLog(100);
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
  void forged_acks_never_reach_the_audit_log_and_renewals_keep_their_schedule()
      throws Exception {
    agent = new ScriptedAgent(TestServices.mqtt(), topics, (node, command) -> List.of(
        new Reply(node, forged("a-never-sent", command, Duration.ZERO)),
        new Reply(N08, forged(command.id(), command, Duration.ZERO)),
        new Reply(node, forged(command.id(), command, Duration.ofDays(1))),
        new Reply(node, real(command))));
    executor = new MqttCommandExecutor(new ActuatorSettings(SessionSettings.clean(
        TestServices.mqtt(), TestServices.unique("it-forged-executor")), topics,
        Duration.ofSeconds(5)), PahoTransport.INSTANCE, scheduler);
    executor.start();
    ControlLoop loop = loopProposingOnce(new SetCpuFrequencyCap(meta("a-it-forged", LEASE), N07,
        REAL_CAP_MHZ));

    Instant deadline = Instant.now().plus(LEASE.multipliedBy(3));
    while (results(AuditStage.RENEWED).isEmpty() && Instant.now().isBefore(deadline)) {
      state.admit(fresh(), Instant.now());
      loop.tick(Instant.now());
      Thread.sleep(100);
    }

    assertThat(results(AuditStage.RENEWED)).as("a renewal within three leases").isNotEmpty();
    assertThat(audit.recent(100)).filteredOn(record -> record.event().result().isPresent())
        .extracting(record -> record.event().result().orElseThrow().after())
        .isNotEmpty().containsOnly(OptionalDouble.of(REAL_CAP_MHZ));
    List<NodeCommand> sent = agent.received().stream().map(ScriptedAgent.Received::command)
        .toList();
    assertThat(sent).hasSize(2);
    Duration renewedAfter = Duration.between(sent.get(0).issuedAt(), sent.get(1).issuedAt());
    assertThat(renewedAfter).as("renewed once half the real lease had run, before it ran out")
        .isGreaterThanOrEqualTo(LEASE.dividedBy(2)).isLessThan(LEASE);
    assertThat(executor.stats().refusedAcks()).containsEntry(AckRefusal.UNKNOWN_COMMAND, 2L)
        .containsEntry(AckRefusal.WRONG_NODE, 2L).containsEntry(AckRefusal.LEASE_TOO_LONG, 2L);
    assertThat(executor.stats().applied()).isEqualTo(2);
  }

  /** A loop whose policy proposes {@code cap} on its first tick only, and approves it. */
  private ControlLoop loopProposingOnce(SetCpuFrequencyCap cap) {
    AtomicBoolean proposed = new AtomicBoolean();
    return new ControlLoop(new ControlLoop.Ports(state, Predictor.NONE,
        (snapshot, predictions) -> proposed.getAndSet(true) ? List.of() : List.of(cap),
        (proposal, snapshot) -> new GuardDecision.Approved(proposal, List.of()), executor,
        audit), scheduler.clock());
  }

  private List<AuditRecord> results(AuditStage stage) {
    return audit.recent(100).stream().filter(record -> record.event().stage() == stage)
        .toList();
  }

  private NodeReading fresh() {
    return Readings.reading().node(N07).at(Instant.now()).seq(System.nanoTime()).build();
  }

  /** What the node's agent answers: the cap applied and read back, the asked lease from now. */
  private static CommandAck real(NodeCommand command) {
    Instant now = Instant.now();
    return new CommandAck(command.id(), CommandAck.Status.APPLIED, OptionalDouble.of(3000),
        OptionalDouble.of(command.value()), Optional.of(now.plus(command.lease())), now, "");
  }

  private static CommandAck forged(String id, NodeCommand command, Duration longer) {
    Instant now = Instant.now();
    return new CommandAck(id, CommandAck.Status.APPLIED, OptionalDouble.of(3000),
        OptionalDouble.of(FORGED_CAP_MHZ), Optional.of(now.plus(command.lease()).plus(longer)),
        now, "forged");
  }
}
