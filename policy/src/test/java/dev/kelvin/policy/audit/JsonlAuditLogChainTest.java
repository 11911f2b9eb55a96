package dev.kelvin.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAuditLogChainTest {
  @TempDir
  Path dir;

  private final AuditEvents events = new AuditEvents();

  private Path file() {
    return dir.resolve("audit.jsonl");
  }

  private List<String> writeAndRead(int count) throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      for (int i = 0; i < count; i++) {
        log.append(events.approved(events.cap()));
      }
    }
    return new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
  }

  @Test
  void a_file_whose_chain_holds_opens_with_no_break_in_its_status() throws IOException {
    writeAndRead(5);

    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      assertThat(log.status().chainOnOpen().intact()).isTrue();
      assertThat(log.status().chainOnOpen().sealedRecords()).isEqualTo(5);
      assertThat(log.status().chainBreak()).isEmpty();
    }
  }

  @Test
  void a_broken_chain_is_in_the_status_with_file_and_line_and_the_file_is_left_as_it_was()
      throws IOException {
    List<String> lines = writeAndRead(6);
    lines.remove(2);
    Files.write(file(), lines, StandardCharsets.UTF_8);
    byte[] tampered = Files.readAllBytes(file());

    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      assertThat(log.status().chainBreak()).hasValueSatisfying(why -> assertThat(why)
          .startsWith("hash chain broken at 1 place(s), first at " + file() + " line 3: ")
          .contains("seq 4 follows seq 2"));
      assertThat(log.writing()).isTrue();
    }

    assertThat(Files.readAllBytes(file())).isEqualTo(tampered);
  }

  @Test
  void records_appended_after_a_break_chain_on_from_the_last_line_so_only_the_break_shows()
      throws IOException {
    List<String> lines = writeAndRead(6);
    lines.set(1, lines.get(1).replace("\"capMhz\":2800", "\"capMhz\":2000"));
    Files.write(file(), lines, StandardCharsets.UTF_8);

    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      assertThat(log.append(events.approved(events.cap())).seq()).isEqualTo(7);
    }

    ChainReport report = AuditVerifier.verify(List.of(file()));
    assertThat(report.breakCount()).isEqualTo(1);
    assertThat(report.firstBreak().orElseThrow().line()).isEqualTo(2);
    assertThat(report.lastSeq()).isEqualTo(7);
    assertThat(report.tornTail()).isEmpty();
  }

  @Test
  void a_write_that_failed_and_was_retried_keeps_the_chain_whole() throws IOException {
    FlakySink[] flaky = new FlakySink[1];
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10, java.time.InstantSource.system(),
        sink -> flaky[0] = new FlakySink(sink))) {
      log.append(events.approved(events.cap()));
      flaky[0].broken = true;
      log.append(events.approved(events.cap()));
      log.append(events.approved(events.cap()));
      assertThat(log.writing()).isFalse();
      flaky[0].broken = false;
      assertThat(log.retryUnwritten()).isTrue();
      log.append(events.approved(events.cap()));
    }

    ChainReport report = AuditVerifier.verify(List.of(file()));
    assertThat(report.intact()).isTrue();
    assertThat(report.sealedRecords()).isEqualTo(4);
  }
}
