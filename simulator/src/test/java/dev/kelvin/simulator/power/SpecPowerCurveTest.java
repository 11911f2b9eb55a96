package dev.kelvin.simulator.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Interpolation and DVFS on a curve made here, with values computed by hand. */
class SpecPowerCurveTest {
  private static final double[] WATTS = {50, 80, 100, 120, 140, 160, 180, 200, 220, 240, 300};

  private static SpecPowerCurve curve(double exponent) {
    SpecPowerSystem system = new SpecPowerSystem("Test Server", "Vendor", "Xeon", 1, 16, 2,
        2400, "http://www.spec.org/power_ssj2008/results/res2016q2/power_ssj2008-1-2.html");
    return new SpecPowerCurve(system, WATTS, exponent);
  }

  @Test
  void gives_the_published_points_at_whole_tenths_of_load() {
    SpecPowerCurve curve = curve(2);

    assertThat(curve.powerWatts(0)).isEqualTo(50);
    assertThat(curve.powerWatts(0.3)).isCloseTo(120, within(1e-9));
    assertThat(curve.powerWatts(1)).isEqualTo(300);
  }

  @Test
  void interpolates_linearly_between_points() {
    SpecPowerCurve curve = curve(2);

    assertThat(curve.powerWatts(0.05)).isCloseTo(65, within(1e-9));
    assertThat(curve.powerWatts(0.25)).isCloseTo(110, within(1e-9));
    assertThat(curve.powerWatts(0.95)).isCloseTo(270, within(1e-9));
  }

  @Test
  void scales_only_the_power_above_idle_with_the_clock() {
    SpecPowerCurve curve = curve(2);

    // 50 + (300 - 50) * 0.5^2
    assertThat(curve.powerWatts(1, 0.5)).isCloseTo(112.5, within(1e-9));
    // 50 + (110 - 50) * 0.8^2
    assertThat(curve.powerWatts(0.25, 0.8)).isCloseTo(88.4, within(1e-9));
    assertThat(curve.powerWatts(0, 0.5)).isEqualTo(50);
  }

  @Test
  void uses_the_exponent_it_is_given() {
    // 50 + (300 - 50) * 0.5^0.71
    assertThat(curve(0.71).powerWatts(1, 0.5))
        .isCloseTo(50 + 250 * Math.pow(0.5, 0.71), within(1e-9));
    assertThat(curve(0).powerWatts(1, 0.5)).isEqualTo(300);
    assertThat(curve(0).withDvfsExponent(1).powerWatts(1, 0.5)).isCloseTo(175, within(1e-9));
  }

  @Test
  void reports_idle_and_the_highest_point() {
    assertThat(curve(2).idleWatts()).isEqualTo(50);
    assertThat(curve(2).maxWatts()).isEqualTo(300);
  }

  @Test
  void keeps_its_own_copy_of_the_points() {
    double[] points = WATTS.clone();
    SpecPowerCurve curve = new SpecPowerCurve(curve(2).system(), points, 2);
    points[10] = 1;
    curve.wattsByLoad()[10] = 2;

    assertThat(curve.powerWatts(1)).isEqualTo(300);
  }

  @Test
  void refuses_a_utilisation_or_clock_outside_its_range() {
    assertThatThrownBy(() -> curve(2).powerWatts(50, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("utilRatio")
        .hasMessageContaining("percentage");
    assertThatThrownBy(() -> curve(2).powerWatts(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("freqRatio");
    assertThatThrownBy(() -> curve(2).powerWatts(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refuses_a_curve_without_eleven_positive_points_or_with_a_wild_exponent() {
    SpecPowerSystem system = curve(2).system();
    assertThatThrownBy(() -> new SpecPowerCurve(system, new double[10], 2))
        .hasMessageContaining("11 points");
    double[] zero = WATTS.clone();
    zero[4] = 0;
    assertThatThrownBy(() -> new SpecPowerCurve(system, zero, 2))
        .hasMessageContaining("> 0 W").hasMessageContaining("Test Server");
    assertThatThrownBy(() -> curve(5)).hasMessageContaining("dvfsExponent");
  }

  @Test
  void allocates_nothing_when_evaluated() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SpecPowerCurve curve = curve(2);
    double sum = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 200_000; i++) {
      sum += curve.powerWatts((i % 101) / 100.0, (i % 2 == 0) ? 1.0 : 0.7);
    }
    long allocatedBytes = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(sum).isPositive();
    assertThat(allocatedBytes).isLessThan(64 * 1024);
  }
}
