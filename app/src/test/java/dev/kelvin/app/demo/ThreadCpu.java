package dev.kelvin.app.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's threads, summed by group (the thread name without its numbers), so
 * a test can say where the time of a burst went: the broker's threads, the MQTT clients' own,
 * the controller's apply thread, the publisher.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  static Map<String, Long> byGroup() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> nanos = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info != null && cpu > 0) {
        nanos.merge(group(info.getThreadName()), cpu, Long::sum);
      }
    }
    return nanos;
  }

  /** The {@code count} groups that used most CPU between two readings, as shares of a core. */
  static String top(Map<String, Long> before, Map<String, Long> after, Duration over, int count) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
            100.0 * e.getValue() / over.toNanos()))
        .collect(Collectors.joining(", "));
  }

  private static String group(String name) {
    return name.replaceAll("[0-9]+", "#").replaceAll("kelvin-it-burst[^ ]*", "burst-client");
  }
}
