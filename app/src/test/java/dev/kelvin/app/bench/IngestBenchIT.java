package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kelvin bench ingest} publishes through the real Mosquitto into Kelvin and the real
 * InfluxDB that the services script runs, counts what was stored by a query, and writes the
 * figures under the keys the issue names. The targets are the bench's to show, not this test's
 * to assert; losing nothing is.
 */
class IngestBenchIT {
  @TempDir
  Path scratch;

  @Test
  @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_short_run_stores_every_reading_and_writes_its_figures() throws Exception {
    Path file = scratch.resolve("ingest.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine kelvin = Main.commandLine();
    kelvin.setOut(new PrintWriter(out, true));
    kelvin.setErr(new PrintWriter(err, true));

    int exitCode = kelvin.execute("bench", "ingest", "--seconds", "2", "--warmup", "1", "--nodes", "1000",
        "--services", Path.of("..", "scripts", "services.sh").toString(), "--json",
        file.toString());

    assertThat(exitCode).as("exit code; stdout %s; stderr %s", out, err).isZero();
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("lost").asLong()).isZero();
    assertThat(json.get("stored").asLong()).isEqualTo(json.get("published").asLong())
        .isPositive();
    assertThat(json.get("stored_readings_per_s").asDouble()).isPositive();
    assertThat(json.get("bare_readings_per_s").asDouble()).isPositive();
    assertThat(json.get("ratio").asDouble()).isEqualTo(json.get("stored_readings_per_s")
        .asDouble() / json.get("bare_readings_per_s").asDouble(), within(1e-9));
    assertThat(json.get("machine").asText()).contains("CPUs");
    assertThat(json.get("warmup_seconds").asInt()).isEqualTo(1);
    assertThat(out.toString()).contains("bare subscriber").contains("Kelvin ingest into InfluxDB")
        .contains("warm-up: 1 s");
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
