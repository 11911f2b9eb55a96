package dev.kelvin.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log writes to the file its path names, on a real file system: it fails while the
 * path leads nowhere writable and recovers by itself once it does again. The tests run as any
 * user (root ignores file modes), so writes are made to fail by the path, not by permissions:
 * {@code /dev/full} answers every write with "no space left on device", and a folder replaced
 * by a regular file makes the path unopenable.
 */
class JsonlAuditLogPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEV_FULL = Path.of("/dev/full");

  @TempDir
  Path dir;

  private final AuditEvents events = new AuditEvents();

  @Test
  void fails_while_the_path_names_a_full_device_and_writes_everything_once_the_file_is_back()
      throws IOException {
    assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
    Path file = dir.resolve("audit.jsonl");
    Path aside = dir.resolve("audit.jsonl.aside");
    try (JsonlAuditLog log = JsonlAuditLog.open(file, 100)) {
      log.append(events.approved(events.cap()));
      Files.move(file, aside);
      Files.createSymbolicLink(file, DEV_FULL);

      log.append(events.approved(events.cap()));
      assertThat(log.retryUnwritten()).isFalse();

      AuditLogStatus failing = log.status();
      assertThat(log.writing()).isFalse();
      assertThat(failing.writing()).isFalse();
      assertThat(failing.lastWriteError()).contains("No space left on device");
      assertThat(failing.unwrittenRecords()).isEqualTo(1);
      assertThat(failing.unwrittenTotal()).isEqualTo(1);
      assertThat(failing.writeFailures()).isEqualTo(2);

      Files.delete(file);
      Files.move(aside, file);
      assertThat(log.retryUnwritten()).isTrue();
      log.append(events.approved(events.cap()));

      AuditLogStatus mended = log.status();
      assertThat(mended.writing()).isTrue();
      assertThat(mended.lastWriteError()).isEmpty();
      assertThat(mended.unwrittenTotal()).as("stops rising once the file takes records")
          .isEqualTo(1);
      assertThat(mended.writeFailures()).isEqualTo(2);
    }
    assertThat(seqs(file)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void fails_while_its_folder_is_a_regular_file_and_recovers_when_the_folder_is_back()
      throws IOException {
    Path folder = dir.resolve("audit");
    Path file = folder.resolve("audit.jsonl");
    Path aside = dir.resolve("audit.aside");
    try (JsonlAuditLog log = JsonlAuditLog.open(file, 100)) {
      log.append(events.approved(events.cap()));
      Files.move(folder, aside);
      Files.writeString(folder, "not a folder");

      log.append(events.approved(events.cap()));

      assertThat(log.writing()).isFalse();
      assertThat(log.status().lastWriteError()).contains(file.toString());

      Files.delete(folder);
      Files.move(aside, folder);
      assertThat(log.retryUnwritten()).isTrue();
    }
    assertThat(seqs(file)).containsExactly(1L, 2L);
  }

  @Test
  void a_file_moved_away_is_created_again_at_its_path_and_locked_there() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Path rotated = dir.resolve("audit.jsonl.1");
    try (JsonlAuditLog log = JsonlAuditLog.open(file, 100)) {
      log.append(events.approved(events.cap()));
      Files.move(file, rotated);

      log.append(events.approved(events.cap()));

      assertThat(log.writing()).isTrue();
      assertThat(seqs(rotated)).containsExactly(1L);
      assertThat(seqs(file)).containsExactly(2L);
      assertThatThrownBy(() -> JsonlAuditLog.open(file, 10))
          .isInstanceOf(JsonlAuditLog.InUseException.class);
    }
    try (JsonlAuditLog reopened = JsonlAuditLog.open(file, 10)) {
      assertThat(reopened.lastSeq()).isEqualTo(2);
    }
  }

  private static List<Long> seqs(Path file) throws IOException {
    List<Long> seqs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      seqs.add(JSON.readTree(line).get("seq").asLong());
    }
    return seqs;
  }
}
