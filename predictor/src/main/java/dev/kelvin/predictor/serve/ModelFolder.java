package dev.kelvin.predictor.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder of model files: every regular {@code *.model} file directly in it (not in
 * subfolders; {@code *.model.partial}, what {@code ModelFile.write} writes before its atomic
 * move, is not one). Any {@link Path} will do, a folder inside a jar included.
 *
 * @param folder where the files are
 * @param source its role, shown beside each file: {@code models_dir} or {@code shipped}
 * @param watched whether it is looked at again every reload period, or read once at start
 */
public record ModelFolder(Path folder, String source, boolean watched) {
  /** The suffix of a model file. */
  public static final String SUFFIX = ".model";
  /** More files than this in one folder are surely not all models. */
  static final int MAX_FILES = 100;

  public ModelFolder {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(source, "source");
  }

  /** The operator's folder, {@code predictor.models_dir}: watched. */
  public static ModelFolder operator(Path folder) {
    return new ModelFolder(folder, "models_dir", true);
  }

  /** The models shipped with Kelvin: read once. */
  public static ModelFolder shipped(Path folder) {
    return new ModelFolder(folder, "shipped", false);
  }

  /** How a file looked when listed: a change in either means it is read again. */
  record Stamp(long sizeBytes, FileTime modified) {}

  /**
   * The model files now, by path, with their stamps.
   *
   * @throws UncheckedIOException naming the folder when it cannot be listed, or holds more
   *     than {@link #MAX_FILES} model files
   */
  SortedMap<Path, Stamp> list() {
    SortedMap<Path, Stamp> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (!path.getFileName().toString().endsWith(SUFFIX)) {
          continue;
        }
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
          continue; // removed since it was listed: seen as removed now
        }
        if (attributes.isRegularFile()) {
          files.put(path, new Stamp(attributes.size(), attributes.lastModifiedTime()));
        }
        if (files.size() > MAX_FILES) {
          throw new IOException("more than " + MAX_FILES + " *" + SUFFIX
              + " files: is it really a folder of model files?");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list the " + source + " model folder " + folder
          + ": " + (e instanceof UncheckedIOException ? e.getCause() : e)
          + " (was it removed, or are its permissions wrong?)",
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
    return files;
  }

  @Override
  public String toString() {
    return source + " " + folder;
  }
}
