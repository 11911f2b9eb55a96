package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.app.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the CloudSim Plus replay and reading its figures. */
class CloudSimSideTest {
  @TempDir Path root;

  @Test
  void without_the_built_module_it_says_how_to_build_it() {
    assertThatThrownBy(() -> CloudSimSide.in(root, Duration.ofMinutes(1)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("bench-cloudsim/target/classpath.txt")
        .hasMessageContaining("./mvnw -pl bench-cloudsim -am package -DskipTests");
  }

  @Test
  void starts_the_replay_from_the_classpath_file_with_the_case_sampling_interval()
      throws Exception {
    Path file = root.resolve(CloudSimSide.CLASSPATH_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "/x/replay.jar:/x/cloudsimplus.jar\n");

    ChildJvm.Command command = CloudSimSide.in(root, Duration.ofMinutes(1))
        .command(CloudSimSide.Case.SAMPLING_60S, Path.of("/t/kth.swf.gz"), 1000, 0);

    assertThat(command.classpath()).isEqualTo("/x/replay.jar:/x/cloudsimplus.jar");
    assertThat(command.mainClass()).isEqualTo(CloudSimSide.MAIN_CLASS);
    assertThat(command.jvmFlags()).isEqualTo(CloudSimSide.JVM_FLAGS);
    assertThat(command.args()).containsExactly("--trace", "/t/kth.swf.gz", "--hosts", "1000",
        "--sample-every", "60", "--jobs-limit", "0");
  }

  @Test
  void reads_the_figures_and_keeps_the_larger_of_the_two_peaks() {
    ChildJvm.Result child = new ChildJvm.Result("{\"wall_s\":21.5,\"cpu_s\":30.25,"
        + "\"peak_mb\":1500,\"cloudlets\":10,\"finished\":9,\"energy_kwh\":4.5}",
        1600L << 20, Duration.ofSeconds(22));

    CloudSimSide.Result result = CloudSimSide.parse(CloudSimSide.Case.EXACT_ENERGY, child);

    assertThat(result).isEqualTo(new CloudSimSide.Result(CloudSimSide.Case.EXACT_ENERGY, 21.5,
        30.25, 1600, 10, 9, 4.5));
  }

  @Test
  void figures_missing_a_field_are_refused_by_name() {
    ChildJvm.Result child = new ChildJvm.Result("{\"wall_s\":21.5}", -1, Duration.ZERO);

    assertThatThrownBy(() -> CloudSimSide.parse(CloudSimSide.Case.EXACT_ENERGY, child))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("cpu_s");
  }
}
