package dev.kelvin.predictor.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

class FailureEncodingTest {
  private final FailureEncoding encoding = new FailureEncoding(
      new FeatureSet("test", List.of("a", "b", "c")));

  @Test
  void an_unknown_value_is_left_out_and_marked_missing_and_a_zero_stays_a_zero() {
    Example<Label> example = encoding.labelled(new double[] {0, Double.NaN, 2.5}, true, 3f);

    assertThat(features(example)).isEqualTo(Map.of("a", 0.0, "b_missing", 1.0, "c", 2.5));
    assertThat(example.getOutput().getLabel()).isEqualTo("fail");
    assertThat(example.getWeight()).isEqualTo(3f);
  }

  @Test
  void refuses_a_row_of_another_width_or_an_infinite_value() {
    assertThatThrownBy(() -> encoding.unlabelled(new double[] {1, 2}))
        .hasMessageContaining("2 feature values, the model reads 3 (a, b, c)");
    assertThatThrownBy(() -> encoding.unlabelled(new double[] {1, Double.POSITIVE_INFINITY, 2}))
        .hasMessageContaining("feature b is Infinity");
  }

  @Test
  void builds_the_example_tribuo_sorts_from_the_same_names_and_values() {
    FailureEncoding wide = new FailureEncoding(NodeTelemetryFeatures.FEATURES);
    String[] names = NodeTelemetryFeatures.NAMES.toArray(String[]::new);
    SplittableRandom random = new SplittableRandom(13);
    for (int row = 0; row < 2_000; row++) {
      double[] values = new double[names.length];
      List<String> present = new ArrayList<>();
      List<Double> shown = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        boolean missing = random.nextInt(4) == 0;
        values[i] = missing ? Double.NaN : random.nextDouble(-100, 100);
        present.add(missing ? names[i] + "_missing" : names[i]);
        shown.add(missing ? 1.0 : values[i]);
      }
      Example<Label> sortedByTribuo = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
          present.toArray(String[]::new), shown.stream().mapToDouble(d -> d).toArray());

      Example<Label> built = wide.unlabelled(values);

      assertThat(list(built)).isEqualTo(list(sortedByTribuo));
      assertThat(built.getWeight()).isEqualTo(sortedByTribuo.getWeight());
    }
  }

  private static List<String> list(Example<Label> example) {
    List<String> features = new ArrayList<>();
    example.forEach(f -> features.add(f.getName() + "=" + Double.doubleToLongBits(f.getValue())));
    return features;
  }

  private static Map<String, Double> features(Example<Label> example) {
    Map<String, Double> values = new TreeMap<>();
    List<Feature> all = new ArrayList<>();
    example.forEach(all::add);
    all.forEach(f -> values.put(f.getName(), f.getValue()));
    return values;
  }
}
