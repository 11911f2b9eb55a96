package dev.kelvin.predictor.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.predictor.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

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

  private static Map<String, Double> features(Example<Label> example) {
    Map<String, Double> values = new TreeMap<>();
    List<Feature> all = new ArrayList<>();
    example.forEach(all::add);
    all.forEach(f -> values.put(f.getName(), f.getValue()));
    return values;
  }
}
