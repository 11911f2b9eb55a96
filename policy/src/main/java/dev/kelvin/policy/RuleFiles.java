package dev.kelvin.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the rule files to compile: every {@code *.drl} under a classpath folder, in its
 * subfolders too, sorted by path so that the rule base is the same on every start. The folder
 * may be a directory (tests, the IDE) or a folder in a jar (the packaged product), or both at
 * once; each copy of the folder on the classpath adds its files. A jar must hold the folder's
 * own directory entry, as the Maven jar plugin writes it, or the class loader does not see
 * the folder at all.
 */
public final class RuleFiles {
  /** The classpath folder of the policy's own rules. */
  static final String FOLDER = "dev/kelvin/policy/rules/";

  /** The classpath folder of the shipped rule scenarios. */
  public static final String SCENARIO_FOLDER = "dev/kelvin/policy/scenarios/";

  private static final String SUFFIX = ".drl";
  private static final String SCENARIO_SUFFIX = ".yaml";

  private RuleFiles() {}

  /** The policy's rule files: every {@code *.drl} under {@link #FOLDER}, sorted by path. */
  static List<String> policyRules() {
    return under(FOLDER, RuleFiles.class.getClassLoader());
  }

  /**
   * The shipped rule scenarios: every {@code *.yaml} under {@link #SCENARIO_FOLDER}, as
   * classpath names sorted by path.
   */
  public static List<String> shippedScenarios() {
    return under(SCENARIO_FOLDER, SCENARIO_SUFFIX, RuleFiles.class.getClassLoader());
  }

  /** The text of the classpath rule file {@code path}, as {@link #policyRules} names it. */
  static RuleText text(String path) {
    ClassLoader loader = RuleFiles.class.getClassLoader();
    try (java.io.InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new PolicyException("rule file " + path + " is not on the classpath: is it under"
            + " src/main/resources/" + path + " and packaged in the jar?");
      }
      return new RuleText(path, path, in.readAllBytes());
    } catch (IOException e) {
      throw new PolicyException("could not read rule file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every {@code *.drl} under {@code folder} on {@code loader}'s classpath, as classpath names
   * ({@code dev/kelvin/policy/rules/thermal-cpu.drl}) sorted by path.
   *
   * @param folder a classpath folder such as {@code dev/kelvin/policy/rules/}, ending in /
   * @throws PolicyException when the folder holds no rule file or cannot be read
   */
  static List<String> under(String folder, ClassLoader loader) {
    return under(folder, SUFFIX, loader);
  }

  private static List<String> under(String folder, String suffix, ClassLoader loader) {
    if (!folder.endsWith("/") || folder.startsWith("/")) {
      throw new IllegalArgumentException("rule folder must be a classpath name ending in /"
          + " and not starting with one, was '" + folder + "' (like " + FOLDER + ")");
    }
    SortedSet<String> found = new TreeSet<>();
    for (URL root : roots(folder, loader)) {
      found.addAll(in(root, folder, suffix));
    }
    if (found.isEmpty()) {
      throw new PolicyException("no " + (SUFFIX.equals(suffix) ? "rule" : "scenario")
          + " file (*" + suffix + ") under the classpath folder "
          + folder + ": are the rules in src/main/resources/" + folder + " and packaged in"
          + " the jar, with the jar's directory entries?");
    }
    return List.copyOf(found);
  }

  private static List<URL> roots(String folder, ClassLoader loader) {
    try {
      return Collections.list(loader.getResources(folder));
    } catch (IOException e) {
      throw new PolicyException("could not list the classpath folder " + folder + ": "
          + e.getMessage(), e);
    }
  }

  /** The rule files in one copy of {@code folder}, found at {@code root}. */
  private static List<String> in(URL root, String folder, String suffix) {
    try {
      if ("file".equals(root.getProtocol())) {
        return inDirectory(Path.of(root.toURI()), folder, suffix);
      } else if ("jar".equals(root.getProtocol())) {
        return inJar(root, folder, suffix);
      }
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      throw new PolicyException("could not list the rule files at " + root + ": "
          + e.getMessage(), e);
    }
    throw new PolicyException("cannot list the rule files at " + root + ": the "
        + root.getProtocol() + ": protocol is neither a directory (file:) nor a jar (jar:);"
        + " run Kelvin from its lib/ folder of jars");
  }

  private static List<String> inDirectory(Path directory, String folder, String suffix)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.filter(Files::isRegularFile).forEach(path -> {
        String name = folder + slashed(directory.relativize(path));
        if (name.endsWith(suffix)) {
          names.add(name);
        }
      });
    }
    return names;
  }

  /** {@code relative} with / between its names, whatever the file system's separator. */
  private static String slashed(Path relative) {
    List<String> names = new ArrayList<>();
    relative.forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }

  private static List<String> inJar(URL root, String folder, String suffix)
      throws IOException {
    URLConnection connection = root.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      throw new IOException("a jar: URL that opens as " + connection.getClass().getName());
    }
    // Uncached, so that closing it cannot close the class loader's own copy of the jar.
    jarConnection.setUseCaches(false);
    List<String> names = new ArrayList<>();
    try (JarFile jar = jarConnection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(folder) && name.endsWith(suffix)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
