package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

  @Test
  void absent_or_empty_means_the_default() {
    assertThat(QueryParams.within("limit", null, 1, 1000, 100)).isEqualTo(100);
    assertThat(QueryParams.within("limit", "", 1, 1000, 100)).isEqualTo(100);
  }

  @Test
  void accepts_the_bounds_of_the_range() {
    assertThat(QueryParams.within("limit", "1", 1, 1000, 100)).isEqualTo(1);
    assertThat(QueryParams.within("limit", "1000", 1, 1000, 100)).isEqualTo(1000);
  }

  @Test
  void a_very_long_bad_value_is_abbreviated_in_the_error() {
    String junk = "x".repeat(500);

    assertThatThrownBy(() -> QueryParams.within("since", junk, 0, 10, 0))
        .isInstanceOfSatisfying(BadQueryException.class, e -> {
          assertThat(e.body().parameter()).isEqualTo("since");
          assertThat(e.body().value()).hasSize(40).endsWith("...");
          assertThat(e.body().accepted()).isEqualTo("a whole number within 0..10");
        });
  }
}
