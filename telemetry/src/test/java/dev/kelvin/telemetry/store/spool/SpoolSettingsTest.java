package dev.kelvin.telemetry.store.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpoolSettingsTest {
  private static final Path FOLDER = Path.of("spool");

  @Test
  void defaults_to_one_gibibyte_in_sixteen_mebibyte_segments_forced_to_disk() {
    SpoolSettings settings = SpoolSettings.defaults(FOLDER);

    assertThat(settings.limitBytes()).isEqualTo(1_073_741_824L);
    assertThat(settings.segmentBytes()).isEqualTo(16_777_216L);
    assertThat(settings.fsync()).isTrue();
    assertThat(settings.folder()).isEqualTo(FOLDER);
  }

  @Test
  void refuses_segments_smaller_than_a_kibibyte_naming_the_unit() {
    assertThatThrownBy(() -> new SpoolSettings(FOLDER, 1 << 30, 16, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes").hasMessageContaining("1024 bytes")
        .hasMessageContaining("was 16").hasMessageContaining("MiB");
  }

  @Test
  void refuses_a_limit_below_one_segment_naming_the_unit() {
    assertThatThrownBy(() -> SpoolSettings.defaults(FOLDER).withLimitBytes(1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limitBytes").hasMessageContaining("16777216 bytes")
        .hasMessageContaining("was 1024");
  }

  @Test
  void refuses_a_missing_folder() {
    assertThatThrownBy(() -> new SpoolSettings(null, 1 << 30, 1 << 20, true))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("folder");
  }

  @Test
  void changes_one_setting_at_a_time() {
    SpoolSettings settings = SpoolSettings.defaults(FOLDER).withSegmentBytes(4096)
        .withLimitBytes(8192).withFsync(false);

    assertThat(settings).isEqualTo(new SpoolSettings(FOLDER, 8192, 4096, false));
  }
}
