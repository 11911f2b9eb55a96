package dev.kelvin.app.run;

import dev.kelvin.actuators.slurm.SlurmActuator;
import dev.kelvin.app.VersionProvider;
import dev.kelvin.app.controller.Controller;
import dev.kelvin.app.controller.ControllerParts;
import dev.kelvin.app.controller.ControllerSettings;
import dev.kelvin.app.ops.PortPreflight;
import dev.kelvin.app.rules.RulesWatch;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.app.runtime.ShutdownSignal;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.RuleReloader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kelvin run}: the controller in live mode against an external broker, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the controller in live mode: telemetry from, and commands to, the MQTT"
        + " broker the configuration names (login, TLS), the rules, the safety guard, the audit"
        + " log and the dashboard. Ctrl-C stops it. Every key of the configuration file and its"
        + " default is in docs/configuration.md; docs/examples/kelvin.yaml is an example."})
public final class RunCommand implements Callable<Integer> {
  /** Where the live controller's time comes from: the one wall clock of {@code kelvin run}. */
  private final InstantSource clock = InstantSource.system();

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec
  private CommandSpec spec;

  @Option(names = "--config", defaultValue = "kelvin.yaml",
      description = "The configuration file, YAML (default: ${DEFAULT-VALUE}).")
  private Path config;

  @Option(names = "--check",
      description = "Read and check the configuration, print what it says, and exit.")
  private boolean check;

  @Override
  public Integer call() throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    PrintWriter out = spec.commandLine().getOut();
    RunConfig settings = RunConfig.read(config);
    if (check) {
      out.println(config + ": configuration is valid");
      RunBanner.settings(settings.controller()).forEach(out::println);
      out.println(RunBanner.workload(settings.slurm()));
      out.flush();
      return 0;
    }
    long started = System.nanoTime();
    ControllerSettings controller = settings.controller();
    controller.dashboard().ifPresent(dashboard -> PortPreflight.requireFree("HTTP",
        dashboard.host(), dashboard.port(), "dashboard.port in " + config));
    RulePolicy rules = RulesWatch.load(settings.rules(),
        ActionIds.forController(clock.instant(), new SecureRandom()));
    try (ShutdownSignal stop = ShutdownSignal.install();
        Schedulers schedulers = Schedulers.wallClock();
        SlurmFeed slurm = SlurmFeed.of(settings.slurm(), schedulers);
        Controller running = Controller.start(controller, parts(settings, schedulers, rules,
            slurm.actions()))) {
      Optional<RuleReloader> reloader = RulesWatch.start(rules, settings.rules(), schedulers,
          running);
      slurm.start(running);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      out.println(String.format(Locale.ROOT, "Kelvin %s controller ready in %.1f s",
          VersionProvider.version(), took.toMillis() / 1000.0));
      out.println(RunBanner.workload(settings.slurm()));
      RunBanner.running(running).forEach(out::println);
      out.flush();
      stop.await();
      LOG.info("stopping");
      reloader.ifPresent(RuleReloader::close);
      slurm.close();
    }
    out.println("Kelvin controller stopped.");
    out.flush();
    return 0;
  }

  private static ControllerParts parts(RunConfig settings, Schedulers schedulers,
      RulePolicy rules, Optional<SlurmActuator> slurmActions) {
    ControllerParts parts = new ControllerParts(PahoTransport.INSTANCE, schedulers, rules,
        PowerModels.load(settings.predictor()), settings.predictor().serving());
    return slurmActions.map(parts::withWorkloadActions).orElse(parts);
  }
}
