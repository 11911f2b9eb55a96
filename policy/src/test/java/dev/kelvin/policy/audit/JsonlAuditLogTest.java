package dev.kelvin.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAuditLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final AuditEvents events = new AuditEvents();

  private Path file() {
    return dir.resolve("audit.jsonl");
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(file(), StandardCharsets.UTF_8);
  }

  private List<AuditEvent> appendAll(JsonlAuditLog log, List<AuditEvent> toAppend) {
    for (AuditEvent event : toAppend) {
      log.append(event);
    }
    return toAppend;
  }

  @Test
  void writes_one_json_object_per_record_with_the_fields_a_person_reads() throws IOException {
    SetCpuFrequencyCap cap = events.cap();
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      log.append(events.approved(cap));
      log.append(events.applied(cap));
    }

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode approved = JSON.readTree(lines.get(0));
    JsonNode applied = JSON.readTree(lines.get(1));
    assertThat(approved.get("seq").asLong()).isEqualTo(1);
    assertThat(approved.get("at").asText()).isEqualTo("2026-01-01T00:10:00Z");
    assertThat(approved.get("stage").asText()).isEqualTo("approved");
    assertThat(approved.get("actor").asText()).isEqualTo("kelvin");
    assertThat(approved.get("type").asText()).isEqualTo("set_cpu_freq_cap");
    assertThat(approved.get("id").asText()).isEqualTo(cap.id().value());
    assertThat(approved.get("target").asText()).isEqualTo("site-a/n07");
    assertThat(approved.get("what").asText()).isEqualTo("cap CPU at 2800 MHz");
    assertThat(approved.get("rule").asText()).isEqualTo("thermal-cap-cpu");
    assertThat(approved.get("reason").asText()).isEqualTo(cap.reason());
    assertThat(approved.at("/facts/0/name").asText()).isEqualTo("cpu_temp_c");
    assertThat(approved.at("/facts/0/value").asDouble()).isEqualTo(91.2);
    assertThat(approved.at("/facts/0/unit").asText()).isEqualTo("°C");
    assertThat(approved.get("leaseSeconds").asLong()).isEqualTo(120);
    assertThat(approved.get("detail").asText()).isEqualTo("approved");
    assertThat(approved.has("result")).isFalse();
    assertThat(applied.get("seq").asLong()).isEqualTo(2);
    assertThat(applied.at("/result/outcome").asText()).isEqualTo("applied");
    assertThat(applied.at("/result/before").asDouble()).isEqualTo(3000);
    assertThat(applied.at("/result/after").asDouble()).isEqualTo(2800);
    assertThat(applied.at("/result/leaseExpiresAt").asText()).isEqualTo("2026-01-01T00:12:00Z");
  }

  @Test
  void writes_the_setpoint_in_force_before_and_the_value_after_and_reads_before_back()
      throws IOException {
    SetCpuFrequencyCap cap = events.cap();
    AuditEvent decided = new AuditEvent(AuditEvents.AT, AuditStage.APPROVED, cap, "kelvin",
        "approved", Optional.empty(), OptionalDouble.of(3000));
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      log.append(decided);
      log.append(events.approved(new DrainNode(events.meta(Duration.ZERO), AuditEvents.N07)));
    }

    JsonNode capLine = JSON.readTree(lines().get(0));
    JsonNode drainLine = JSON.readTree(lines().get(1));
    assertThat(capLine.get("before").asDouble()).isEqualTo(3000);
    assertThat(capLine.get("after").asDouble()).isEqualTo(2800);
    assertThat(drainLine.get("before").isNull()).isTrue();
    assertThat(drainLine.get("after").isNull()).isTrue();
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.recent(2).get(0).event()).isEqualTo(decided);
    }
  }

  @Test
  void every_record_is_in_the_file_when_append_returns() throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      for (AuditEvent event : events.everyKind()) {
        AuditRecord record = log.append(event);
        List<String> lines = lines();
        assertThat(lines).hasSize((int) record.seq());
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("seq").asLong())
            .isEqualTo(record.seq());
      }
    }
  }

  @Test
  void reopening_continues_the_numbering_and_reloads_every_kind_of_record() throws IOException {
    List<AuditEvent> written;
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 100)) {
      written = appendAll(log, events.everyKind());
    }

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 100)) {
      assertThat(reopened.lastSeq()).isEqualTo(written.size());
      assertThat(reopened.recent(100)).extracting(AuditRecord::event)
          .containsExactlyElementsOf(written);
      assertThat(reopened.status().recoveredLines()).isEqualTo(written.size());
      assertThat(reopened.status().recoveryProblems()).isEmpty();
      assertThat(reopened.append(events.approved(events.cap())).seq())
          .isEqualTo(written.size() + 1);
    }
    assertThat(lines()).hasSize(written.size() + 1);
  }

  @Test
  void writes_the_model_version_of_each_action_and_reads_it_back_on_reopen() throws IOException {
    List<AuditEvent> written = List.of(events.approved(events.capFromModel("power-gbt-7")),
        events.approved(events.cap()));
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      appendAll(log, written);
    }

    assertThat(JSON.readTree(lines().get(0)).get("modelVersion").asText())
        .isEqualTo("power-gbt-7");
    assertThat(JSON.readTree(lines().get(1)).get("modelVersion").isNull()).isTrue();
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.recent(10)).extracting(r -> r.event().action().meta().modelVersion())
          .containsExactly(Optional.of("power-gbt-7"), Optional.empty());
      assertThat(reopened.recent(10)).extracting(AuditRecord::event)
          .containsExactlyElementsOf(written);
    }
  }

  @Test
  void reads_a_line_written_before_model_versions_were_recorded_as_based_on_no_model()
      throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      log.append(events.approved(events.capFromModel("power-gbt-7")));
    }
    ObjectNode old = (ObjectNode) JSON.readTree(lines().get(0));
    old.remove("modelVersion");
    Files.write(file(), List.of(old.toString()));

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.status().recoveryProblems()).isEmpty();
      assertThat(reopened.recent(1)).singleElement()
          .satisfies(r -> assertThat(r.event().action().meta().modelVersion()).isEmpty());
    }
  }

  @Test
  void reads_a_line_that_names_its_type_by_class_as_files_written_before_stable_names_did()
      throws IOException {
    SetCpuFrequencyCap cap = events.cap();
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      log.append(events.approved(cap));
    }
    ObjectNode old = (ObjectNode) JSON.readTree(lines().get(0));
    old.put("type", "SetCpuFrequencyCap");
    Files.write(file(), List.of(old.toString()));

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.status().recoveryProblems()).isEmpty();
      assertThat(reopened.recent(1)).singleElement().satisfies(r ->
          assertThat(r.event().action()).isEqualTo(cap));
    }
  }

  @Test
  void keeps_only_the_newest_records_in_memory_and_every_record_in_the_file() throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 3)) {
      appendAll(log, events.everyKind().subList(0, 5));

      assertThat(log.recent(10)).extracting(AuditRecord::seq).containsExactly(3L, 4L, 5L);
      assertThat(log.since(0, 10)).extracting(AuditRecord::seq).containsExactly(3L, 4L, 5L);
    }
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 2)) {
      assertThat(reopened.recent(10)).extracting(AuditRecord::seq).containsExactly(4L, 5L);
    }
    assertThat(lines()).hasSize(5);
  }

  @Test
  void reads_back_only_the_newest_records_from_a_file_larger_than_one_read_block()
      throws IOException {
    List<AuditEvent> written = new ArrayList<>();
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      for (int i = 0; i < 500; i++) {
        written.add(events.approved(events.cap()));
        log.append(written.get(i));
      }
    }
    assertThat(Files.size(file())).isGreaterThan(3 * 64 * 1024);

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 300)) {
      assertThat(reopened.lastSeq()).isEqualTo(500);
      assertThat(reopened.status().recoveredLines()).isEqualTo(300);
      assertThat(reopened.status().recoveryProblems()).isEmpty();
      assertThat(reopened.recent(1000)).extracting(AuditRecord::event)
          .containsExactlyElementsOf(written.subList(200, 500));
    }
  }

  @Test
  void tolerates_and_reports_a_torn_last_line_and_starts_the_next_record_on_a_new_line()
      throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      appendAll(log, events.everyKind().subList(0, 2));
    }
    long tornAt = Files.size(file());
    Files.writeString(file(), "{\"seq\":3,\"at\":\"2026-01-01T00:1", StandardOpenOption.APPEND);

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      AuditLogStatus status = reopened.status();
      assertThat(reopened.lastSeq()).isEqualTo(2);
      assertThat(status.unreadableLines()).isEqualTo(1);
      assertThat(status.recoveryProblems()).singleElement().asString()
          .startsWith("the line at byte " + tornAt + " ").contains("torn last line");
      assertThat(reopened.append(events.approved(events.cap())).seq()).isEqualTo(3);
    }

    List<String> lines = lines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).isEqualTo("{\"seq\":3,\"at\":\"2026-01-01T00:1");
    assertThat(JSON.readTree(lines.get(3)).get("seq").asLong()).isEqualTo(3);
    try (JsonlAuditLog again = JsonlAuditLog.open(file(), 10)) {
      assertThat(again.lastSeq()).isEqualTo(3);
      assertThat(again.recent(10)).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
      assertThat(again.status().recoveryProblems()).singleElement().asString()
          .startsWith("the line at byte " + tornAt + " ").doesNotContain("torn last line");
    }
  }

  @Test
  void keeps_a_complete_last_record_that_lost_only_its_line_break() throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      appendAll(log, events.everyKind().subList(0, 2));
    }
    String content = Files.readString(file());
    Files.writeString(file(), content.substring(0, content.length() - 1));

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.lastSeq()).isEqualTo(2);
      assertThat(reopened.status().recoveryProblems()).isEmpty();
      reopened.append(events.approved(events.cap()));
    }
    assertThat(lines()).hasSize(3).allSatisfy(line -> assertThat(JSON.readTree(line)).isNotNull());
  }

  @Test
  void skips_and_reports_an_unreadable_line_in_the_middle() throws IOException {
    List<String> good = new ArrayList<>();
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      appendAll(log, events.everyKind().subList(0, 2));
    }
    good.addAll(lines());
    Files.write(file(), List.of(good.get(0), "not json at all", good.get(1)));
    long badAt = good.get(0).getBytes(StandardCharsets.UTF_8).length + 1;

    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.lastSeq()).isEqualTo(2);
      assertThat(reopened.recent(10)).hasSize(2);
      assertThat(reopened.status().unreadableLines()).isEqualTo(1);
      assertThat(reopened.status().recoveryProblems()).singleElement().asString()
          .startsWith("the line at byte " + badAt + " ").contains("not valid JSON");
    }
  }

  @Test
  void creates_missing_directories_and_starts_an_empty_file_at_seq_one() {
    Path nested = dir.resolve("var/kelvin/audit.jsonl");
    try (JsonlAuditLog log = JsonlAuditLog.open(nested, 10)) {
      assertThat(log.lastSeq()).isZero();
      assertThat(log.append(events.approved(events.cap())).seq()).isEqualTo(1);
    }
    assertThat(nested).exists();
  }

  @Test
  void refuses_to_append_after_close_and_names_the_file() {
    JsonlAuditLog log = JsonlAuditLog.open(file(), 10);
    log.close();

    assertThatThrownBy(() -> log.append(events.approved(events.cap())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed")
        .hasMessageContaining(file().toString());
  }

  @Test
  void refuses_a_memory_tail_below_one() {
    assertThatThrownBy(() -> JsonlAuditLog.open(file(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryTail");
  }
}
