package dev.kelvin.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelvin.policy.audit.ChainReport.ChainBreak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final AuditEvents events = new AuditEvents();

  private Path file() {
    return dir.resolve("audit.jsonl");
  }

  /** Writes {@code count} records through the log and returns the lines of the file. */
  private List<String> written(int count) throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      for (int i = 0; i < count; i++) {
        log.append(events.everyKind().get(i % events.everyKind().size()));
      }
    }
    return new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
  }

  private ChainReport verifyAfterWriting(List<String> lines) throws IOException {
    Files.write(file(), lines, StandardCharsets.UTF_8);
    return AuditVerifier.verify(List.of(file()));
  }

  private static ChainBreak first(ChainReport report) {
    assertThat(report.intact()).isFalse();
    return report.firstBreak().orElseThrow();
  }

  @Test
  void an_untouched_file_verifies_with_its_record_count_and_last_hash() throws IOException {
    List<String> lines = written(30);

    ChainReport report = AuditVerifier.verify(List.of(file()));

    assertThat(report.intact()).isTrue();
    assertThat(report.sealedRecords()).isEqualTo(30);
    assertThat(report.lastSeq()).isEqualTo(30);
    assertThat(report.lastHash()).isEqualTo(JSON.readTree(lines.get(29)).get("hash").asText());
  }

  @Test
  void each_hash_is_the_sha256_of_the_line_as_written_without_its_hash_member()
      throws Exception {
    List<String> lines = written(3);
    String previous = "0".repeat(64);
    for (String line : lines) {
      int member = line.lastIndexOf(",\"hash\":\"");
      String body = line.substring(0, member) + "}";
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
      assertThat(line).endsWith(",\"prev\":\"" + previous + "\",\"hash\":\"" + hash + "\"}");
      previous = hash;
    }
  }

  @Test
  void a_changed_value_is_found_on_its_line() throws IOException {
    List<String> lines = written(10);
    String changed = lines.get(2).replace("\"capMhz\":2800", "\"capMhz\":3400");
    assertThat(changed).isNotEqualTo(lines.get(2));
    lines.set(2, changed);

    ChainReport report = verifyAfterWriting(lines);

    assertThat(first(report).line()).isEqualTo(3);
    assertThat(first(report).why()).contains("seq 3").contains("hash does not match its content");
    assertThat(report.breakCount()).isEqualTo(1);
  }

  @Test
  void a_changed_value_with_a_recomputed_hash_is_found_on_the_line_after_it() throws Exception {
    List<String> lines = written(10);
    ObjectNode changed = (ObjectNode) JSON.readTree(lines.get(3));
    changed.put("actor", "somebody-else");
    changed.remove("hash");
    lines.set(3, new AuditChain().seal(changed.toString()));

    ChainBreak at = first(verifyAfterWriting(lines));

    assertThat(at.line()).isEqualTo(5);
    assertThat(at.why()).contains("not chained to the line before it (line 4)");
  }

  @Test
  void a_deleted_line_is_found_where_it_was() throws IOException {
    List<String> lines = written(10);
    lines.remove(4);

    ChainReport report = verifyAfterWriting(lines);

    assertThat(first(report).line()).isEqualTo(5);
    assertThat(first(report).why()).contains("seq 6 follows seq 4").contains("1 record(s) deleted");
    assertThat(report.breakCount()).isEqualTo(1);
  }

  @Test
  void an_inserted_copy_of_a_line_is_found_on_its_line() throws IOException {
    List<String> lines = written(10);
    lines.add(6, lines.get(2));

    ChainBreak at = first(verifyAfterWriting(lines));

    assertThat(at.line()).isEqualTo(7);
    assertThat(at.why()).contains("seq 3 follows seq 6").contains("inserted");
  }

  @Test
  void two_lines_swapped_are_found_at_the_first_of_them() throws IOException {
    List<String> lines = written(10);
    String third = lines.get(2);
    lines.set(2, lines.get(3));
    lines.set(3, third);

    ChainBreak at = first(verifyAfterWriting(lines));

    assertThat(at.line()).isEqualTo(3);
    assertThat(at.why()).contains("seq 4 follows seq 2");
  }

  @Test
  void a_file_cut_in_the_middle_of_a_line_is_found_at_that_line() throws IOException {
    written(10);
    byte[] bytes = Files.readAllBytes(file());
    Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length - 40));

    ChainReport report = AuditVerifier.verify(List.of(file()));

    assertThat(report.intact()).isFalse();
    assertThat(report.breakCount()).isZero();
    assertThat(report.tornTail()).hasValueSatisfying(tail -> {
      assertThat(tail.line()).isEqualTo(10);
      assertThat(tail.why()).contains("not a complete record").contains("not proven whole");
    });
    assertThat(report.lastSeq()).isEqualTo(9);
  }

  @Test
  void the_head_cut_off_a_file_is_found_on_its_new_first_line() throws IOException {
    List<String> lines = written(10);

    ChainBreak at = first(verifyAfterWriting(lines.subList(3, 10)));

    assertThat(at.line()).isEqualTo(1);
    assertThat(at.why()).contains("chained to a line of an earlier file");
  }

  @Test
  void a_line_replaced_by_junk_is_found_on_its_line() throws IOException {
    List<String> lines = written(10);
    lines.set(5, "{\"seq\":6, this is not json");

    ChainBreak at = first(verifyAfterWriting(lines));

    assertThat(at.line()).isEqualTo(6);
    assertThat(at.why()).contains("not a record").contains("does not continue the chain");
  }

  @Test
  void a_record_without_a_hash_after_sealed_ones_is_found_on_its_line() throws IOException {
    List<String> lines = written(5);
    ObjectNode stripped = (ObjectNode) JSON.readTree(lines.get(4));
    stripped.remove("hash");
    lines.set(4, stripped.toString());

    ChainBreak at = first(verifyAfterWriting(lines));

    assertThat(at.line()).isEqualTo(5);
    assertThat(at.why()).contains("carries no hash");
  }

  @Test
  void a_line_torn_by_a_crash_and_continued_after_restart_keeps_the_chain_whole()
      throws IOException {
    written(3);
    Files.writeString(file(), "{\"seq\":4,\"at\":\"2026-01-01T00:1", StandardOpenOption.APPEND);
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.status().chainOnOpen().tornTail()).isPresent();
      assertThat(reopened.status().chainBreak()).isEmpty();
      reopened.append(events.approved(events.cap()));
    }

    ChainReport report = AuditVerifier.verify(List.of(file()));

    assertThat(report.intact()).isTrue();
    assertThat(report.lastSeq()).isEqualTo(4);
    assertThat(report.tornLines()).singleElement().satisfies(torn -> {
      assertThat(torn.line()).isEqualTo(4);
      assertThat(torn.why()).contains("cut short by a crash");
    });
  }

  @Test
  void records_written_before_the_chain_are_counted_and_the_chain_starts_after_them()
      throws IOException {
    List<String> lines = written(3);
    List<String> old = new ArrayList<>();
    for (String line : lines) {
      ObjectNode unsealed = (ObjectNode) JSON.readTree(line);
      unsealed.remove("prev");
      unsealed.remove("hash");
      old.add(unsealed.toString());
    }
    Files.write(file(), old, StandardCharsets.UTF_8);
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      reopened.append(events.approved(events.cap()));
    }

    ChainReport report = AuditVerifier.verify(List.of(file()));

    assertThat(report.intact()).isTrue();
    assertThat(report.unsealedRecords()).isEqualTo(3);
    assertThat(report.sealedRecords()).isEqualTo(1);
    assertThat(report.lastSeq()).isEqualTo(4);
  }

  @Test
  void a_file_that_replaced_a_moved_one_verifies_after_it() throws IOException {
    Path moved = dir.resolve("audit-old.jsonl");
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      log.append(events.approved(events.cap()));
      Files.move(file(), moved);
      log.append(events.approved(events.cap()));
    }

    assertThat(AuditVerifier.verify(List.of(moved, file())).intact()).isTrue();
    assertThat(AuditVerifier.verify(List.of(moved, file())).lastSeq()).isEqualTo(2);
    assertThat(AuditVerifier.verify(List.of(file())).firstBreak()).hasValueSatisfying(at ->
        assertThat(at.file()).isEqualTo(file()));
  }
}
