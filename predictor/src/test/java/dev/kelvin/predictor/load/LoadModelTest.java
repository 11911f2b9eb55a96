package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadModelTest {
  private static final LoadHorizons FIVE = LoadHorizons.forStep(Duration.ofMinutes(5));

  @TempDir
  Path folder;

  @Test
  void a_model_of_another_feature_set_is_refused_naming_the_file_and_the_features() {
    ModelFile good = LoadFixtures.persistenceFile(folder.resolve("good.kelvin"), FIVE);
    List<String> names = new ArrayList<>(LoadFeatures.names(FIVE));
    names.set(names.indexOf("lag_12"), "lag_24");
    Path other = folder.resolve("other.kelvin");
    ModelFile.write(other, good.model(), LoadFixtures.meta(FIVE,
        new FeatureSet("load-series", names)));

    assertThatThrownBy(() -> LoadModel.of(ModelFile.read(other)))
        .isInstanceOf(ModelFileException.class).hasMessageContaining(other.toString())
        .hasMessageContaining("lag_24").hasMessageContaining("lag_12");
  }

  @Test
  void a_model_of_another_kind_is_refused() {
    ModelFile good = LoadFixtures.persistenceFile(folder.resolve("good.kelvin"), FIVE);
    ModelMeta meta = good.meta();
    Path failure = folder.resolve("failure.kelvin");
    ModelFile.write(failure, good.model(), new ModelMeta(ModelKind.FAILURE, meta.features(),
        meta.algorithm(), meta.data(), meta.dataSha256(), meta.trainedFrom(),
        meta.trainedUntil(), meta.settings()));

    assertThatThrownBy(() -> LoadModel.of(ModelFile.read(failure)))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("expected a load model");
  }

  @Test
  void a_model_without_an_output_for_a_horizon_it_claims_is_refused() {
    LoadHorizons hourly = LoadHorizons.forStep(Duration.ofHours(1));
    ModelFile hourlyModel = LoadFixtures.persistenceFile(folder.resolve("h.kelvin"), hourly);
    Path claims = folder.resolve("claims.kelvin");
    ModelFile.write(claims, hourlyModel.model(), LoadFixtures.meta(FIVE,
        LoadFeatures.featureSet(FIVE)));

    assertThatThrownBy(() -> LoadModel.of(ModelFile.read(claims)))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("change_5m");
  }

  @Test
  void forecasts_never_fall_below_zero() {
    LoadModel model = LoadModel.of(LoadFixtures.persistenceFile(folder.resolve("p.kelvin"),
        FIVE));
    LoadAnchor anchor = new LoadAnchor(new double[LoadFeatures.names(FIVE).size()], 0, 1);

    assertThat(anchor.level(-5)).isZero();
    assertThat(model.forecast(List.of(anchor))[0]).containsExactly(0, 0, 0);
    assertThat(model.forecast(List.of())).isEmpty();
  }
}
