package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.FRAME_HEADER;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.appendBytes;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.drain;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.flipByte;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.frameOffset;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.lastSegment;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.record;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.segments;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.size;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.small;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening a folder that a crash or a bad disk left damaged. */
class SpoolRecoveryTest {
  @TempDir
  Path folder;

  /** How a crash mid-append can leave the end of the newest segment. */
  enum Tear {
    HALF_A_HEADER, A_HEADER_AND_PART_OF_ITS_PAYLOAD, ZEROS_WHERE_THE_RECORD_WAS_TO_GO;

    byte[] bytes(long position) {
      ByteBuffer header = SegmentFormat.frameHeader(position, new byte[100]);
      switch (this) {
        case HALF_A_HEADER:
          return Arrays.copyOf(header.array(), 12);
        case A_HEADER_AND_PART_OF_ITS_PAYLOAD:
          return Arrays.copyOf(header.array(), FRAME_HEADER + 40);
        case ZEROS_WHERE_THE_RECORD_WAS_TO_GO:
          return new byte[4096];
        default:
          throw new AssertionError(this);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Tear.class)
  void cuts_a_torn_tail_back_to_the_last_whole_record_and_counts_it(Tear tear) throws Exception {
    appendAndClose("r0", "r1", "r2");
    Path last = lastSegment(folder);
    long whole = size(last);
    appendBytes(last, tear.bytes(3));

    try (LogCapture log = new LogCapture(); DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(spool.stats().tornRecords()).isEqualTo(1);
      assertThat(spool.stats().corruptRecords()).isZero();
      assertThat(spool.stats().records()).isEqualTo(3);
      assertThat(size(last)).isEqualTo(whole);
      assertThat(log.at(Level.WARN)).anySatisfy(m -> assertThat(m)
          .contains(last.toString(), "torn", "offset " + whole));
      spool.append(record("r3"));
    }
    try (DiskSpool again = DiskSpool.open(small(folder))) {
      assertThat(again.stats().tornRecords()).isZero();
      assertThat(drain(again)).containsExactly("r0", "r1", "r2", "r3");
    }
  }

  @Test
  void removes_a_newest_segment_that_held_only_a_torn_record() throws Exception {
    appendAndClose("r0");
    Path only = lastSegment(folder);
    try (FileChannel channel = FileChannel.open(only, StandardOpenOption.WRITE)) {
      channel.truncate(size(only) - 1);
    }

    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(spool.stats().tornRecords()).isEqualTo(1);
      assertThat(spool.stats().records()).isZero();
      assertThat(only).doesNotExist();
      spool.append(record("r1"));
      assertThat(drain(spool)).containsExactly("r1");
    }
  }

  @Test
  void skips_and_counts_a_record_whose_checksum_fails_and_keeps_the_ones_after_it()
      throws Exception {
    appendAndClose("record-0", "record-1", "record-2", "record-3", "record-4");
    Path segment = lastSegment(folder);
    long damaged = frameOffset(2, 8);
    flipByte(segment, damaged + FRAME_HEADER + 3);

    try (LogCapture log = new LogCapture(); DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(spool.stats().corruptRecords()).isEqualTo(1);
      assertThat(spool.stats().tornRecords()).isZero();
      assertThat(spool.stats().records()).isEqualTo(4);
      assertThat(log.at(Level.WARN)).anySatisfy(m -> assertThat(m)
          .contains(segment.toString(), "offset " + damaged, "checksum"));
      assertThat(drain(spool)).containsExactly("record-0", "record-1", "record-3", "record-4");
    }
  }

  @Test
  void skips_the_rest_of_a_segment_after_a_garbage_length_and_keeps_the_next_segment()
      throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 6).forEach(i -> spool.append(padded("r" + i, 300)));
    }
    Path first = segments(folder).get(0);
    long damaged = frameOffset(1, 300);
    flipByte(first, damaged + 5);

    try (LogCapture log = new LogCapture(); DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(spool.stats().corruptRecords()).isEqualTo(1);
      assertThat(spool.stats().records()).isEqualTo(4);
      assertThat(log.at(Level.WARN)).anySatisfy(m -> assertThat(m)
          .contains(first.toString(), "offset " + damaged, "rest of the segment"));
      assertThat(drain(spool)).extracting(s -> s.substring(0, 2))
          .containsExactly("r0", "r3", "r4", "r5");
    }
  }

  @Test
  void appends_after_garbage_in_the_newest_segment_into_a_new_one() throws Exception {
    appendAndClose("r0", "r1", "r2", "r3");
    flipByte(lastSegment(folder), frameOffset(2, 2) + 9);

    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(spool.stats().corruptRecords()).isEqualTo(1);
      assertThat(spool.stats().tornRecords()).isZero();
      spool.append(record("r4"));
    }
    try (DiskSpool again = DiskSpool.open(small(folder))) {
      assertThat(drain(again)).containsExactly("r0", "r1", "r4");
    }
  }

  @Test
  void counts_a_record_cut_short_in_an_older_segment_as_corrupt() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 6).forEach(i -> spool.append(padded("r" + i, 300)));
    }
    Path first = segments(folder).get(0);
    try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
      channel.truncate(size(first) - 10);
    }

    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(spool.stats().corruptRecords()).isEqualTo(1);
      assertThat(spool.stats().tornRecords()).isZero();
      assertThat(drain(spool)).extracting(s -> s.substring(0, 2))
          .containsExactly("r0", "r1", "r3", "r4", "r5");
    }
  }

  @Test
  void skips_a_record_damaged_on_disk_while_the_spool_is_open() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("r0"));
      spool.append(record("r1"));
      spool.append(record("r2"));
      flipByte(lastSegment(folder), frameOffset(1, 2) + FRAME_HEADER);

      assertThat(drain(spool)).containsExactly("r0", "r2");
      assertThat(spool.stats().corruptRecords()).isEqualTo(1);
    }
  }

  @Test
  void starts_a_new_segment_when_the_one_it_appends_to_turns_unreadable() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("r0"));
      spool.append(record("r1"));
      spool.append(record("r2"));
      flipByte(lastSegment(folder), frameOffset(1, 2) + 5);

      assertThat(drain(spool)).containsExactly("r0");
      assertThat(spool.stats().corruptRecords()).isEqualTo(1);
      assertThat(spool.stats().records()).isZero();
      spool.append(record("r3"));
      assertThat(drain(spool)).containsExactly("r3");
    }
    try (DiskSpool again = DiskSpool.open(small(folder))) {
      assertThat(again.stats().records()).isZero();
      assertThat(segments(folder)).isEmpty();
    }
  }

  private void appendAndClose(String... records) {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      for (String r : records) {
        spool.append(record(r));
      }
    }
  }

  private static byte[] padded(String text, int bytes) {
    return record(text + " ".repeat(bytes - text.length()));
  }
}
