package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.FRAME_HEADER;
import static dev.kelvin.telemetry.store.spool.SpoolTestFiles.SEGMENT_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLimitTest {
  @TempDir
  Path folder;

  /** A 1 KiB limit: one segment header and three frames of 300 bytes take 988 bytes. */
  private SpoolSettings kibibyte() {
    return new SpoolSettings(folder, 1024, 1024, false);
  }

  @Test
  void refuses_an_append_past_the_limit_and_accepts_again_after_a_release() {
    try (LogCapture log = new LogCapture();
        DiskSpool spool = DiskSpool.open(kibibyte())) {
      for (int i = 0; i < 3; i++) {
        spool.append(new byte[300]);
      }
      assertThat(spool.stats().bytes()).isEqualTo(SEGMENT_HEADER + 3 * (FRAME_HEADER + 300));

      assertThatThrownBy(() -> spool.append(new byte[300])).isInstanceOf(SpoolFullException.class)
          .hasMessageContaining(folder.toString()).hasMessageContaining("limitBytes");
      assertThatThrownBy(() -> spool.append(new byte[300])).isInstanceOf(SpoolFullException.class);
      assertThat(spool.stats().refusedRecords()).isEqualTo(2);
      assertThat(spool.stats().fullAlarm()).isTrue();
      assertThat(spool.stats().full()).isTrue();
      assertThat(spool.stats().records()).isEqualTo(3);

      spool.release(spool.peek().orElseThrow());
      spool.append(new byte[300]);

      assertThat(spool.stats().records()).isEqualTo(3);
      assertThat(spool.stats().fullAlarm()).isFalse();
      assertThat(spool.stats().full()).isFalse();
      assertThat(log.at(Level.ERROR)).hasSize(1).first().asString().contains("is full");
      assertThat(log.at(Level.INFO)).anySatisfy(m -> assertThat(m).contains("room again"));
    }
  }

  @Test
  void keeps_its_full_alarm_raised_while_small_records_fit_and_large_ones_do_not() {
    try (LogCapture log = new LogCapture(); DiskSpool spool = DiskSpool.open(kibibyte())) {
      for (int i = 0; i < 3; i++) {
        spool.append(new byte[300]);
      }
      assertThatThrownBy(() -> spool.append(new byte[300])).isInstanceOf(SpoolFullException.class);
      spool.append(new byte[10]);
      assertThatThrownBy(() -> spool.append(new byte[300])).isInstanceOf(SpoolFullException.class);

      assertThat(spool.stats().fullAlarm()).isTrue();
      assertThat(spool.stats().refusedRecords()).isEqualTo(2);
      assertThat(log.at(Level.ERROR)).hasSize(1);

      spool.release(spool.peek().orElseThrow());
      assertThat(spool.stats().fullAlarm()).isFalse();
    }
  }

  @Test
  void still_hands_out_what_it_held_while_full() {
    try (DiskSpool spool = DiskSpool.open(kibibyte())) {
      for (int i = 0; i < 3; i++) {
        spool.append(new byte[] {(byte) i});
      }
      assertThatThrownBy(() -> spool.append(new byte[950])).isInstanceOf(SpoolFullException.class);

      assertThat(SpoolTestFiles.drain(spool)).hasSize(3);
    }
  }

  @Test
  void refuses_a_record_larger_than_the_whole_limit_and_keeps_working() {
    try (DiskSpool spool = DiskSpool.open(kibibyte())) {
      assertThatThrownBy(() -> spool.append(new byte[5000]))
          .isInstanceOf(SpoolFullException.class).hasMessageContaining("5000 bytes")
          .hasMessageContaining("can never fit");

      spool.append(new byte[10]);
      assertThat(spool.stats().records()).isEqualTo(1);
      assertThat(spool.stats().refusedRecords()).isEqualTo(1);
      assertThat(spool.stats().fullAlarm()).isFalse();
    }
  }

  @Test
  void counts_held_records_against_the_limit_after_a_restart() {
    SpoolSettings settings = kibibyte();
    try (DiskSpool spool = DiskSpool.open(settings)) {
      for (int i = 0; i < 3; i++) {
        spool.append(new byte[300]);
      }
    }
    try (DiskSpool reopened = DiskSpool.open(settings)) {
      assertThat(reopened.stats().bytes()).isEqualTo(SEGMENT_HEADER + 3 * (FRAME_HEADER + 300));
      assertThatThrownBy(() -> reopened.append(new byte[300]))
          .isInstanceOf(SpoolFullException.class);
    }
  }
}
