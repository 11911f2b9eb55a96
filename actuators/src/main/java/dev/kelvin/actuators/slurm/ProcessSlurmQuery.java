package dev.kelvin.actuators.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slurm's command-line tools as child processes: the command from {@code binDir} (or the
 * PATH) behind the configured prefix, {@code SLURM_CONF} set when a file is configured, killed
 * when it outlives the time-out. Output goes to temporary files, so a large answer (a
 * {@code sinfo --json} of thousands of nodes) never fills a pipe and stalls the command.
 */
public final class ProcessSlurmQuery implements SlurmQuery {
  /** Output past this is refused: no Slurm answer Kelvin reads is this large. */
  static final long MAX_OUTPUT_BYTES = 256L * 1024 * 1024;
  private static final int STDERR_SHOWN = 300;

  private final SlurmSettings settings;

  public ProcessSlurmQuery(SlurmSettings settings) {
    this.settings = settings;
  }

  @Override
  public String run(String command, List<String> arguments) {
    List<String> line = commandLine(command, arguments);
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("kelvin-slurm-", ".out");
      err = Files.createTempFile("kelvin-slurm-", ".err");
      ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      settings.confFile().ifPresent(conf -> builder.environment().put("SLURM_CONF",
          conf.toString()));
      Process process = builder.start();
      process.getOutputStream().close();   // nothing to read: a command that asks gets EOF
      await(process, line);
      return output(process.exitValue(), out, err, line);
    } catch (IOException e) {
      throw new SlurmQueryException("cannot run " + String.join(" ", line) + ": "
          + e.getMessage() + " (is Slurm's client installed, and workload.slurm.bin_dir"
          + " right?)", e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  List<String> commandLine(String command, List<String> arguments) {
    List<String> line = new ArrayList<>(settings.commandPrefix());
    line.add(settings.binDir().map(dir -> dir.resolve(command).toString()).orElse(command));
    line.addAll(arguments);
    return line;
  }

  private void await(Process process, List<String> line) throws IOException {
    Duration timeout = settings.commandTimeout();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new SlurmQueryException(String.join(" ", line) + " timed out after "
            + timeout.toMillis() + " ms (workload.slurm.command_timeout): slurmctld slow or"
            + " unreachable?");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SlurmQueryException(String.join(" ", line) + " interrupted (stopping?)", e);
    }
  }

  private static String output(int exit, Path out, Path err, List<String> line)
      throws IOException {
    if (exit != 0) {
      String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
      throw new SlurmQueryException(String.join(" ", line) + " exited with " + exit + ": "
          + (stderr.isEmpty() ? "(nothing on stderr)" : shorten(stderr)));
    }
    long size = Files.size(out);
    if (size > MAX_OUTPUT_BYTES) {
      throw new SlurmQueryException(String.join(" ", line) + " printed " + size
          + " bytes, more than the " + MAX_OUTPUT_BYTES + " Kelvin reads");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String shorten(String text) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= STDERR_SHOWN ? oneLine
        : oneLine.substring(0, STDERR_SHOWN) + "...";
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }
}
