package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
