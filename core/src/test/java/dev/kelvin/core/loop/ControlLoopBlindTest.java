package dev.kelvin.core.loop;

import static dev.kelvin.core.loop.LoopFixture.HOT;
import static dev.kelvin.core.loop.LoopFixture.scripted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.backlog.IngestMonitor;
import dev.kelvin.core.backlog.IngestQueue;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A controller blind through its own ingest delay (readings reach it late because the broker
 * queued them) holds its decisions and keeps the caps of nodes whose readings still arrive,
 * while a node that is really silent still has its cap given up as stale.
 */
class ControlLoopBlindTest {
  private static final NodeId SILENT = NodeId.of("site-a", "n02");
  private static final Duration BROKER_DELAY = Duration.ofSeconds(12);

  private final LoopFixture fixture = new LoopFixture();
  private final IngestMonitor monitor = new IngestMonitor(BacklogSettings.defaults(),
      new IngestQueue<String>(BacklogSettings.defaults()), Duration.ofSeconds(10), 100);
  private final Logger julLogger = Logger.getLogger(ControlLoop.class.getName());
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureLog() {
    julLogger.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    julLogger.removeHandler(capture);
  }

  @Test
  void a_cap_on_a_node_whose_readings_arrive_late_is_kept_and_renewed_rather_than_lapsed() {
    ControlLoop loop = cappedLoop(scripted(List.of(fixture.cap(2800))));

    blindSeconds(loop, 70);

    assertThat(fixture.events(AuditStage.LAPSED)).isEmpty();
    assertThat(loop.heldSetpoints()).isEqualTo(1);
    assertThat(fixture.events(AuditStage.RENEWING)).singleElement().satisfies(renewing ->
        assertThat(renewing.detail()).contains("the controller is blind through its own ingest"
            + " delay"));
    assertThat(fixture.events(AuditStage.RENEWED)).as("renewed at half its 2 min lease")
        .singleElement().satisfies(renewed -> assertThat(renewed.action().id())
            .isEqualTo(fixture.executed.get(0).id()));
    assertThat(loop.lastTick().orElseThrow().blind()).hasValueSatisfying(why ->
        assertThat(why).contains("the broker is queueing them"));
  }

  @Test
  void a_really_silent_node_still_has_its_cap_given_up_as_stale_while_the_controller_is_blind() {
    fixture.feed(SILENT, 91.0);
    ControlLoop loop = cappedLoop(scripted(List.of(fixture.cap(2800), fixture.cap(SILENT,
        2800))));

    blindSeconds(loop, 12);

    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed -> {
      assertThat(lapsed.action().target()).isEqualTo(SILENT.toString());
      assertThat(lapsed.detail()).contains("(node_stale)");
    });
    assertThat(loop.lapses(LapseReason.NODE_STALE)).isEqualTo(1);
    assertThat(loop.heldSetpoints()).isEqualTo(1);
  }

  @Test
  void new_proposals_are_held_while_blind_and_audited_as_rejected_nothing_sent() {
    ControlLoop loop = cappedLoop(scripted(List.of(), List.of(fixture.cap(2600))));
    fixture.feed(HOT, 91.0);
    arriveLate(HOT);

    TickReport tick = loop.tick(fixture.clock.instant());

    assertThat(tick.rejected()).isEqualTo(1);
    assertThat(fixture.executed).isEmpty();
    assertThat(fixture.events(AuditStage.REJECTED)).singleElement().satisfies(rejected ->
        assertThat(rejected.detail()).contains("held: the controller is blind (readings"
            + " reach the controller 12.0 s after they were taken"));
  }

  @Test
  void blindness_is_logged_at_most_once_a_minute() {
    ControlLoop loop = cappedLoop(scripted());

    blindSeconds(loop, 59);
    assertThat(blindWarnings()).hasSize(1);
    blindSeconds(loop, 2);

    assertThat(blindWarnings()).hasSize(2);
    assertThat(blindWarnings().get(0)).startsWith("Controller blind: readings reach the"
        + " controller 12.0 s after they were taken").contains("new decisions are held");
  }

  @Test
  void a_controller_that_sees_again_decides_and_lapses_as_before() {
    ControlLoop loop = cappedLoop(scripted(List.of(fixture.cap(2800))));
    blindSeconds(loop, 5);

    fixture.clock.advance(Duration.ofSeconds(11));
    TickReport tick = loop.tick(fixture.clock.instant());

    assertThat(tick.blind()).as("no late arrival in the last 2 s: no evidence").isEmpty();
    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed ->
        assertThat(lapsed.detail()).contains("(node_stale)"));
  }

  /** A loop whose first tick, while the controller still sees, applied the policy's caps. */
  private ControlLoop cappedLoop(Policy policy) {
    fixture.feed(HOT, 91.0);
    ControlLoop loop = fixture.loop(fixture.state, policy, fixture.applyAtOnce, monitor);
    loop.tick(fixture.clock.instant());
    return loop;
  }

  /** Ticks once a second for {@code seconds} while HOT's readings arrive, all of them late. */
  private void blindSeconds(ControlLoop loop, int seconds) {
    for (int i = 0; i < seconds; i++) {
      fixture.clock.advance(Duration.ofSeconds(1));
      arriveLate(HOT);
      loop.tick(fixture.clock.instant());
    }
  }

  private void arriveLate(NodeId node) {
    Instant now = fixture.clock.instant();
    monitor.arrived(node, now.minus(BROKER_DELAY), now);
  }

  private List<String> blindWarnings() {
    return warnings.stream().map(LogRecord::getMessage)
        .filter(message -> message.startsWith("Controller blind")).toList();
  }
}
