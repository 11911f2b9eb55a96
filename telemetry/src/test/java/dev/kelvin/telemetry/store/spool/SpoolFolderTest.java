package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.drain;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.lastSegment;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.record;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a folder: what is refused, with a message naming the path, and what is tidied. */
class SpoolFolderTest {
  @TempDir
  Path dir;

  @Test
  void creates_a_missing_folder() {
    Path folder = dir.resolve("a/b/spool");
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("r0"));
      assertThat(drain(spool)).containsExactly("r0");
    }
    assertThat(folder).isDirectory();
  }

  @Test
  void refuses_a_folder_that_is_a_file() throws Exception {
    Path file = Files.writeString(dir.resolve("spool"), "x");

    assertThatThrownBy(() -> DiskSpool.open(small(file))).isInstanceOf(SpoolException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("could not be created");
  }

  @Test
  void refuses_a_folder_whose_parent_is_a_file() throws Exception {
    Path file = Files.writeString(dir.resolve("parent"), "x");
    Path folder = file.resolve("spool");

    assertThatThrownBy(() -> DiskSpool.open(small(folder))).isInstanceOf(SpoolException.class)
        .hasMessageContaining(folder.toString());
  }

  @Test
  void refuses_a_folder_holding_a_file_of_another_program() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> DiskSpool.open(small(dir))).isInstanceOf(SpoolException.class)
        .hasMessageContaining(notes.toString()).hasMessageContaining("not a spool file");
    assertThat(notes).hasContent("mine");
  }

  @Test
  void refuses_a_segment_file_that_is_not_a_spool_segment() throws Exception {
    Path fake = Files.writeString(dir.resolve("00000000000000000000.seg"),
        "measurement,host=a value=1 1700000000000000000\n");

    assertThatThrownBy(() -> DiskSpool.open(small(dir))).isInstanceOf(SpoolException.class)
        .hasMessageContaining(fake.toString()).hasMessageContaining("not a spool segment")
        .hasMessageContaining("magic");
  }

  @Test
  void refuses_a_segment_of_another_format_version() throws Exception {
    Path seg = dir.resolve("00000000000000000000.seg");
    Files.write(seg, ByteBuffer.allocate(16).putInt(SegmentFormat.SEGMENT_MAGIC).putInt(2)
        .putLong(0).array());

    assertThatThrownBy(() -> DiskSpool.open(small(dir))).isInstanceOf(SpoolException.class)
        .hasMessageContaining(seg.toString()).hasMessageContaining("version 2");
  }

  @Test
  void refuses_a_segment_renamed_by_hand() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(dir))) {
      spool.append(record("r0"));
    }
    Path renamed = dir.resolve("00000000000000000005.seg");
    Files.move(lastSegment(dir), renamed);

    assertThatThrownBy(() -> DiskSpool.open(small(dir))).isInstanceOf(SpoolException.class)
        .hasMessageContaining(renamed.toString()).hasMessageContaining("renamed");
  }

  @Test
  void removes_a_segment_a_crash_left_with_half_a_header() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(dir))) {
      spool.append(record("r0"));
    }
    Path stub = dir.resolve(SegmentFormat.fileName(7));
    Files.write(stub, Arrays.copyOf(SegmentFormat.segmentHeader(7).array(), 6));

    try (DiskSpool spool = DiskSpool.open(small(dir))) {
      assertThat(stub).doesNotExist();
      assertThat(spool.stats().tornRecords()).isZero();
      spool.append(record("r1"));
      assertThat(drain(spool)).containsExactly("r0", "r1");
    }
  }

  @Test
  void removes_a_cursor_left_half_replaced() throws Exception {
    Path temp = Files.write(dir.resolve("cursor.tmp"), "x".getBytes(StandardCharsets.UTF_8));

    try (DiskSpool spool = DiskSpool.open(small(dir))) {
      assertThat(temp).doesNotExist();
    }
  }
}
