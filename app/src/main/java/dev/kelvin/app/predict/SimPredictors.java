package dev.kelvin.app.predict;

import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ModelLoaders;
import dev.kelvin.predictor.serve.ServedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The models a scenario's control loop serves ({@code control.models}): each file read and
 * checked once, before the run (a corrupt file, another Tribuo, another feature set, two of one
 * kind or a kind simulation cannot serve stop it, naming the file), then loaded afresh for
 * every run, since a served model keeps per-node state from tick to tick. The predictor asks
 * each model once per tick, in kind order, with the whole snapshot.
 */
public final class SimPredictors {
  private final Map<ModelKind, ModelFile> files;
  private final Map<ModelKind, ModelLoader> loaders;

  private SimPredictors(Map<ModelKind, ModelFile> files, Map<ModelKind, ModelLoader> loaders) {
    this.files = files;
    this.loaders = loaders;
  }

  /** The loaders of the kinds a simulation serves: the controller's own. */
  static Map<ModelKind, ModelLoader> loaders() {
    Map<ModelKind, ModelLoader> loaders = new EnumMap<>(ModelKind.class);
    for (ModelLoader loader : ModelLoaders.standard()) {
      loaders.put(loader.kind(), loader);
    }
    return loaders;
  }

  /**
   * Reads and checks the model files at {@code paths}.
   *
   * @throws IllegalArgumentException naming {@code control.models}, the file and the reason
   */
  public static SimPredictors read(List<String> paths) {
    Map<ModelKind, ModelLoader> loaders = loaders();
    Map<ModelKind, ModelFile> files = new EnumMap<>(ModelKind.class);
    for (String path : paths) {
      try {
        ModelFile file = ModelFile.read(Path.of(path));
        ModelKind kind = file.meta().kind();
        ModelLoader loader = loaders.get(kind);
        if (loader == null) {
          throw new ModelFileException(file.path(), "is a " + kind.wireName() + " model;"
              + " a simulation serves " + loaders.keySet().stream().map(ModelKind::wireName)
                  .toList() + " models");
        }
        ModelFile other = files.put(kind, file);
        if (other != null) {
          throw new ModelFileException(file.path(), "is a second " + kind.wireName()
              + " model, after " + other.path() + ": give one model per kind");
        }
        loader.load(file);
      } catch (ModelFileException e) {
        throw new IllegalArgumentException("control.models: " + e.getMessage(), e);
      }
    }
    return new SimPredictors(files, loaders);
  }

  /** A new predictor serving every model: {@link Predictor#NONE} without models. */
  public Predictor predictor() {
    if (files.isEmpty()) {
      return Predictor.NONE;
    }
    List<ServedModel> served = new ArrayList<>();
    files.forEach((kind, file) -> served.add(loaders.get(kind).load(file)));
    return snapshot -> {
      List<Prediction> all = new ArrayList<>();
      for (ServedModel model : served) {
        all.addAll(model.predict(snapshot));
      }
      return all;
    };
  }
}
