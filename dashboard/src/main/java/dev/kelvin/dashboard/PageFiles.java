package dev.kelvin.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's three files, read once from the classpath and served from memory with their
 * content types: no resource handler, no directory listing, nothing else reachable.
 */
final class PageFiles {
  /** Where the page's files live on the classpath. */
  static final String ROOT = "/dev/kelvin/dashboard/web/";

  private static final Map<String, String> TYPES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "style.css", "text/css; charset=utf-8");

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private PageFiles() {}

  /**
   * Reads every file of the page.
   *
   * @throws IllegalStateException naming the file when the jar lacks one
   */
  static PageFiles load() {
    PageFiles page = new PageFiles();
    for (String name : TYPES.keySet()) {
      page.files.put(name, read(name));
    }
    return page;
  }

  /** The file names, e.g. {@code app.js}, each served at {@code /} plus its name. */
  Iterable<String> names() {
    return files.keySet();
  }

  void serve(String name, Context ctx) {
    ctx.status(200).contentType(TYPES.get(name)).header("Cache-Control", "no-cache")
        .result(files.get(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = PageFiles.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard page file " + ROOT + name
            + " is missing from the classpath (a jar built without its resources?)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the dashboard page file " + ROOT + name
          + ": " + e.getMessage(), e);
    }
  }
}
