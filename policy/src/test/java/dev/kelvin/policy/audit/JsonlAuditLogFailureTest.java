package dev.kelvin.policy.audit;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.policy.Nodes;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.guard.SafetyGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class JsonlAuditLogFailureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final AuditEvents events = new AuditEvents();
  private final MutableClock clock = new MutableClock();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(JsonlAuditLog.class);
  private FlakySink sink;

  @BeforeEach
  void captureLog() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(logged);
  }

  private JsonlAuditLog open() {
    return JsonlAuditLog.open(dir.resolve("audit.jsonl"), 100, clock, file -> {
      sink = new FlakySink(file);
      return sink;
    });
  }

  private List<Long> seqsInFile() throws IOException {
    List<Long> seqs = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
      seqs.add(JSON.readTree(line).get("seq").asLong());
    }
    return seqs;
  }

  private long errorsLogged() {
    return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).count();
  }

  @Test
  void keeps_records_in_memory_while_the_file_fails_and_writes_them_in_order_later()
      throws IOException {
    List<AuditEvent> all = events.everyKind();
    try (JsonlAuditLog log = open()) {
      log.append(all.get(0));
      sink.broken = true;
      log.append(all.get(1));
      log.append(all.get(2));

      assertThat(log.lastSeq()).isEqualTo(3);
      assertThat(log.recent(10)).extracting(AuditRecord::event)
          .containsExactlyElementsOf(all.subList(0, 3));
      assertThat(log.status().unwrittenRecords()).isEqualTo(2);
      assertThat(log.status().writeFailures()).isEqualTo(2);
      assertThat(log.status().writing()).isFalse();
      assertThat(log.status().lastWriteError()).contains("No space left on device");
      assertThat(seqsInFile()).containsExactly(1L);

      sink.broken = false;
      log.append(all.get(3));

      assertThat(seqsInFile()).containsExactly(1L, 2L, 3L, 4L);
      assertThat(log.status().writing()).isTrue();
      assertThat(log.status().lastWriteError()).isEmpty();
    }
  }

  @Test
  void the_guard_refuses_every_action_while_records_do_not_reach_the_file_and_acts_again_after() {
    ClusterSnapshot snapshot = Nodes.snapshot(Nodes.fresh(reading().node("n07")));
    try (JsonlAuditLog log = open()) {
      SafetyGuard guard = new SafetyGuard(GuardSettings.defaults(), log::writing);
      sink.broken = true;
      log.append(events.approved(events.cap()));

      assertThat(log.writing()).isFalse();
      assertThat(guard.review(events.cap(), snapshot))
          .isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
              assertThat(rejected.why()).startsWith("the audit log cannot be written"));

      sink.broken = false;
      assertThat(log.retryUnwritten()).isTrue();

      assertThat(log.writing()).isTrue();
      assertThat(guard.review(events.cap(), snapshot)).isInstanceOf(GuardDecision.Approved.class);
    }
  }

  @Test
  void retries_unwritten_records_on_request_and_on_close() throws IOException {
    JsonlAuditLog log = open();
    sink.broken = true;
    log.append(events.approved(events.cap()));
    assertThat(log.retryUnwritten()).isFalse();

    sink.broken = false;
    assertThat(log.retryUnwritten()).isTrue();
    sink.broken = true;
    log.append(events.approved(events.cap()));
    sink.broken = false;
    log.close();

    assertThat(seqsInFile()).containsExactly(1L, 2L);
  }

  @Test
  void counts_each_record_that_missed_the_file_once_and_stops_counting_when_it_is_back() {
    try (JsonlAuditLog log = open()) {
      sink.broken = true;
      log.append(events.approved(events.cap()));
      log.append(events.approved(events.cap()));
      log.retryUnwritten();
      assertThat(log.status().unwrittenTotal()).isEqualTo(2);
      assertThat(log.status().writeFailures()).isEqualTo(3);

      sink.broken = false;
      log.append(events.approved(events.cap()));

      assertThat(log.status().unwrittenTotal()).isEqualTo(2);
      assertThat(log.status().unwrittenRecords()).isZero();
    }
  }

  @Test
  void writes_again_after_records_were_dropped_and_keeps_counting_the_loss() {
    try (JsonlAuditLog log = open()) {
      sink.broken = true;
      AuditEvent event = events.approved(events.cap());
      for (int i = 0; i <= JsonlAuditLog.MAX_UNWRITTEN; i++) {
        log.append(event);
      }
      assertThat(log.status().droppedRecords()).isEqualTo(1);

      sink.broken = false;

      assertThat(log.retryUnwritten()).isTrue();
      assertThat(log.status().writing()).as("the file takes records again").isTrue();
      assertThat(log.status().droppedRecords()).isEqualTo(1);
    }
  }

  @Test
  void logs_an_error_at_most_once_a_minute_while_the_file_fails() {
    try (JsonlAuditLog log = open()) {
      sink.broken = true;
      log.append(events.approved(events.cap()));
      clock.advance(Duration.ofSeconds(30));
      log.append(events.approved(events.cap()));
      clock.advance(Duration.ofSeconds(29));
      log.append(events.approved(events.cap()));
      assertThat(errorsLogged()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(1));
      log.append(events.approved(events.cap()));
      assertThat(errorsLogged()).isEqualTo(2);
      assertThat(logged.list.get(logged.list.size() - 1).getFormattedMessage())
          .contains("4 records kept in memory (seq 1 to 4)");
      sink.broken = false;
    }
  }
}
