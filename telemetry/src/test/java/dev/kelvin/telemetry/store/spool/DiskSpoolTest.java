package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.FRAME_HEADER;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.SEGMENT_HEADER;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.drain;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.record;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.segments;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.small;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
  @TempDir
  Path folder;

  @Test
  void hands_records_back_in_append_order() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      for (String s : List.of("a", "bb", "", "dddd")) {
        spool.append(record(s));
      }

      assertThat(spool.stats().records()).isEqualTo(4);
      assertThat(drain(spool)).containsExactly("a", "bb", "", "dddd");
      assertThat(spool.stats().records()).isZero();
      assertThat(spool.peek()).isEmpty();
    }
  }

  @Test
  void peek_hands_out_the_same_record_until_it_is_released() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("first"));
      spool.append(record("second"));

      SpooledRecord once = spool.peek().orElseThrow();
      SpooledRecord again = spool.peek().orElseThrow();
      spool.release(again);

      assertThat(once.position()).isEqualTo(again.position());
      assertThat(text(once)).isEqualTo("first");
      assertThat(text(spool.peek().orElseThrow())).isEqualTo("second");
    }
  }

  @Test
  void counts_the_bytes_of_held_frames_and_segment_headers() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(new byte[100]);
      spool.append(new byte[50]);

      assertThat(spool.stats().bytes()).isEqualTo(SEGMENT_HEADER + 2L * FRAME_HEADER + 150);
      spool.release(spool.peek().orElseThrow());
      assertThat(spool.stats().bytes()).isEqualTo(SEGMENT_HEADER + FRAME_HEADER + 50);
    }
  }

  @Test
  void keeps_unreleased_records_and_the_cursor_across_a_restart() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 5).forEach(i -> spool.append(record("r" + i)));
      spool.release(spool.peek().orElseThrow());
      spool.release(spool.peek().orElseThrow());
    }

    try (DiskSpool reopened = DiskSpool.open(small(folder))) {
      assertThat(reopened.stats().records()).isEqualTo(3);
      reopened.append(record("r5"));
      assertThat(drain(reopened)).containsExactly("r2", "r3", "r4", "r5");
    }
    try (DiskSpool again = DiskSpool.open(small(folder))) {
      assertThat(again.peek()).isEmpty();
      assertThat(again.stats().records()).isZero();
    }
  }

  @Test
  void positions_increase_across_segments_and_restarts() {
    List<Long> positions = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      try (DiskSpool spool = DiskSpool.open(small(folder))) {
        IntStream.range(0, 20).forEach(i -> spool.append(new byte[200]));
        for (int i = 0; i < 15; i++) {
          SpooledRecord r = spool.peek().orElseThrow();
          positions.add(r.position());
          spool.release(r);
        }
      }
    }

    assertThat(positions).hasSize(45).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void numbers_records_past_the_cursor_when_no_segment_is_left() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 3).forEach(i -> spool.append(record("r" + i)));
      assertThat(drain(spool)).hasSize(3);
    }
    DiskSpool.open(small(folder)).close();
    assertThat(segments(folder)).isEmpty();

    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("after"));
      assertThat(spool.peek().orElseThrow().position()).isGreaterThan(2);
    }
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThat(drain(spool)).containsExactly("after");
    }
  }

  @Test
  void hands_records_out_again_when_the_cursor_is_lost_but_loses_none() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 4).forEach(i -> spool.append(record("r" + i)));
      spool.release(spool.peek().orElseThrow());
    }
    Files.delete(folder.resolve("cursor"));

    try (DiskSpool reopened = DiskSpool.open(small(folder))) {
      assertThat(drain(reopened)).containsExactly("r0", "r1", "r2", "r3");
    }
  }

  @Test
  void takes_a_damaged_cursor_file_for_a_lost_one() throws Exception {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 3).forEach(i -> spool.append(record("r" + i)));
      spool.release(spool.peek().orElseThrow());
    }
    SpoolTestFiles.flipByte(folder.resolve("cursor"), 7);

    try (LogCapture log = new LogCapture(); DiskSpool reopened = DiskSpool.open(small(folder))) {
      assertThat(drain(reopened)).containsExactly("r0", "r1", "r2");
      assertThat(log.at(ch.qos.logback.classic.Level.WARN))
          .anySatisfy(m -> assertThat(m).contains("cursor", "unreadable"));
    }
  }

  @Test
  void starts_a_new_segment_when_the_current_one_would_pass_segment_bytes() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 10).forEach(i -> spool.append(new byte[300]));

      // 16 + 3 * (24 + 300) = 988 bytes fit in 1024; a fourth record starts a segment
      assertThat(segments(folder)).hasSize(4);
      assertThat(segments(folder).get(0).getFileName().toString())
          .isEqualTo("00000000000000000000.seg");
      assertThat(segments(folder).get(1).getFileName().toString())
          .isEqualTo("00000000000000000003.seg");
    }
  }

  @Test
  void deletes_a_segment_once_all_its_records_are_released() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      IntStream.range(0, 7).forEach(i -> spool.append(new byte[300]));
      Path first = segments(folder).get(0);

      spool.release(spool.peek().orElseThrow());
      spool.release(spool.peek().orElseThrow());
      assertThat(first).exists();
      spool.release(spool.peek().orElseThrow());
      spool.peek();

      assertThat(first).doesNotExist();
      assertThat(segments(folder)).hasSize(2);
      assertThat(spool.stats().bytes()).isEqualTo(2L * SEGMENT_HEADER + 4L * (FRAME_HEADER + 300));
    }
  }

  @Test
  void gives_a_record_larger_than_a_segment_a_segment_of_its_own() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(new byte[10]);
      spool.append(new byte[5000]);
      spool.append(new byte[10]);

      assertThat(segments(folder)).hasSize(3);
      assertThat(drain(spool)).extracting(String::length).containsExactly(10, 5000, 10);
    }
  }

  @Test
  void refuses_a_release_of_a_record_it_did_not_hand_out() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("a"));
      spool.append(record("b"));
      SpooledRecord a = spool.peek().orElseThrow();

      assertThatThrownBy(() -> spool.release(new SpooledRecord(a.position() + 1, new byte[0])))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("release takes the record peek returned");
    }
  }

  @Test
  void ignores_a_second_release_of_the_same_record() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      spool.append(record("a"));
      spool.append(record("b"));
      SpooledRecord a = spool.peek().orElseThrow();
      spool.release(a);
      spool.release(a);

      assertThat(text(spool.peek().orElseThrow())).isEqualTo("b");
      assertThat(spool.stats().records()).isEqualTo(1);
    }
  }

  @Test
  void refuses_a_second_spool_on_the_same_folder() {
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      assertThatThrownBy(() -> DiskSpool.open(small(folder)))
          .isInstanceOf(SpoolException.class)
          .hasMessageContaining(folder.toString()).hasMessageContaining("in use");
    }
    try (DiskSpool afterClose = DiskSpool.open(small(folder))) {
      assertThat(afterClose.peek()).isEmpty();
    }
  }

  @Test
  void refuses_use_once_closed() {
    DiskSpool spool = DiskSpool.open(small(folder));
    spool.close();
    spool.close();

    assertThatThrownBy(() -> spool.append(record("a"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(spool::peek).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void an_appender_and_a_replayer_at_once_hand_over_every_record_in_order() throws Exception {
    int count = 2_000;
    List<String> got = new ArrayList<>();
    try (DiskSpool spool = DiskSpool.open(small(folder))) {
      Thread appender = new Thread(() -> IntStream.range(0, count)
          .forEach(i -> spool.append(record("r" + i + "-".repeat(i % 97)))));
      appender.start();
      while (got.size() < count) {
        Optional<SpooledRecord> r = spool.peek();
        if (r.isPresent()) {
          got.add(text(r.get()));
          spool.release(r.get());
        } else {
          Thread.onSpinWait();
        }
      }
      appender.join();

      assertThat(spool.stats().records()).isZero();
      assertThat(spool.stats().bytes()).isLessThanOrEqualTo(SEGMENT_HEADER);
    }
    assertThat(got).containsExactlyElementsOf(
        IntStream.range(0, count).mapToObj(i -> "r" + i + "-".repeat(i % 97)).toList());
  }
}
