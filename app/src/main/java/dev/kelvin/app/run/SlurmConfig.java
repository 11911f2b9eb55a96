package dev.kelvin.app.run;

import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code workload.slurm} section: Slurm as the source of node availability and jobs of one
 * site, read with {@code sinfo --json} and {@code squeue --json}; off unless enabled, so a
 * controller without Slurm runs as before. With {@code actions: true} Kelvin also drains,
 * resumes, requeues and holds jobs in Slurm; off unless asked, so Slurm is only read.
 */
final class SlurmConfig {
  private SlurmConfig() {}

  static Optional<SlurmSettings> read(ConfigTree section) {
    boolean enabled = section.bool("enabled", false);
    String site = section.string("site", "site-a");
    Duration interval = section.duration("poll_interval", SlurmSettings.DEFAULT_POLL_INTERVAL);
    Duration timeout = section.duration("command_timeout",
        min(SlurmSettings.DEFAULT_COMMAND_TIMEOUT, interval));
    Optional<Path> binDir = section.optionalPath("bin_dir");
    List<String> prefix = section.stringList("command_prefix", List.of());
    Optional<Path> conf = section.optionalPath("conf_file");
    boolean actions = section.bool("actions", false);
    SlurmSettings settings = section.build(() -> new SlurmSettings(SiteId.of(site), interval,
        timeout, binDir, prefix, conf, actions));
    return enabled ? Optional.of(settings) : Optional.empty();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
