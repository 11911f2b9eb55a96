package dev.kelvin.policy.scenario;

import dev.kelvin.policy.RuleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where scenarios come from: the shipped ones on the classpath, and a folder's on disk. */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /** Every shipped scenario, file by file in path order. */
  public static List<Scenario> shipped() {
    List<Scenario> scenarios = new ArrayList<>();
    for (String name : RuleFiles.shippedScenarios()) {
      scenarios.addAll(ScenarioReader.read(name, resource(name)));
    }
    return scenarios;
  }

  /** The {@code *.yaml} files directly in {@code folder}, sorted by name; none if it is absent. */
  public static List<Path> in(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(folder)) {
      return paths.filter(path -> path.getFileName().toString().endsWith(".yaml"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new ScenarioException("cannot list the scenario folder " + folder + ": " + e, e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ScenarioException(name + ": not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(name + ": cannot be read: " + e, e);
    }
  }
}
