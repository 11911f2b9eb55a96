package dev.kelvin.actuators.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.SiteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real process runner, against small shell scripts standing in for Slurm's commands. */
@DisabledOnOs(OS.WINDOWS)
class ProcessSlurmQueryTest {
  @TempDir
  Path bin;

  private ProcessSlurmQuery query(Duration timeout, Optional<Path> conf) {
    return new ProcessSlurmQuery(new SlurmSettings(SiteId.of("site-a"), Duration.ofSeconds(10),
        timeout, Optional.of(bin), List.of(), conf));
  }

  private void script(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void returns_what_the_command_printed_given_its_arguments_and_slurm_conf() throws IOException {
    script("sinfo", "echo \"$1 $SLURM_CONF\"");

    String out = query(Duration.ofSeconds(5), Optional.of(Path.of("/etc/x/slurm.conf")))
        .run("sinfo", List.of("--json"));

    assertThat(out).isEqualTo("--json /etc/x/slurm.conf\n");
  }

  @Test
  void names_the_exit_status_and_stderr_of_a_command_that_fails() throws IOException {
    script("squeue", "echo 'slurm_load_jobs error: Unable to contact slurm controller' >&2;"
        + " exit 1");

    assertThatThrownBy(() -> query(Duration.ofSeconds(5), Optional.empty())
        .run("squeue", List.of("--json"))).isInstanceOf(SlurmQueryException.class)
        .hasMessageContaining("squeue --json exited with 1")
        .hasMessageContaining("Unable to contact slurm controller");
  }

  @Test
  void kills_a_command_that_outlives_its_time_out() throws IOException {
    script("sinfo", "exec sleep 30");

    assertThatThrownBy(() -> query(Duration.ofMillis(300), Optional.empty())
        .run("sinfo", List.of("--json"))).isInstanceOf(SlurmQueryException.class)
        .hasMessageContaining("timed out after 300 ms")
        .hasMessageContaining("workload.slurm.command_timeout");
  }

  @Test
  void says_where_it_looked_for_a_command_that_is_not_there() {
    assertThatThrownBy(() -> query(Duration.ofSeconds(5), Optional.empty())
        .run("scontrol", List.of())).isInstanceOf(SlurmQueryException.class)
        .hasMessageContaining(bin.resolve("scontrol").toString())
        .hasMessageContaining("workload.slurm.bin_dir");
  }

  @Test
  void puts_the_prefix_before_the_command() {
    ProcessSlurmQuery prefixed = new ProcessSlurmQuery(new SlurmSettings(SiteId.of("site-a"),
        Duration.ofSeconds(10), Duration.ofSeconds(5), Optional.empty(),
        List.of("ssh", "slurm-login"), Optional.empty()));

    assertThat(prefixed.commandLine("sinfo", List.of("--json")))
        .containsExactly("ssh", "slurm-login", "sinfo", "--json");
  }
}
