package dev.kelvin.predictor.serve;

import static dev.kelvin.predictor.serve.TestModelFiles.OTHER_FEATURES;
import static dev.kelvin.predictor.serve.TestModelFiles.loader;
import static dev.kelvin.predictor.serve.TestModelFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The registry in virtual time over real model files in a temporary folder. */
class ModelRegistryTest {
  private static final Duration EVERY = Duration.ofSeconds(10);
  private static final Instant JUNE = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant JULY = Instant.parse("2024-07-01T00:00:00Z");

  @TempDir
  Path dir;
  @TempDir
  Path shipped;

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger registryLog = (Logger) LoggerFactory.getLogger(ModelRegistry.class);
  private ModelRegistry registry;

  @BeforeEach
  void captureLog() {
    logged.start();
    registryLog.addAppender(logged);
  }

  @AfterEach
  void stop() {
    registryLog.detachAppender(logged);
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void picks_up_a_new_model_file_without_a_restart_once_it_held_still_for_a_period() {
    start();
    assertThat(registry.active()).isEmpty();

    ModelFile file = write(dir.resolve("failure.model"), ModelKind.FAILURE, JUNE);
    scheduler.advanceBy(EVERY);
    assertThat(registry.active()).as("seen once: it may still be being copied").isEmpty();
    scheduler.advanceBy(EVERY);

    assertThat(registry.active()).singleElement().satisfies(active -> {
      assertThat(active.kind()).isEqualTo(ModelKind.FAILURE);
      assertThat(active.version()).isEqualTo(file.version());
      assertThat(active.source()).isEqualTo("models_dir");
    });
    assertThat(registry.status().degraded()).isFalse();
  }

  @Test
  void reads_every_file_at_once_at_start() {
    write(dir.resolve("failure.model"), ModelKind.FAILURE, JUNE);
    write(dir.resolve("anomaly.model"), ModelKind.ANOMALY, JUNE);

    start();

    assertThat(registry.active()).extracting(ActiveModel::kind)
        .containsExactly(ModelKind.FAILURE, ModelKind.ANOMALY);
  }

  @Test
  void refuses_a_file_of_another_feature_set_while_the_old_model_keeps_serving() {
    Path path = dir.resolve("failure.model");
    ModelFile old = write(path, ModelKind.FAILURE, JUNE);
    start();

    replace(path, () -> write(path, ModelKind.FAILURE, OTHER_FEATURES, JULY));
    scheduler.advanceBy(EVERY.multipliedBy(2));

    assertThat(registry.active()).singleElement()
        .satisfies(active -> assertThat(active.version()).isEqualTo(old.version()));
    assertThat(registry.status().refused()).singleElement().satisfies(refused -> {
      assertThat(refused.file()).isEqualTo(path);
      assertThat(refused.reason()).isEqualTo(RefusalReason.FEATURE_SET);
      assertThat(refused.detail()).contains(path.toString()).contains("not in the model: [b]");
      assertThat(refused.at()).isEqualTo(scheduler.now());
    });
    assertThat(registry.refusals(RefusalReason.FEATURE_SET)).isEqualTo(1);
    assertThat(registry.status().degraded()).isTrue();
  }

  @Test
  void refuses_a_corrupt_file_and_one_of_another_tribuo_version_while_the_old_model_serves()
      throws IOException {
    ModelFile old = write(dir.resolve("a-failure.model"), ModelKind.FAILURE, JUNE);
    start();

    Path truncated = dir.resolve("b-failure.model");
    write(truncated, ModelKind.FAILURE, JULY);
    TestModelFiles.truncate(truncated);
    Path otherTribuo = dir.resolve("c-failure.model");
    write(otherTribuo, ModelKind.FAILURE, JULY);
    TestModelFiles.claimTribuoVersion(otherTribuo, "4.2.1");
    scheduler.advanceBy(EVERY.multipliedBy(2));

    assertThat(registry.active()).singleElement()
        .satisfies(active -> assertThat(active.version()).isEqualTo(old.version()));
    assertThat(registry.status().refused()).extracting(RefusedFile::file, RefusedFile::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(truncated, RefusalReason.UNREADABLE),
            org.assertj.core.groups.Tuple.tuple(otherTribuo, RefusalReason.TRIBUO_VERSION));
    assertThat(registry.status().refused().get(1).detail()).contains("Tribuo 4.2.1");
  }

  @Test
  void logs_and_counts_a_refused_file_once_not_at_every_look() {
    start();
    write(dir.resolve("failure.model"), ModelKind.FAILURE, OTHER_FEATURES, JUNE);

    scheduler.advanceBy(EVERY.multipliedBy(20));

    assertThat(registry.refusals(RefusalReason.FEATURE_SET)).isEqualTo(1);
    assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
        .singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
            .contains("failure.model").contains("refused: feature_set"));
  }

  @Test
  void a_refused_file_fixed_in_place_serves_and_leaves_the_refused_list() {
    Path path = dir.resolve("failure.model");
    write(path, ModelKind.FAILURE, OTHER_FEATURES, JUNE);
    start();
    assertThat(registry.active()).isEmpty();
    assertThat(registry.status().refused()).hasSize(1);

    ModelFile fixed = replace(path, () -> write(path, ModelKind.FAILURE, JULY));
    scheduler.advanceBy(EVERY.multipliedBy(2));

    assertThat(registry.active()).singleElement()
        .satisfies(active -> assertThat(active.version()).isEqualTo(fixed.version()));
    assertThat(registry.status().refused()).isEmpty();
    assertThat(registry.status().degraded()).isFalse();
  }

  @Test
  void serves_the_model_trained_on_the_latest_data_of_several_files_of_one_kind() {
    write(dir.resolve("z-failure-june.model"), ModelKind.FAILURE, JUNE);
    ModelFile july = write(dir.resolve("a-failure-july.model"), ModelKind.FAILURE, JULY);

    start();

    assertThat(registry.active()).singleElement()
        .satisfies(active -> assertThat(active.version()).isEqualTo(july.version()));
  }

  @Test
  void serves_the_operators_model_before_a_newer_shipped_one() {
    ModelFile operators = write(dir.resolve("failure.model"), ModelKind.FAILURE, JUNE);
    write(shipped.resolve("failure.model"), ModelKind.FAILURE, JULY);
    ModelFile shippedAnomaly = write(shipped.resolve("anomaly.model"), ModelKind.ANOMALY, JUNE);

    start();

    assertThat(registry.active()).extracting(ActiveModel::version, ActiveModel::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(operators.version(), "models_dir"),
            org.assertj.core.groups.Tuple.tuple(shippedAnomaly.version(), "shipped"));
  }

  @Test
  void a_removed_files_model_serves_on_marked_removed_until_another_file_can_serve()
      throws IOException {
    Path path = dir.resolve("failure.model");
    ModelFile old = write(path, ModelKind.FAILURE, JUNE);
    start();

    Files.delete(path);
    scheduler.advanceBy(EVERY);

    assertThat(registry.active()).singleElement().satisfies(active -> {
      assertThat(active.version()).isEqualTo(old.version());
      assertThat(active.fileRemoved()).isTrue();
    });
    assertThat(registry.status().degraded()).isTrue();
    assertThat(logged.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
        .contains("was removed"));

    ModelFile successor = write(dir.resolve("failure-2.model"), ModelKind.FAILURE, JUNE);
    scheduler.advanceBy(EVERY.multipliedBy(2));

    assertThat(registry.active()).singleElement().satisfies(active -> {
      assertThat(active.version()).isEqualTo(successor.version());
      assertThat(active.fileRemoved()).isFalse();
    });
  }

  @Test
  void refuses_a_kind_it_has_no_loader_for_and_a_loader_that_fails() {
    write(dir.resolve("load.model"), ModelKind.LOAD, JUNE);
    write(dir.resolve("anomaly.model"), ModelKind.ANOMALY, JUNE);
    ModelLoader broken = new ModelLoader() {
      @Override
      public ModelKind kind() {
        return ModelKind.ANOMALY;
      }

      @Override
      public ServedModel load(ModelFile file) {
        throw new IllegalStateException("no such feature extractor");
      }
    };

    registry = ModelRegistry.start(List.of(loader(ModelKind.FAILURE), broken),
        List.of(ModelFolder.operator(dir)), scheduler, EVERY);

    assertThat(registry.active()).isEmpty();
    assertThat(registry.status().refused()).extracting(RefusedFile::reason)
        .containsExactly(RefusalReason.LOAD_FAILED, RefusalReason.NO_LOADER);
    assertThat(registry.status().refused().get(0).detail())
        .contains("no such feature extractor");
    assertThat(registry.status().refused().get(1).detail())
        .contains("no loader for load models");
  }

  @Test
  void a_folder_that_cannot_be_listed_keeps_its_models_serving_and_says_so() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("models"));
    ModelFile file = write(folder.resolve("failure.model"), ModelKind.FAILURE, JUNE);
    registry = ModelRegistry.start(List.of(loader(ModelKind.FAILURE)),
        List.of(ModelFolder.operator(folder)), scheduler, EVERY);

    Files.delete(folder.resolve("failure.model"));
    Files.delete(folder);
    Files.writeString(folder, "not a folder");
    scheduler.advanceBy(EVERY);

    assertThat(registry.active()).singleElement().satisfies(active -> {
      assertThat(active.version()).isEqualTo(file.version());
      assertThat(active.fileRemoved()).as("unknown, not removed").isFalse();
    });
    assertThat(registry.status().problems()).singleElement()
        .satisfies(problem -> assertThat(problem).contains(folder.toString()));
    assertThat(registry.status().degraded()).isTrue();
  }

  @Test
  void ignores_files_that_are_not_model_files() throws IOException {
    Files.writeString(dir.resolve("README.md"), "how these models were made");
    write(dir.resolve("failure.model"), ModelKind.FAILURE, JUNE);
    Files.copy(dir.resolve("failure.model"), dir.resolve("failure.model.partial"));

    start();

    assertThat(registry.active()).hasSize(1);
    assertThat(registry.status().refused()).isEmpty();
  }

  private void start() {
    registry = ModelRegistry.start(List.of(loader(ModelKind.FAILURE), loader(ModelKind.ANOMALY)),
        List.of(ModelFolder.operator(dir), ModelFolder.shipped(shipped)), scheduler, EVERY);
  }

  /**
   * Rewrites a file in place; its modification time is moved on so that file systems with a
   * coarse clock see a change even within the same tick of their clock.
   */
  private static ModelFile replace(Path path, java.util.function.Supplier<ModelFile> writing) {
    try {
      java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(path);
      ModelFile written = writing.get();
      Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(
          before.toMillis() + 2_000));
      return written;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
