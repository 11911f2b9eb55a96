package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.dashboard.Health;
import dev.kelvin.policy.audit.JsonlAuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerHealthAuditTest {
  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("audit.jsonl");
  }

  private void write(int records) {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      for (int i = 1; i <= records; i++) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        log.append(AuditEvent.of(at, AuditStage.HELD_FOR_APPROVAL, new DrainNode(new ActionMeta(
            new ActionId("d-" + i), "failure-risk-drain", "risk 0.9", List.of(), at,
            Duration.ZERO), NodeId.of("site-a", "n0" + i)), "needs approval"));
      }
    }
  }

  @Test
  void an_audit_file_whose_chain_held_on_start_is_up() {
    write(3);
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      Health.Component audit = ControllerHealth.audit(Optional.of(log.status()));

      assertThat(audit.status()).isEqualTo(Health.Status.UP);
    }
  }

  @Test
  void an_audit_file_whose_chain_broke_is_degraded_naming_the_file_and_line() throws IOException {
    write(3);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    lines.remove(1);
    Files.write(file(), lines, StandardCharsets.UTF_8);

    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      Health.Component audit = ControllerHealth.audit(Optional.of(log.status()));

      assertThat(audit.status()).isEqualTo(Health.Status.DEGRADED);
      assertThat(audit.detail()).contains("hash chain broken at 1 place(s), first at " + file()
          + " line 2");
    }
  }
}
