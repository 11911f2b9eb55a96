package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one model file into a served model with the loader of its kind, or says why it cannot
 * serve. Nothing it is given escapes as an exception: a corrupt file, another Tribuo version,
 * another feature set, a kind without a loader and a loader that fails are each an outcome.
 */
final class ModelReader {
  /** Larger files are surely not model files; reading one would take the heap. */
  static final long MAX_FILE_BYTES = 256L << 20;

  /** What reading one file gave. */
  sealed interface Outcome permits Loaded, Refused {}

  /** A model ready to serve. */
  record Loaded(ServedModel model) implements Outcome {}

  /** Why the file cannot serve; {@code detail} names the file. */
  record Refused(RefusalReason reason, String detail) implements Outcome {}

  private final Map<ModelKind, ModelLoader> loaders = new EnumMap<>(ModelKind.class);

  ModelReader(Collection<? extends ModelLoader> loaders) {
    for (ModelLoader loader : loaders) {
      ModelLoader before = this.loaders.put(Objects.requireNonNull(loader.kind(), "kind"),
          loader);
      if (before != null) {
        throw new IllegalArgumentException("two loaders for " + loader.kind().wireName()
            + " models: " + before.getClass().getName() + " and "
            + loader.getClass().getName());
      }
    }
  }

  Outcome read(Path path, long sizeBytes) {
    if (sizeBytes > MAX_FILE_BYTES) {
      return new Refused(RefusalReason.TOO_LARGE, "model file " + path + ": " + sizeBytes
          + " bytes, more than a model file's " + MAX_FILE_BYTES + " (is it really one?)");
    }
    ModelFile file;
    try {
      file = ModelFile.read(path);
    } catch (ModelFileException e) {
      return new Refused(RefusalReason.of(e), e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return new Refused(RefusalReason.UNREADABLE, "model file " + path + ": reading it failed: "
          + e + " (not a Kelvin model file, or a Tribuo it cannot read?)");
    }
    ModelKind kind = file.meta().kind();
    ModelLoader loader = loaders.get(kind);
    if (loader == null) {
      return new Refused(RefusalReason.NO_LOADER, "model file " + path + ": a "
          + kind.wireName() + " model, and this Kelvin has no loader for " + kind.wireName()
          + " models (it serves " + kinds() + ")");
    }
    return load(loader, file);
  }

  private static Outcome load(ModelLoader loader, ModelFile file) {
    ServedModel model;
    try {
      model = loader.load(file);
    } catch (ModelFileException e) {
      return new Refused(RefusalReason.of(e), e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return new Refused(RefusalReason.LOAD_FAILED, "model file " + file.path() + ": the "
          + file.meta().kind().wireName() + " loader failed on it: " + e);
    }
    if (model == null || model.file().meta().kind() != file.meta().kind()) {
      return new Refused(RefusalReason.WRONG_KIND, "model file " + file.path() + ": the "
          + file.meta().kind().wireName() + " loader gave "
          + (model == null ? "nothing" : "a " + model.file().meta().kind().wireName() + " model"));
    }
    return new Loaded(model);
  }

  private String kinds() {
    return loaders.isEmpty() ? "no kind yet"
        : loaders.keySet().stream().map(ModelKind::wireName).toList().toString();
  }
}
