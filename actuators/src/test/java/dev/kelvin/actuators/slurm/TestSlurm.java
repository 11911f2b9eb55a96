package dev.kelvin.actuators.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.testkit.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The real Slurm 22.05 that {@code scripts/slurm.sh} starts for the integration tests (nodes
 * n1..n4; {@code ./test.sh} starts it): its {@code slurm.conf}, the folder its jobs write to,
 * and its commands run as an operator would run them.
 */
final class TestSlurm {
  final String conf = TestServices.required("KELVIN_IT_SLURM_CONF");
  final String jobsDir = TestServices.required("KELVIN_IT_SLURM_JOBS_DIR");

  /** Runs a Slurm command and returns its output, stripped; it must succeed. */
  String slurm(String... command) throws IOException, InterruptedException {
    Process process = run(command);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out.strip();
  }

  /** Runs a Slurm command whatever it answers (a clean-up that may find nothing to do). */
  Process run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE);
    builder.environment().put("SLURM_CONF", conf);
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return process;
  }
}
