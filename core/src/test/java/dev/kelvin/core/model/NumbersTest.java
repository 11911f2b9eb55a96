package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void whole_numbers_show_no_decimal_point() {
    assertThat(Numbers.plain(2400, 1)).isEqualTo("2400");
    assertThat(Numbers.plain(-40, 3)).isEqualTo("-40");
  }

  @Test
  void fractions_keep_at_most_the_asked_decimals_without_trailing_zeros() {
    assertThat(Numbers.plain(91.234, 2)).isEqualTo("91.23");
    assertThat(Numbers.plain(91.2, 2)).isEqualTo("91.2");
    assertThat(Numbers.plain(0.05, 6)).isEqualTo("0.05");
    assertThat(Numbers.plain(2400.5, 3)).isEqualTo("2400.5");
  }

  @Test
  void a_fraction_that_rounds_to_whole_still_shows_one_decimal() {
    assertThat(Numbers.plain(84.96, 1)).isEqualTo("85.0");
  }

  @Test
  void nan_and_infinity_print_as_java_does() {
    assertThat(Numbers.plain(Double.NaN, 1)).isEqualTo("NaN");
    assertThat(Numbers.plain(Double.NEGATIVE_INFINITY, 1)).isEqualTo("-Infinity");
  }

  @Test
  void fixed_gives_what_the_formatter_gives_for_random_values_of_every_magnitude() {
    SplittableRandom random = new SplittableRandom(20_260_101);
    for (int i = 0; i < 200_000; i++) {
      double value = Math.pow(10, random.nextDouble(-6, 10)) * (random.nextInt(8) == 0 ? -1 : 1);
      int decimals = random.nextInt(0, 7);
      assertThat(Numbers.fixed(value, decimals)).as("%s with %d decimals", value, decimals)
          .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }
  }

  @Test
  void fixed_gives_what_the_formatter_gives_on_and_near_ties() {
    for (int decimals = 0; decimals <= 4; decimals++) {
      double unit = Math.pow(10, -decimals);
      for (int k = 0; k < 20_000; k++) {
        double tie = (k + 0.5) * unit;
        for (double value : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie),
            tie + unit * 1e-4, tie - unit * 1e-4, tie + unit * 2e-4, tie - unit * 2e-4,
            k * unit, Math.nextDown(k * unit)}) {
          assertThat(Numbers.fixed(value, decimals)).as("%s with %d decimals", value, decimals)
              .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
        }
      }
    }
  }

  @Test
  void fixed_keeps_the_sign_of_negative_zero_and_prints_nan_as_the_formatter_does() {
    for (double value : new double[] {-0.0, 0.0, -0.04, Double.NaN,
        Double.POSITIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE, 85.05, 0.15, 2.675}) {
      assertThat(Numbers.fixed(value, 1)).as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
  }
}
