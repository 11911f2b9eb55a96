package dev.kelvin.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SiteLedgerTest {
  private final SiteLedger ledger = new SiteLedger(
      List.of(new ScenarioSite("a", 3, OptionalDouble.empty(), 300, 0.15, 20)),
      new CoolingSettings(4, 20, 0.1, 1.5, 0.08), 0);

  @Test
  void a_site_whose_nodes_all_went_to_zero_draws_exactly_zero_not_a_rounding_remainder() {
    ledger.addIt(0, 0.1, 0);
    ledger.addIt(0, 0.2, 0);
    ledger.addIt(0, -0.3, 1);

    assertThat(ledger.itWatts(0)).isZero();
    assertThat(ledger.facilityWatts(0)).isZero();
  }

  @Test
  void energy_is_power_times_time_between_changes() {
    ledger.addIt(0, 1000, 0);
    ledger.advanceTo(1800);
    ledger.addIt(0, -500, 1800);
    ledger.freeze(3600);

    assertThat(ledger.itKwh(0)).isCloseTo(0.5 + 0.25, within(1e-12));
    assertThat(ledger.coolingKwh(0)).isCloseTo(0.75 / 4, within(1e-12));
  }
}
