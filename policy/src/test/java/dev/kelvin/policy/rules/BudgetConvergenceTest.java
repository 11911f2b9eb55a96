package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.Nodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budget rules in a closed loop: ten cool, busy nodes whose power follows their cap at
 * once (100 W + 200 W × (cap / 3000 MHz)², 300 W uncapped), a tick every 10 s, each proposed
 * cap applied at its tick. The site must come under its budget and then stay put: no cap
 * moves once it has settled, and the thermal release (the CPUs are cool) undoes none of them.
 */
class BudgetConvergenceTest {
  private static final int NODES = 10;
  private static final double BUDGET_W = 2_700;
  private static final int TICK_S = 10;

  private final double[] capMhz = new double[NODES];
  private final double[] previousCapMhz = new double[NODES];
  private final int[] changedAtS = new int[NODES];

  @Test
  void steps_a_site_under_its_budget_and_then_holds_every_cap_still() {
    java.util.Arrays.fill(capMhz, 3_000);
    java.util.Arrays.fill(previousCapMhz, 3_000);
    java.util.Arrays.fill(changedAtS, -1_000);
    List<Integer> actionsPerTick = new ArrayList<>();
    for (int t = 0; t <= 600; t += TICK_S) {
      List<Action> actions = scene(t).decide();
      actionsPerTick.add(actions.size());
      for (Action action : actions) {
        SetCpuFrequencyCap cap = (SetCpuFrequencyCap) action;
        assertThat(cap.rule()).startsWith("budget-");
        int i = Integer.parseInt(cap.node().name().substring(1)) - 1;
        previousCapMhz[i] = capMhz[i];
        capMhz[i] = cap.capMhz();
        changedAtS[i] = t;
      }
    }

    assertThat(sitePowerWatts()).isLessThanOrEqualTo(BUDGET_W)
        .isGreaterThan(BUDGET_W * 0.9);
    assertThat(actionsPerTick.subList(actionsPerTick.size() / 2, actionsPerTick.size()))
        .as("no cap moves in the second half of the run").containsOnly(0);
  }

  private PowerScene scene(int nowS) {
    PowerScene scene = new PowerScene().siteBudget(BUDGET_W);
    for (int i = 0; i < NODES; i++) {
      String name = String.format("n%02d", i + 1);
      Readings now = reading(name, capMhz[i]);
      int ago = nowS - changedAtS[i];
      scene.node(ago >= 62 ? Nodes.fresh(now)
          : Nodes.changed(reading(name, previousCapMhz[i]), Duration.ofSeconds(ago), now));
      scene.job("j" + i, name, i % 3);
    }
    return scene;
  }

  private static Readings reading(String name, double capMhz) {
    return Readings.reading().node(name).with(NodeMetric.CPU_UTIL_RATIO, 1)
        .with(NodeMetric.CPU_FREQ_CAP_MHZ, capMhz).with(NodeMetric.POWER_WATTS, watts(capMhz));
  }

  private static double watts(double capMhz) {
    return 100 + 200 * Math.pow(capMhz / 3_000, 2);
  }

  private double sitePowerWatts() {
    double total = 0;
    for (double cap : capMhz) {
      total += watts(cap);
    }
    return total;
  }
}
