package dev.kelvin.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What Linux's {@code /proc} says about one process: its resident memory
 * ({@code /proc/<pid>/status}: {@code VmRSS} now, {@code VmHWM} its peak) and the CPU time it
 * used ({@code /proc/<pid>/stat}: {@code utime + stime}, in clock ticks). See proc(5).
 */
final class ProcStats {
  private static final Path PROC = Path.of("/proc");
  /** utime and stime are fields 14 and 15 of stat; 3 (state) is the first after the name. */
  private static final int UTIME_AFTER_NAME = 14 - 3;
  private static final int STIME_AFTER_NAME = 15 - 3;
  /** Clock ticks per second when {@code getconf CLK_TCK} cannot say: Linux's USER_HZ. */
  static final long DEFAULT_TICKS_PER_SECOND = 100;

  /** Resident memory in bytes: now and the peak since the process started. */
  record Memory(long rssBytes, long peakRssBytes) {}

  private final Path folder;
  private final long ticksPerSecond;

  private ProcStats(Path folder, long ticksPerSecond) {
    this.folder = folder;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** Whether this system has a Linux {@code /proc} to read. */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self").resolve("status"))
        && Files.isReadable(PROC.resolve("self").resolve("stat"));
  }

  /** The figures of process {@code pid}. */
  static ProcStats of(long pid) {
    return new ProcStats(PROC.resolve(Long.toString(pid)), ticksPerSecond());
  }

  Memory memory() {
    return parseStatus(read("status"));
  }

  /** CPU time used so far, user and system together. */
  Duration cpuTime() {
    long ticks = parseCpuTicks(read("stat"));
    return Duration.ofNanos(ticks * 1_000_000_000L / ticksPerSecond);
  }

  /**
   * The system's load average over the last minute ({@code /proc/loadavg}): how busy the
   * machine was while a figure was taken; -1 when it cannot be read.
   */
  static double loadAverage() {
    try {
      String text = Files.readString(PROC.resolve("loadavg"), StandardCharsets.US_ASCII);
      return Double.parseDouble(text.strip().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {@code VmRSS} and {@code VmHWM} of a {@code /proc/<pid>/status} text, in bytes. */
  static Memory parseStatus(String status) {
    return new Memory(kibField(status, "VmRSS") * 1024, kibField(status, "VmHWM") * 1024);
  }

  /**
   * {@code utime + stime} of a {@code /proc/<pid>/stat} line, in clock ticks. The second field
   * is the process name in parentheses and may itself hold spaces and parentheses, so the
   * fields are counted from the last {@code ')'}.
   */
  static long parseCpuTicks(String stat) {
    int nameEnd = stat.lastIndexOf(')');
    if (nameEnd < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line (no ')' after the"
          + " process name): " + stat);
    }
    String[] fields = stat.substring(nameEnd + 1).strip().split("\\s+");
    if (fields.length <= STIME_AFTER_NAME) {
      throw new IllegalArgumentException("a /proc/<pid>/stat line with " + fields.length
          + " fields after the process name, too few for utime and stime: " + stat);
    }
    return Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[STIME_AFTER_NAME]);
  }

  /** A {@code Name:   1234 kB} line of a status text; /proc's kB are KiB. */
  private static long kibField(String status, String name) {
    return status.lines()
        .filter(line -> line.startsWith(name + ":"))
        .map(line -> line.substring(name.length() + 1).strip())
        .map(value -> {
          if (!value.endsWith(" kB")) {
            throw new IllegalArgumentException("/proc status field " + name + " is not in kB: "
                + value);
          }
          return Long.parseLong(value.substring(0, value.length() - 3).strip());
        })
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("/proc status has no " + name
            + " line (a kernel thread, or a process that already exited?)"));
  }

  private String read(String file) {
    try {
      return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder.resolve(file)
          + " (did the process exit?)", e);
    }
  }

  /** {@code getconf CLK_TCK}, or Linux's usual 100 when it cannot be asked. */
  static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true)
          .start();
      String answer = new String(getconf.getInputStream().readAllBytes(),
          StandardCharsets.US_ASCII).strip();
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        return Long.parseLong(answer);
      }
    } catch (IOException | NumberFormatException e) {
      // fall through to Linux's usual value
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_TICKS_PER_SECOND;
  }
}
