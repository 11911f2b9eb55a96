package dev.kelvin.app.models;

import dev.kelvin.app.StartupException;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.predictor.serve.ModelFolder;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ModelLoaders;
import dev.kelvin.predictor.serve.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model files a controller serves and with which loaders: what the controller's
 * registry is started from.
 *
 * @param folders in order: a kind's model comes from the first that has a usable one
 * @param reloadEvery how often the watched folders are looked at
 */
public record ModelServing(List<ModelLoader> loaders, List<ModelFolder> folders,
    Duration reloadEvery) {
  /** The default of {@code predictor.models_reload_every}. */
  public static final Duration DEFAULT_RELOAD_EVERY = Duration.ofSeconds(10);

  public ModelServing {
    loaders = List.copyOf(loaders);
    folders = List.copyOf(folders);
    Scheduler.requirePositive("models reload", reloadEvery);
  }

  /** No model at all: the controller predicts nothing (tests that are not about models). */
  public static ModelServing none() {
    return new ModelServing(List.of(), List.of(), DEFAULT_RELOAD_EVERY);
  }

  /**
   * The standard loaders over the operator's folder, if given, then the shipped models.
   *
   * @param option how the operator named the folder, for the error: {@code --models}, ...
   * @throws StartupException when {@code operatorFolder} is not a folder
   */
  public static ModelServing standard(Optional<Path> operatorFolder, String option,
      Duration reloadEvery) {
    Objects.requireNonNull(option, "option");
    List<ModelFolder> folders = new ArrayList<>();
    operatorFolder.ifPresent(folder -> {
      if (!Files.isDirectory(folder)) {
        throw new StartupException(option + " " + folder + " is not a folder"
            + (Files.exists(folder) ? "" : " (it does not exist)") + ": give the folder that"
            + " holds the *.model files kelvin train writes");
      }
      folders.add(ModelFolder.operator(folder));
    });
    ShippedModels.folder().ifPresent(folders::add);
    return new ModelServing(ModelLoaders.standard(), folders, reloadEvery);
  }

  /** Reads every folder now and watches the operator's on {@code scheduler}. */
  public ModelRegistry start(Scheduler scheduler) {
    return ModelRegistry.start(loaders, folders, scheduler, reloadEvery);
  }
}
