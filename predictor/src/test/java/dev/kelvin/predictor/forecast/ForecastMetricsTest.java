package dev.kelvin.predictor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

class ForecastMetricsTest {

  @Test
  void computes_rmse_mae_and_r2_of_a_hand_worked_case() {
    ForecastMetrics metrics = ForecastMetrics.of(new double[] {100, 200, 300, 400},
        new double[] {110, 200, 300, 380});

    assertThat(metrics.examples()).isEqualTo(4);
    assertThat(metrics.rmseWatts()).isCloseTo(Math.sqrt(500 / 4.0), within(1e-9));
    assertThat(metrics.maeWatts()).isCloseTo(7.5, within(1e-9));
    assertThat(metrics.r2()).isCloseTo(1 - 500 / 50_000.0, within(1e-12));
  }

  @Test
  void gives_a_perfect_forecast_zero_error_and_r2_of_one() {
    ForecastMetrics metrics = ForecastMetrics.of(new double[] {1, 2, 3}, new double[] {1, 2, 3});

    assertThat(metrics.rmseWatts()).isZero();
    assertThat(metrics.maeWatts()).isZero();
    assertThat(metrics.r2()).isEqualTo(1);
  }

  @Test
  void agrees_with_tribuos_regression_evaluator() {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
    for (int i = 0; i < 40; i++) {
      data.add(new ArrayExample<>(new Regressor("power_w", 100 + 3 * i + (i % 7) * 11),
          new String[] {"x"}, new double[] {i}));
    }
    Model<Regressor> model = new CARTRegressionTrainer(2).train(data);
    List<Prediction<Regressor>> predictions = model.predict(data);
    double[] actual = new double[predictions.size()];
    double[] forecast = new double[predictions.size()];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = data.getExample(i).getOutput().getValues()[0];
      forecast[i] = predictions.get(i).getOutput().getValues()[0];
    }

    ForecastMetrics ours = ForecastMetrics.of(actual, forecast);
    RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, data);

    assertThat(ours.rmseWatts()).isCloseTo(tribuo.averageRMSE(), within(1e-9));
    assertThat(ours.maeWatts()).isCloseTo(tribuo.averageMAE(), within(1e-9));
    assertThat(ours.r2()).isCloseTo(tribuo.averageR2(), within(1e-9));
  }

  @Test
  void refuses_forecasts_and_actual_values_of_different_lengths() {
    assertThatThrownBy(() -> ForecastMetrics.of(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 forecasts for 2 actual values");
  }
}
