package dev.kelvin.actuators.slurm;

import java.util.List;

/**
 * Runs one workload-manager query and returns what it printed: the port between Kelvin and
 * Slurm's command-line tools. {@link ProcessSlurmQuery} runs the real command with a time-out;
 * a test answers with recorded output.
 */
@FunctionalInterface
public interface SlurmQuery {
  /**
   * Runs {@code command} (such as {@code sinfo}) with {@code arguments} and returns its
   * standard output.
   *
   * @throws SlurmQueryException when the command cannot start, fails or times out
   */
  String run(String command, List<String> arguments);
}
