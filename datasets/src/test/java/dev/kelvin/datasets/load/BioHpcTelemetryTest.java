package dev.kelvin.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BioHpcTelemetryTest {
  private static final String HEADER = "name,timestamp,powerave,powermin,powermax,tempave,"
      + "tempmin,tempmax,utilave,utilmin,utilmax,gmemave,gmemmin,gmemmax\n";

  private static String row(String server, String time, double power, double util) {
    return server + "," + time + "," + power + ",0,0,30,30,30," + util + ",0,0,0,0,0\n";
  }

  private static LoadFile read(String text) throws IOException {
    return BioHpcTelemetry.read(new BufferedReader(new StringReader(text)), "biohpc.csv",
        Path.of("biohpc.csv"));
  }

  @Test
  void reads_two_hourly_series_per_server_from_the_real_file() {
    LoadFile file = BioHpcTelemetry.read(
        ReferenceData.file("biohpc-gpu-server-telemetry/biohpc_gpu_servers_hourly.csv.gz"));

    assertThat(file.badRows().rows()).isEqualTo(94_636);
    assertThat(file.badRows().bad()).isZero();
    Map<String, Integer> known = file.series().stream()
        .collect(Collectors.toMap(LoadSeries::trace, LoadSeries::known));
    assertThat(known).hasSize(12).containsEntry("biohpc/cbsugpu05/power", 23_371)
        .containsEntry("biohpc/cbsugpu05/util", 23_371)
        .containsEntry("biohpc/cbsugpu10/power", 8_694);
    LoadSeries power = file.series().get(0);
    assertThat(power.start()).isEqualTo(Instant.parse("2022-08-01T15:00:00Z"));
    assertThat(power.value(0)).isEqualTo(29.5085833333333);
    assertThat(power.value(1)).as("no row for the next hour").isNaN();
  }

  @Test
  void an_hour_without_a_row_is_missing_not_zero() throws IOException {
    LoadFile file = read(HEADER + row("s1", "2024-01-01 00:00:00.000", 100, 10)
        + row("s1", "2024-01-01 03:00:00.000", 200, 20));

    LoadSeries power = file.series().get(0);
    assertThat(power.trace()).isEqualTo("biohpc/s1/power");
    assertThat(power.step()).isEqualTo(Duration.ofHours(1));
    assertThat(power.toArray()).containsExactly(100, Double.NaN, Double.NaN, 200);
    assertThat(file.series().get(1).toArray()).containsExactly(10, Double.NaN, Double.NaN, 20);
  }

  @Test
  void rows_off_the_hour_or_out_of_range_are_counted_by_reason() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int h = 0; h < 200; h++) {
      text.append(row("s1", String.format("2024-01-%02d %02d:00:00.000", 1 + h / 24, h % 24),
          100, 10));
    }
    text.append(row("s1", "2024-02-01 00:30:00.000", 100, 10));
    text.append(row("s1", "2024-02-01 01:00:00.000", 100, 250));

    LoadFile file = read(text.toString());

    assertThat(file.badRows().byReason()).containsEntry("timestamp not on the hour", 1)
        .containsEntry("utilave not a number of 0..100 %", 1);
    assertThat(file.series().get(0).known()).isEqualTo(200);
  }
}
