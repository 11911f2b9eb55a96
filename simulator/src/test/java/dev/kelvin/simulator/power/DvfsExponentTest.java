package dev.kelvin.simulator.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DVFS exponent fitted to measurements: the real HotPower'12 file and files made here. */
class DvfsExponentTest {
  /** How far the published constant may sit from the fit it rounds. */
  private static final double TOLERANCE = 0.01;

  @TempDir
  Path dir;

  @Test
  void the_published_exponent_is_the_fit_to_the_hotpower12_measurements() {
    Path file = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve("cpu-dvfs-power-variability/hotpower12_power_vs_frequency.csv");
    assumeTrue(Files.isRegularFile(file), "reference data not present: " + file);

    DvfsExponent.Fit fit = DvfsExponent.fitHotPower12(file);

    assertThat(DvfsExponent.HOTPOWER12).isCloseTo(fit.exponent(), within(TOLERANCE));
    // six processors x 23 workloads, every one measured at all four clocks
    assertThat(fit.groups()).isEqualTo(138);
    assertThat(fit.lowestGroup()).isBetween(0.4, fit.exponent());
    assertThat(fit.highestGroup()).isBetween(fit.exponent(), 1.1);
  }

  @Test
  void recovers_the_exponent_of_power_made_from_a_known_law() throws IOException {
    StringBuilder csv = new StringBuilder("processor,meanpower,benchmark,frequency,cpuid\n");
    for (long khz : new long[] {1000000, 1500000, 2000000}) {
      double ratio = khz / 2000000.0;
      for (String processor : new String[] {"p1", "p2"}) {
        csv.append(row(processor, 1.0, "cpuload_all_0_4096", khz))
            .append(row(processor, 1.0 + 4 * ratio * ratio, "gcc", khz))
            .append(row(processor, 1.0 + 2 * ratio * ratio, "mcf", khz));
      }
    }
    // a workload missing a clock is left out of the fit
    csv.append(row("p1", 99, "lbm", 2000000));
    Path file = Files.writeString(dir.resolve("made.csv"), csv);

    DvfsExponent.Fit fit = DvfsExponent.fitHotPower12(file);

    assertThat(fit.exponent()).isCloseTo(2.0, within(1e-9));
    assertThat(fit.groups()).isEqualTo(4);
  }

  @Test
  void says_when_no_workload_can_be_fitted() throws IOException {
    Path file = Files.writeString(dir.resolve("idle.csv"),
        "processor,meanpower,benchmark,frequency,cpuid\n" + row("p1", 1, "gcc", 1000000));

    assertThatThrownBy(() -> DvfsExponent.fitHotPower12(file))
        .isInstanceOf(PowerDataException.class).hasMessageContaining("idle power");
  }

  private static String row(String processor, double watts, String benchmark, long khz) {
    return String.format(Locale.ROOT, "%s,%.9f,%s,%d,0%n", processor, watts, benchmark, khz);
  }
}
