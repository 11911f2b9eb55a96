package dev.kelvin.app.bench;

import dev.kelvin.app.StartupException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The slim agent artifact that {@code ./mvnw package} builds: a folder holding
 * {@code kelvin-agent.jar}, {@code lib/} (the agent's libraries only) and {@code jvm.options}
 * (the JVM options the agent runs with, one or more per line).
 */
final class AgentArtifact {
  static final String JAR = "kelvin-agent.jar";
  static final String LIB = "lib";
  static final String JVM_OPTIONS = "jvm.options";
  static final String MAIN_CLASS = "dev.kelvin.app.agent.AgentMain";

  /** What the artifact weighs: the jar plus every jar in lib/. */
  record Size(long bytes, int jars) {
    double mebibytes() {
      return bytes / (double) (1 << 20);
    }
  }

  private final Path folder;

  private AgentArtifact(Path folder) {
    this.folder = folder;
  }

  /**
   * The artifact in {@code folder}.
   *
   * @throws StartupException when the folder lacks the jar, lib/ or jvm.options
   */
  static AgentArtifact in(Path folder) {
    for (String part : List.of(JAR, LIB, JVM_OPTIONS)) {
      if (!Files.exists(folder.resolve(part))) {
        throw new StartupException("no agent artifact in " + folder.toAbsolutePath() + ": "
            + part + " is missing (build it with ./mvnw package, or point --artifact at the"
            + " folder that holds kelvin-agent.jar, lib/ and jvm.options)");
      }
    }
    return new AgentArtifact(folder);
  }

  /**
   * The {@code agent} folder beside the jar (or classes folder) this class was loaded from:
   * {@code app/target/agent} for {@code app/target/kelvin.jar}.
   */
  static Path besideRunningKelvin() {
    try {
      Path code = Path.of(AgentArtifact.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      return code.toAbsolutePath().getParent().resolve("agent");
    } catch (URISyntaxException | RuntimeException e) {
      throw new StartupException("cannot tell where kelvin runs from (" + e + "); give the"
          + " agent artifact's folder with --artifact", e);
    }
  }

  Path folder() {
    return folder;
  }

  Size size() {
    List<Path> jars = new ArrayList<>();
    jars.add(folder.resolve(JAR));
    try (Stream<Path> lib = Files.list(folder.resolve(LIB))) {
      lib.filter(path -> path.getFileName().toString().endsWith(".jar")).forEach(jars::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder.resolve(LIB), e);
    }
    long bytes = 0;
    for (Path jar : jars) {
      bytes += sizeOf(jar);
    }
    return new Size(bytes, jars.size());
  }

  /** The options of jvm.options: whitespace-separated, blank lines and # comments skipped. */
  List<String> jvmOptions() {
    try {
      return Files.readAllLines(folder.resolve(JVM_OPTIONS)).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .flatMap(line -> Stream.of(line.split("\\s+")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder.resolve(JVM_OPTIONS), e);
    }
  }

  /** {@code java <jvm.options> -cp ... AgentMain <args>}, with this JVM's java. */
  List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.add("-cp");
    command.add(folder.resolve(JAR) + File.pathSeparator + folder.resolve(LIB)
        + File.separator + "*");
    command.add(MAIN_CLASS);
    command.addAll(args);
    return command;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }
}
