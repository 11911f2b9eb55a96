package dev.kelvin.app.run;

import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.app.controller.Controller;
import dev.kelvin.app.controller.ControllerSettings;
import dev.kelvin.app.models.ModelsReport;
import dev.kelvin.core.model.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code kelvin run} prints about its configuration and, once running, where to look. */
final class RunBanner {
  private RunBanner() {}

  /** The configuration in a few lines (never the password). */
  static List<String> settings(ControllerSettings settings) {
    List<String> lines = new ArrayList<>();
    lines.add("  MQTT broker  " + settings.telemetry().session().endpoint()
        + (settings.telemetry().session().endpoint().tls().isPresent() ? " (TLS)" : "")
        + ", topics under " + settings.telemetry().topics().prefix());
    lines.add("  controller   client ids " + settings.telemetry().session().clientId() + ", "
        + settings.actuators().session().clientId() + "; tick "
        + Numbers.plain(settings.tick().toMillis() / 1000.0, 3) + " s"
        + ", guard " + settings.guard().mode().name().toLowerCase(java.util.Locale.ROOT));
    lines.add("  audit log    " + settings.audit().file().map(String::valueOf)
        .orElse("in memory"));
    lines.add("  dashboard    " + settings.dashboard().map(d -> "http://" + d.host() + ":"
        + d.port() + "/").orElse("off"));
    settings.budgets().forEach(budget -> lines.add("  budget       " + budget.scope() + " "
        + Math.round(budget.limitWatts()) + " W"));
    return lines;
  }

  /** Where node availability and jobs come from. */
  static String workload(Optional<SlurmSettings> slurm) {
    return "  workload     " + slurm.map(s -> "Slurm (sinfo/squeue --json) as site " + s.site()
        + ", every " + s.pollInterval().toSeconds() + " s" + (s.actions()
            ? "; drains, resumes, requeues and job holds carried out with scontrol"
            : "; read only")).orElse("none (no workload manager read)");
  }

  /** Where the running controller serves. */
  static List<String> running(Controller controller) {
    List<String> lines = new ArrayList<>(settings(controller.settings()));
    controller.dashboardUri().ifPresent(uri -> lines.set(3, "  dashboard    " + uri));
    lines.add("  models       " + ModelsReport.line(controller.models().status()));
    lines.add("Press Ctrl-C to stop.");
    return lines;
  }
}
