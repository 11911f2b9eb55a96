package dev.kelvin.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeadTimesTest {
  @Test
  void the_lead_is_the_earliest_flagged_example_of_each_event() {
    LeadTimes leads = new LeadTimes.Builder()
        .add("a", 3 * 86_400, false).add("a", 2 * 86_400, true).add("a", 86_400, true)
        .add("b", 5 * 86_400, true).add("b", 100, false)
        .add("c", 86_400, false)
        .build();

    assertThat(leads.events()).isEqualTo(3);
    assertThat(leads.caught()).isEqualTo(2);
    assertThat(leads.leadSeconds()).containsExactly(2 * 86_400, 5 * 86_400);
    assertThat(leads.recall()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void quantiles_interpolate_between_order_statistics() {
    LeadTimes leads = new LeadTimes(4, new double[] {40, 10, 30, 20});

    assertThat(leads.medianSeconds()).isEqualTo(25);
    assertThat(leads.quantileSeconds(0.1)).isCloseTo(13, within(1e-9));
    assertThat(leads.quantileSeconds(0.9)).isCloseTo(37, within(1e-9));
    assertThat(new LeadTimes(1, new double[0]).medianSeconds()).isNaN();
  }

  @Test
  void refuses_an_example_anchored_after_its_event() {
    assertThatThrownBy(() -> new LeadTimes.Builder().add("a", -1, true))
        .hasMessageContaining("secondsBefore must be >= 0 s");
  }
}
