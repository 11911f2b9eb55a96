package dev.kelvin.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.audit.AuditRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Kelvins on one audit file: the second is refused, in this JVM and in another process. */
class JsonlAuditLogLockTest {
  @TempDir
  Path dir;

  private final AuditEvents events = new AuditEvents();

  private Path file() {
    return dir.resolve("audit.jsonl");
  }

  @Test
  void refuses_a_second_log_on_the_same_file_with_one_line_naming_it_and_opens_after_close()
      throws IOException {
    JsonlAuditLog first = JsonlAuditLog.open(file(), 10);
    first.append(events.approved(events.cap()));

    assertThatThrownBy(() -> JsonlAuditLog.open(file(), 10))
        .isInstanceOfSatisfying(JsonlAuditLog.InUseException.class, e -> {
          assertThat(e.file()).isEqualTo(file());
          assertThat(e.getMessage()).contains(file().toAbsolutePath().toString())
              .contains("in use by another Kelvin").doesNotContain("\n");
        });
    first.append(events.approved(events.cap()));
    first.close();

    try (JsonlAuditLog second = JsonlAuditLog.open(file(), 10)) {
      assertThat(second.lastSeq()).isEqualTo(2);
      assertThat(second.append(events.approved(events.cap())).seq()).isEqualTo(3);
    }
    assertThat(Files.readAllLines(file())).hasSize(3);
  }

  @Test
  void refusing_a_second_log_leaves_the_first_one_writing_every_record() throws IOException {
    try (JsonlAuditLog first = JsonlAuditLog.open(file(), 10)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> JsonlAuditLog.open(file(), 10))
            .isInstanceOf(JsonlAuditLog.InUseException.class);
        first.append(events.approved(events.cap()));
      }
      assertThat(first.writing()).isTrue();
    }
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.recent(10)).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void takes_the_lock_again_when_an_interrupted_write_closed_the_file() throws IOException {
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      Thread.currentThread().interrupt();
      try {
        log.append(events.approved(events.cap()));
      } finally {
        Thread.interrupted();
      }
      assertThat(log.writing()).isFalse();

      log.append(events.approved(events.cap()));

      assertThat(log.writing()).isTrue();
      assertThatThrownBy(() -> JsonlAuditLog.open(file(), 10))
          .isInstanceOf(JsonlAuditLog.InUseException.class);
    }
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file(), 10)) {
      assertThat(reopened.recent(10)).extracting(AuditRecord::seq).containsExactly(1L, 2L);
    }
  }

  @Test
  void refuses_a_log_on_a_file_another_process_holds_and_opens_it_once_that_one_exits()
      throws Exception {
    Path marker = dir.resolve("holding");
    Process holder = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        AuditFileHolder.class.getName(), file().toString(), marker.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(marker) || !holder.isAlive());
      assertThat(marker).as("the other process holds the log; its output: %s",
          Files.readString(dir.resolve("holder.log"))).exists();

      assertThatThrownBy(() -> JsonlAuditLog.open(file(), 10))
          .isInstanceOf(JsonlAuditLog.InUseException.class)
          .hasMessageContaining("in use by another Kelvin");
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
    try (JsonlAuditLog log = JsonlAuditLog.open(file(), 10)) {
      assertThat(log.append(events.approved(events.cap())).seq()).isEqualTo(1);
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
