package dev.kelvin.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

class ModelFileTest {
  private static final FeatureSet FEATURES = new FeatureSet("test", List.of("a", "b"));
  private static final ModelMeta META = new ModelMeta(ModelKind.FAILURE, FEATURES, "xgboost",
      "unit-test", "0".repeat(64), Instant.parse("2024-01-01T00:00:00Z"),
      Instant.parse("2024-02-01T00:00:00Z"), Map.of("horizon", "PT30M"));

  @TempDir
  Path dir;

  @Test
  void reads_back_the_model_its_meta_and_the_same_version() {
    ModelFile written = ModelFile.write(dir.resolve("m.model"), tinyClassifier(), META);

    ModelFile read = ModelFile.read(dir.resolve("m.model"));

    assertThat(read.meta()).isEqualTo(META);
    assertThat(read.version()).isEqualTo(written.version()).startsWith("failure-");
    assertThat(read.as(Label.class).predict(example(5, 5)).getOutput().getLabel())
        .isEqualTo("fail");
    assertThat(read.provenance()).containsEntry("setting.horizon", "PT30M")
        .containsEntry("features", FEATURES.id()).containsKey("trainer");
  }

  @Test
  void refuses_a_truncated_file_naming_its_path() throws IOException {
    Path file = dir.resolve("m.model");
    ModelFile.write(file, tinyClassifier(), META);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void refuses_a_zip_without_a_model() throws IOException {
    Path file = dir.resolve("other.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write(1);
    }

    assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("not a Kelvin model file");
  }

  @Test
  void refuses_another_feature_set_naming_the_differences() {
    ModelFile read = ModelFile.write(dir.resolve("m.model"), tinyClassifier(), META);

    assertThatThrownBy(() -> read.requireFeatures(new FeatureSet("test", List.of("a", "c"))))
        .hasMessageContaining("unknown here: [b]").hasMessageContaining("not in the model: [c]");
    assertThatThrownBy(() -> read.requireFeatures(new FeatureSet("test", List.of("b", "a"))))
        .hasMessageContaining("another order");
  }

  @Test
  void refuses_another_kind_and_another_output() {
    ModelFile read = ModelFile.write(dir.resolve("m.model"), tinyClassifier(), META);

    assertThatThrownBy(() -> read.requireKind(ModelKind.LOAD))
        .hasMessageContaining("is a failure model, expected a load model");
    assertThatThrownBy(() -> read.as(Regressor.class)).hasMessageContaining("Regressor");
  }

  private static Model<Label> tinyClassifier() {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("unit test", factory), factory);
    for (int i = 0; i < 40; i++) {
      boolean fail = i % 2 == 0;
      data.add(new ArrayExample<>(new Label(fail ? "fail" : "ok"), new String[] {"a", "b"},
          new double[] {fail ? 5 + i % 3 : -5 - i % 3, fail ? 4 : -4}));
    }
    return new XGBoostClassificationTrainer(5).train(data);
  }

  private static ArrayExample<Label> example(double a, double b) {
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"a", "b"},
        new double[] {a, b});
  }
}
