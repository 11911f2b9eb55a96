package dev.kelvin.predictor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.regression.Regressor;

/**
 * The reasons read from the model package's refusals: each made by the real check, so that a
 * reworded message fails here rather than being counted under the wrong reason.
 */
class RefusalReasonTest {
  private static final Instant UNTIL = Instant.parse("2024-06-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void a_model_of_another_tribuo_version_is_tribuo_version() throws IOException {
    Path path = dir.resolve("m.model");
    TestModelFiles.write(path, ModelKind.FAILURE, UNTIL);
    TestModelFiles.claimTribuoVersion(path, "4.2.1");

    assertThat(reasonOf(() -> ModelFile.read(path))).isEqualTo(RefusalReason.TRIBUO_VERSION);
  }

  @Test
  void a_truncated_file_is_unreadable() throws IOException {
    Path path = dir.resolve("m.model");
    TestModelFiles.write(path, ModelKind.FAILURE, UNTIL);
    TestModelFiles.truncate(path);

    assertThat(reasonOf(() -> ModelFile.read(path))).isEqualTo(RefusalReason.UNREADABLE);
  }

  @Test
  void another_feature_set_is_feature_set() {
    ModelFile file = TestModelFiles.write(dir.resolve("m.model"), ModelKind.FAILURE, UNTIL);

    assertThat(reasonOf(() -> file.requireFeatures(TestModelFiles.OTHER_FEATURES)))
        .isEqualTo(RefusalReason.FEATURE_SET);
  }

  @Test
  void another_kind_or_output_is_wrong_kind() {
    ModelFile file = TestModelFiles.write(dir.resolve("m.model"), ModelKind.FAILURE, UNTIL);

    assertThat(reasonOf(() -> file.requireKind(ModelKind.LOAD)))
        .isEqualTo(RefusalReason.WRONG_KIND);
    assertThat(reasonOf(() -> file.as(Regressor.class))).isEqualTo(RefusalReason.WRONG_KIND);
  }

  private static RefusalReason reasonOf(Runnable check) {
    return RefusalReason.of(catchThrowableOfType(check::run, ModelFileException.class));
  }
}
