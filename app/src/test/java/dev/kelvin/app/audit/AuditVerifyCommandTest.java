package dev.kelvin.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.Main;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.policy.audit.JsonlAuditLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditVerifyCommandTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:10:00Z");

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path audit(int records) {
    Path file = dir.resolve("audit.jsonl");
    try (JsonlAuditLog log = JsonlAuditLog.open(file, 10)) {
      for (int i = 1; i <= records; i++) {
        ActionMeta meta = new ActionMeta(new ActionId("a-" + i), "thermal-cap-cpu",
            "CPU at 91 °C exceeds its 85 °C limit", List.of(new Fact("cpu_temp_c", 91, "°C")),
            AT, Duration.ofMinutes(2));
        log.append(AuditEvent.of(AT, AuditStage.APPROVED,
            new SetCpuFrequencyCap(meta, NodeId.of("site-a", "n07"), 2800), "approved"));
      }
    }
    return file;
  }

  @Test
  void an_intact_file_prints_ok_with_the_record_count_and_last_hash_and_exits_zero()
      throws IOException {
    Path file = audit(4);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String lastHash = lines.get(3).substring(lines.get(3).length() - 66, lines.get(3).length() - 2);

    assertThat(run("audit", "verify", file.toString())).isZero();

    assertThat(out.toString().strip())
        .isEqualTo("OK 4 records, last seq 4, last hash " + lastHash);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void a_tampered_file_names_the_line_where_the_chain_breaks_and_exits_one() throws IOException {
    Path file = audit(5);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(3, lines.get(3).replace("\"capMhz\":2800", "\"capMhz\":1200"));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThat(run("audit", "verify", file.toString())).isEqualTo(1);

    assertThat(out.toString()).contains("BROKEN " + file + " line 4: seq 4: its hash does not"
        + " match its content").contains("NOT OK: 1 place(s) where the chain breaks");
  }

  @Test
  void a_file_cut_short_is_incomplete_and_exits_one() throws IOException {
    Path file = audit(3);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));

    assertThat(run("audit", "verify", file.toString())).isEqualTo(1);

    assertThat(out.toString()).contains("INCOMPLETE " + file + " line 3:")
        .contains("NOT OK: 2 records, last seq 2");
  }

  @Test
  void a_missing_file_is_one_line_on_stderr_and_exits_one() {
    assertThat(run("audit", "verify", dir.resolve("nope.jsonl").toString())).isEqualTo(1);

    assertThat(err.toString()).contains("kelvin audit verify: cannot read the audit file")
        .contains("nope.jsonl");
  }

  @Test
  void no_file_is_a_usage_error() {
    assertThat(run("audit", "verify")).isEqualTo(2);

    assertThat(err.toString()).contains("FILE");
  }
}
