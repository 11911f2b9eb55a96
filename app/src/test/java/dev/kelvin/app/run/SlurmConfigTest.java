package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.model.SiteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code workload.slurm} section of kelvin.yaml. */
class SlurmConfigTest {
  private static final String LOGIN = "mqtt:\n  allow_anonymous_for_tests: true\n";

  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("kelvin.yaml"), LOGIN + yaml);
  }

  @Test
  void slurm_is_off_unless_enabled() throws IOException {
    assertThat(RunConfig.read(write("")).slurm()).isEmpty();
    assertThat(RunConfig.read(write("workload:\n  slurm: { site: site-b }\n")).slurm())
        .isEmpty();
  }

  @Test
  void reads_every_key_when_enabled_with_relative_paths_against_the_file() throws IOException {
    SlurmSettings slurm = RunConfig.read(write("workload:\n  slurm:\n    enabled: true\n"
        + "    site: site-b\n    poll_interval: 30s\n    command_timeout: 8s\n"
        + "    bin_dir: /opt/slurm/bin\n    command_prefix: [ssh, slurm-login]\n"
        + "    conf_file: slurm.conf\n    actions: true\n")).slurm().orElseThrow();

    assertThat(slurm).isEqualTo(new SlurmSettings(SiteId.of("site-b"), Duration.ofSeconds(30),
        Duration.ofSeconds(8), Optional.of(Path.of("/opt/slurm/bin")),
        List.of("ssh", "slurm-login"), Optional.of(dir.resolve("slurm.conf")), true));
  }

  @Test
  void defaults_to_site_a_every_10_s_with_5_s_a_command_read_only() throws IOException {
    SlurmSettings slurm = RunConfig.read(write("workload:\n  slurm: { enabled: true }\n"))
        .slurm().orElseThrow();

    assertThat(slurm).isEqualTo(SlurmSettings.defaults(SiteId.of("site-a")));
    assertThat(slurm.actions()).isFalse();
  }

  @Test
  void a_poll_interval_under_5_s_gives_each_command_the_whole_interval_by_default()
      throws IOException {
    SlurmSettings slurm = RunConfig.read(write("workload:\n  slurm: { enabled: true,"
        + " poll_interval: 2s }\n")).slurm().orElseThrow();

    assertThat(slurm.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void a_command_timeout_longer_than_the_poll_interval_is_refused_naming_the_section()
      throws IOException {
    Path file = write("workload:\n  slurm: { enabled: true, poll_interval: 5s,"
        + " command_timeout: 20s }\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> RunConfig.read(file));

    assertThat(e.getMessage()).hasLineCount(1).contains("workload.slurm")
        .contains("command_timeout must not be longer than poll_interval (5 s)");
  }

  @Test
  void an_unknown_key_is_refused() throws IOException {
    Path file = write("workload:\n  slurm: { enabled: true, pol_interval: 5s }\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> RunConfig.read(file));

    assertThat(e.getMessage()).contains("workload.slurm.pol_interval");
  }
}
