package dev.kelvin.core.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/services.sh} run for a service of a test's own: in its own folder
 * ({@code KELVIN_SERVICES_DIR}) with its own settings (ports, persistence) in the environment,
 * so that a fault test stops and starts it for real without touching the shared services.
 */
public final class ServicesScript {
  private final Path script;
  private final Path folder;
  private final Map<String, String> environment;

  /** @param environment the script's settings for this instance, e.g. its port */
  public ServicesScript(Path folder, Map<String, String> environment) {
    this.script = find();
    this.folder = folder;
    this.environment = Map.copyOf(environment);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code services.sh args...}; its output, or fails with it. */
  public String run(String... args) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile(folder, "services", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().put("KELVIN_SERVICES_DIR", folder.toString());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took over 60 s");
      }
      String text = Files.readString(output);
      Files.delete(output);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed ("
            + process.exitValue() + "): " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  /** The variables {@code services.sh env} exports for this instance. */
  public Map<String, String> env() {
    Map<String, String> values = new HashMap<>();
    for (String line : run("env").split("\n")) {
      String[] parts = line.replaceFirst("^export ", "").split("=", 2);
      if (parts.length == 2) {
        values.put(parts[0], parts[1]);
      }
    }
    return values;
  }

  /** A port free now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path found = dir.resolve("scripts/services.sh");
      if (Files.isExecutable(found)) {
        return found;
      }
    }
    throw new IllegalStateException("scripts/services.sh not found above "
        + Path.of("").toAbsolutePath());
  }
}
