package dev.kelvin.app.models;

import dev.kelvin.predictor.serve.ModelFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The model files that ship with Kelvin: the classpath folder {@code models/} (in the source
 * tree {@code app/src/main/resources/models/}, whose README says how each file is made). It is
 * found through that README, so it is a folder of the build's classes or one inside
 * {@code kelvin.jar}; the registry reads it once at start.
 */
public final class ShippedModels {
  /** The file the folder is found by. */
  static final String ANCHOR = "models/README.md";

  private ShippedModels() {}

  /** The shipped models' folder, or empty when this build has none. */
  public static Optional<ModelFolder> folder() {
    URL anchor = ShippedModels.class.getClassLoader().getResource(ANCHOR);
    if (anchor == null) {
      return Optional.empty();
    }
    try {
      URI uri = anchor.toURI();
      if ("jar".equals(uri.getScheme())) {
        openJar(uri);
      }
      return Optional.of(ModelFolder.shipped(Path.of(uri).getParent()));
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException("cannot open the shipped models at " + anchor + ": " + e,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** A jar's file system must be open before a path in it can be made; it stays open. */
  private static void openJar(URI uri) throws IOException {
    try {
      FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException alreadyOpen) {
      // opened by an earlier call: the path below uses it
    }
  }
}
