package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {
  private static final String RULES = RuleFiles.FOLDER;

  @TempDir
  Path temp;

  /**
   * A jar laid out as the Maven jar plugin lays it out, a directory entry for every folder,
   * holding {@code files} (classpath names) in the order given.
   */
  private Path jar(String... files) throws IOException {
    Path jar = temp.resolve("rules.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String folder : List.of("dev/", "dev/kelvin/", "dev/kelvin/policy/", RULES,
          "dev/kelvin/policy/rules-old/")) {
        out.putNextEntry(new JarEntry(folder));
        out.closeEntry();
      }
      for (String file : files) {
        out.putNextEntry(new JarEntry(file));
        out.write(("// " + file + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A classpath directory holding {@code files} (classpath names), each with a line. */
  private Path directory(String... files) throws IOException {
    Path root = temp.resolve("classes");
    for (String file : files) {
      Path path = root.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "// " + file + "\n");
    }
    return root;
  }

  /** A class loader of {@code roots} alone: its parent does not see the policy's own rules. */
  private static URLClassLoader loaderOf(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  @Test
  void finds_the_thermal_rules_in_the_directory_of_the_compiled_classes() {
    URL folder = RuleFiles.class.getClassLoader().getResource(RULES);

    List<String> found = RuleFiles.policyRules();

    assertThat(folder).isNotNull();
    assertThat(folder.getProtocol()).isEqualTo("file");
    assertThat(found).contains(RULES + "thermal-cpu.drl").isSorted()
        .allSatisfy(name -> assertThat(name).startsWith(RULES).endsWith(".drl"));
  }

  @Test
  void finds_exactly_the_rule_files_of_the_folder_in_a_jar_sorted_by_path() throws Exception {
    Path jar = jar(RULES + "z-second.drl", RULES + "README.txt", RULES + "a-first.drl",
        "dev/kelvin/policy/rules-old/stale.drl", "dev/kelvin/policy/elsewhere.drl");

    try (URLClassLoader loader = loaderOf(jar)) {
      assertThat(loader.getResource(RULES).getProtocol()).isEqualTo("jar");
      assertThat(RuleFiles.under(RULES, loader))
          .containsExactly(RULES + "a-first.drl", RULES + "z-second.drl");
    }
  }

  @Test
  void finds_rule_files_in_subfolders_of_a_directory_sorted_by_path() throws Exception {
    Path classes = directory(RULES + "b.drl", RULES + "a/z.drl", RULES + "notes.txt",
        "dev/kelvin/policy/rules-old/stale.drl");

    try (URLClassLoader loader = loaderOf(classes)) {
      assertThat(RuleFiles.under(RULES, loader))
          .containsExactly(RULES + "a/z.drl", RULES + "b.drl");
    }
  }

  @Test
  void merges_the_rule_files_of_every_copy_of_the_folder_on_the_classpath() throws Exception {
    Path classes = directory(RULES + "b-local.drl", RULES + "c-both.drl");
    Path jar = jar(RULES + "a-packaged.drl", RULES + "c-both.drl");

    try (URLClassLoader loader = loaderOf(classes, jar)) {
      assertThat(RuleFiles.under(RULES, loader)).containsExactly(RULES + "a-packaged.drl",
          RULES + "b-local.drl", RULES + "c-both.drl");
    }
  }

  @Test
  void refuses_a_rule_folder_without_a_rule_file_and_names_the_folder() throws Exception {
    Path jar = jar(RULES + "README.txt", "dev/kelvin/policy/rules-old/stale.drl");

    try (URLClassLoader loader = loaderOf(jar)) {
      assertThatThrownBy(() -> RuleFiles.under(RULES, loader))
          .isInstanceOf(PolicyException.class)
          .hasMessageContaining("no rule file (*.drl) under the classpath folder " + RULES)
          .hasMessageContaining("src/main/resources/" + RULES);
    }
  }

  @Test
  void refuses_a_classpath_without_the_rule_folder_and_names_the_folder() throws Exception {
    Path classes = directory("dev/kelvin/other/thermal.drl");

    try (URLClassLoader loader = loaderOf(classes)) {
      assertThatThrownBy(() -> RuleFiles.under(RULES, loader))
          .isInstanceOf(PolicyException.class)
          .hasMessageContaining("under the classpath folder " + RULES);
    }
  }

  @Test
  void refuses_a_folder_name_that_is_not_a_classpath_folder() {
    assertThatThrownBy(() -> RuleFiles.under("/dev/kelvin/policy/rules",
        RuleFiles.class.getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'/dev/kelvin/policy/rules'");
  }
}
