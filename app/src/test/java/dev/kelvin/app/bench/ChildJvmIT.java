package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelvin.app.StartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a Java program in its own JVM and keeping its figures and its peak memory. */
class ChildJvmIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  /** The child: what it does is named by its first argument. */
  public static final class Child {
    public static void main(String[] args) throws InterruptedException {
      switch (args[0]) {
        case "figures" -> {
          byte[] held = new byte[64 << 20];
          for (int i = 0; i < held.length; i += 4096) {
            held[i] = 1;
          }
          System.out.println("warming up");
          System.out.println("{\"first\":1}");
          System.out.println("{\"last\":" + held[4096] + "}");
          Thread.sleep(300);
        }
        case "fails" -> {
          System.err.println("the trace is missing");
          System.exit(3);
        }
        case "silent" -> System.out.println("no figures today");
        case "hangs" -> Thread.sleep(60_000);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }

  @Test
  void keeps_the_last_json_line_and_the_peak_resident_memory_it_polled() throws Exception {
    assumeTrue(ProcStats.available(), "needs Linux /proc");

    ChildJvm.Result result = ChildJvm.run(child("figures"), TIMEOUT, work.resolve("err"));

    assertThat(result.jsonLine()).isEqualTo("{\"last\":1}");
    assertThat(result.peakRssBytes()).isGreaterThan(64L << 20);
    assertThat(result.wall()).isGreaterThan(Duration.ofMillis(300));
  }

  @Test
  void a_child_that_fails_is_reported_with_its_exit_code_and_its_log() {
    assertThatThrownBy(() -> ChildJvm.run(child("fails"), TIMEOUT, work.resolve("err")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("the trace is missing");
  }

  @Test
  void a_child_without_figures_is_a_failure() {
    assertThatThrownBy(() -> ChildJvm.run(child("silent"), TIMEOUT, work.resolve("err")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("printed no JSON line");
  }

  @Test
  void a_child_that_outlives_its_time_out_is_killed() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> ChildJvm.run(child("hangs"), Duration.ofSeconds(1),
        work.resolve("err")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("did not finish within 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void the_command_line_runs_the_same_java_with_flags_before_the_classpath() {
    List<String> line = new ChildJvm.Command(List.of("-Xmx64m"), "a.jar:b.jar", "x.Main",
        List.of("--n", "1")).line();

    assertThat(line.get(0)).endsWith("java");
    assertThat(line.subList(1, line.size()))
        .containsExactly("-Xmx64m", "-cp", "a.jar:b.jar", "x.Main", "--n", "1");
  }

  private static ChildJvm.Command child(String what) {
    return new ChildJvm.Command(List.of("-Xmx256m"), System.getProperty("java.class.path"),
        Child.class.getName(), List.of(what));
  }
}
