package dev.kelvin.simulator.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GPU power-limit curves: interpolation, and the built-in tables refitted from Zeus. */
class GpuPowerLimitCurveTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"a40, A40, 47, 6", "v100, V100, 68, 0", "p100, P100, 45, 0",
      "rtx6000, RTX6000, 51, 1"})
  void each_built_in_curve_is_the_fit_to_its_zeus_trace(String file, String gpu,
      int workloads, int incomplete) {
    Path trace = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve("zeus-gpu-power-limit/summary_power_" + file + ".csv");
    assumeTrue(Files.isRegularFile(trace), "reference data not present: " + trace);

    ZeusPowerLimitFit fit = ZeusPowerLimitFit.fit(trace, gpu);
    GpuPowerLimitCurve builtIn = GpuPowerLimitCurve.of(gpu);

    assertThat(fit.workloads()).isEqualTo(workloads);
    assertThat(fit.incompleteWorkloads()).isEqualTo(incomplete);
    assertThat(builtIn.limitsWatts()).containsExactly(fit.curve().limitsWatts());
    for (double limit : builtIn.limitsWatts()) {
      assertThat(builtIn.throughputRatio(limit))
          .as("%s throughput at %s W", gpu, limit)
          .isCloseTo(fit.curve().throughputRatio(limit), within(0.0006));
      assertThat(builtIn.averageWatts(limit))
          .as("%s average power at %s W", gpu, limit)
          .isCloseTo(fit.curve().averageWatts(limit), within(0.06));
    }
  }

  @Test
  void interpolates_linearly_between_measured_limits() {
    GpuPowerLimitCurve a40 = GpuPowerLimitCurve.A40;

    assertThat(a40.throughputRatio(300)).isEqualTo(1.0);
    assertThat(a40.throughputRatio(100)).isEqualTo(0.358);
    // halfway between 100 W (0.358, 103.0 W) and 125 W (0.509, 117.5 W)
    assertThat(a40.throughputRatio(112.5)).isCloseTo(0.4335, within(1e-9));
    assertThat(a40.averageWatts(112.5)).isCloseTo(110.25, within(1e-9));
    // a fifth of the way from 200 W (0.958) to 225 W (0.985)
    assertThat(a40.throughputRatio(205)).isCloseTo(0.9634, within(1e-9));
  }

  @Test
  void lower_limits_never_speed_training_up() {
    for (GpuPowerLimitCurve curve : GpuPowerLimitCurve.ALL) {
      double[] limits = curve.limitsWatts();
      for (int i = 1; i < limits.length; i++) {
        assertThat(curve.throughputRatio(limits[i]))
            .as(curve.gpu()).isGreaterThanOrEqualTo(curve.throughputRatio(limits[i - 1]));
      }
    }
  }

  @Test
  void refuses_a_limit_outside_the_measured_range_and_clamps_on_request() {
    GpuPowerLimitCurve v100 = GpuPowerLimitCurve.V100;

    assertThatThrownBy(() -> v100.throughputRatio(250_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("V100's measured 100..250 W").hasMessageContaining("mW");
    assertThat(v100.clampLimitWatts(400)).isEqualTo(250);
    assertThat(v100.clampLimitWatts(50)).isEqualTo(100);
  }

  @Test
  void finds_a_built_in_curve_by_model_ignoring_case() {
    assertThat(GpuPowerLimitCurve.of("rtx6000")).isSameAs(GpuPowerLimitCurve.RTX6000);
    assertThatThrownBy(() -> GpuPowerLimitCurve.of("H100"))
        .hasMessageContaining("'H100'").hasMessageContaining("A40, V100, P100, RTX6000");
  }

  @Test
  void refuses_tables_that_do_not_line_up() {
    assertThatThrownBy(() -> new GpuPowerLimitCurve("X", new double[] {200, 100},
        new double[] {1, 1}, new double[] {100, 100})).hasMessageContaining("rise strictly");
    assertThatThrownBy(() -> new GpuPowerLimitCurve("X", new double[] {100, 200},
        new double[] {50, 100}, new double[] {100, 100})).hasMessageContaining("percentage");
    assertThatThrownBy(() -> new GpuPowerLimitCurve("X", new double[] {100, 200},
        new double[] {1}, new double[] {100, 100})).hasMessageContaining("same length");
  }

  @Test
  void the_fit_takes_medians_over_workloads_measured_at_every_limit() throws IOException {
    Path trace = Files.writeString(dir.resolve("summary_power_x.csv"), String.join("\n",
        "dataset,network,batch_size,optimizer,power_limit,time_per_epoch,average_power",
        "d,a,32,sgd,100,20,90", "d,a,32,sgd,200,10,150",
        "d,b,32,sgd,100,15,95", "d,b,32,sgd,200,10,170",
        "d,c,32,sgd,100,40,80", "d,c,32,sgd,200,10,160",
        "d,partial,64,sgd,200,1,199", ""));

    ZeusPowerLimitFit fit = ZeusPowerLimitFit.fit(trace, "X");

    assertThat(fit.workloads()).isEqualTo(3);
    assertThat(fit.incompleteWorkloads()).isEqualTo(1);
    // ratios 0.5, 0.667, 0.25 -> median 0.5; watts 90, 95, 80 -> 90; 150, 170, 160 -> 160
    assertThat(fit.curve().throughputRatio(100)).isCloseTo(0.5, within(1e-12));
    assertThat(fit.curve().averageWatts(100)).isEqualTo(90);
    assertThat(fit.curve().throughputRatio(200)).isEqualTo(1.0);
    assertThat(fit.curve().averageWatts(200)).isEqualTo(160);
  }

  @Test
  void the_fit_names_the_line_of_a_workload_measured_twice() throws IOException {
    Path trace = Files.writeString(dir.resolve("twice.csv"), String.join("\n",
        "dataset,network,batch_size,optimizer,power_limit,time_per_epoch,average_power",
        "d,a,32,sgd,100,20,90", "d,a,32,sgd,100,21,91", ""));

    assertThatThrownBy(() -> ZeusPowerLimitFit.fit(trace, "X"))
        .isInstanceOf(PowerDataException.class)
        .hasMessageContaining("twice.csv:3: column 5 'power_limit'")
        .hasMessageContaining("measured twice");
  }
}
