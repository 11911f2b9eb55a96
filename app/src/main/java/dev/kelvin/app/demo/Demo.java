package dev.kelvin.app.demo;

import dev.kelvin.agent.AgentSettings;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.app.StartupException;
import dev.kelvin.app.controller.Controller;
import dev.kelvin.app.controller.ControllerParts;
import dev.kelvin.app.models.ModelServing;
import dev.kelvin.app.ops.PortPreflight;
import dev.kelvin.app.rules.RulesWatch;
import dev.kelvin.app.runtime.Closer;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.app.runtime.Threads;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.dashboard.Health;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.simulator.SimulatedNode;
import dev.kelvin.simulator.SimulatedSite;
import dev.kelvin.simulator.SiteSpec;
import dev.kelvin.telemetry.broker.BrokerRefusals;
import dev.kelvin.telemetry.broker.BrokerSettings;
import dev.kelvin.telemetry.broker.EmbeddedBroker;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code kelvin demo}: the controller assembly ({@link Controller}) plus an embedded MQTT
 * broker and a simulated site with one real node agent per node ({@link SiteAgents}), in one
 * process on the wall clock. The site's nodes are the controller's inventory: no other node
 * name registers. Slow parts (broker, rule compilation, and model training when asked for with
 * {@code --train-power-model}) start in parallel; model files are served from {@code --models}
 * and the shipped models. {@link #close()} stops everything, newest first: the agents restore their caps
 * before the controller and the broker go.
 */
public final class Demo implements AutoCloseable {
  private static final String MQTT_HOST = "127.0.0.1";

  private final Closer closer = new Closer();
  private final Schedulers schedulers = closer.add("schedulers", Schedulers.wallClock());
  private EmbeddedBroker broker;
  private DemoLogins logins;
  private Controller controller;
  private SiteAgents site;
  private Optional<ModelBoot.Trained> model = Optional.empty();
  private RulePolicy rules;
  private Duration startup;

  private Demo() {}

  /** Starts everything; on failure stops what had started and rethrows. */
  public static Demo start(DemoOptions options) {
    Demo demo = new Demo();
    try {
      demo.boot(options);
      return demo;
    } catch (RuntimeException | Error e) {
      demo.close();
      throw e;
    }
  }

  private void boot(DemoOptions options) {
    long started = System.nanoTime();
    PortPreflight.requireFree("HTTP", options.httpHost(), options.httpPort(), "--http-port");
    PortPreflight.requireFree("MQTT", MQTT_HOST, options.mqttPort(), "--mqtt-port");
    SiteSpec spec = Sites.spec(options);
    Instant start = Instant.now();
    ExecutorService boot = Executors.newFixedThreadPool(3, Threads.daemon("kelvin-boot"));
    try {
      CompletableFuture<RulePolicy> compiling = CompletableFuture.supplyAsync(
          () -> RulePolicy.load(PolicySettings.defaults(),
              ActionIds.forController(start, new SecureRandom())), boot);
      Optional<CompletableFuture<ModelBoot.Trained>> training = options.trainPowerModel()
          ? Optional.of(CompletableFuture.supplyAsync(
              () -> ModelBoot.train(spec, options, start), boot)) : Optional.empty();
      ModelServing models = ModelServing.standard(options.modelsDir(), "--models",
          ModelServing.DEFAULT_RELOAD_EVERY);
      SimulatedSite simulated = new SimulatedSite(spec, options.seed(), start);
      List<NodeId> nodes = simulated.nodes().stream().map(SimulatedNode::node).toList();
      logins = new DemoLogins(nodes, Topics.defaults());
      URI mqtt = startBroker(options);
      rules = Threads.join(compiling, "compiling the rules");
      model = training.map(trained -> Threads.join(trained, "training the power model"));
      controller = closer.add("controller", Controller.start(
          Sites.controller(options, logins.controller(mqtt), nodes),
          new ControllerParts(PahoTransport.INSTANCE, schedulers, rules,
              model.map(ModelBoot.Trained::forecaster), models)));
      site = closer.add("simulated site", SiteAgents.start(simulated,
          node -> AgentSettings.defaults(logins.agent(mqtt, node)), PahoTransport.INSTANCE,
          schedulers));
    } finally {
      boot.shutdownNow();
    }
    watch();
    startup = Duration.ofNanos(System.nanoTime() - started);
  }

  private URI startBroker(DemoOptions options) {
    try {
      broker = closer.add("embedded MQTT broker", EmbeddedBroker.start(new BrokerSettings(
          MQTT_HOST, options.mqttPort(), BrokerSettings.DEFAULT_MAX_QUEUED,
          options.workDir().resolve("broker")), logins.access()));
    } catch (EmbeddedBroker.PortInUseException e) {
      throw new StartupException(e.getMessage() + "; choose another with --mqtt-port");
    }
    return broker.uri();
  }

  /** The broker and the agents in /health and /metrics, beside the controller's own parts. */
  private void watch() {
    controller.metrics().bindBrokerDrops(broker::droppedMessages);
    controller.metrics().bindBrokerRefusals(broker.refusals());
    controller.metrics().bindAgents(site::stats);
    controller.healthOf("broker", () -> broker.droppedMessages() == 0
        ? new Health.Component(Health.Status.UP, "embedded at " + broker.uri())
        : new Health.Component(Health.Status.DEGRADED, "embedded at " + broker.uri()
            + " dropped " + broker.droppedMessages() + " message(s): readings or commands lost"));
    RulesWatch.report(rules, Optional.empty(), controller);
    controller.healthOf("agents", () -> {
      long connected = site.stats().stream().filter(stats -> stats.connected()).count();
      return new Health.Component(connected == site.agents().size() ? Health.Status.UP
          : Health.Status.DEGRADED, connected + " of " + site.agents().size()
          + " simulated nodes' agents connected");
    });
  }

  /** The lines the command prints once everything runs. */
  public List<String> banner() {
    return Banner.lines(this);
  }

  public URI dashboardUri() {
    return controller.dashboardUri().orElseThrow();
  }

  public URI mqttUri() {
    return broker.uri();
  }

  /** The run's logins: how the controller, each agent and a watcher connect. */
  public DemoLogins logins() {
    return logins;
  }

  /** What the embedded broker refused so far. */
  public BrokerRefusals brokerRefusals() {
    return broker.refusals();
  }

  public Duration startup() {
    return startup;
  }

  public Controller controller() {
    return controller;
  }

  /** The schedulers every part runs on, by role. */
  Schedulers schedulers() {
    return schedulers;
  }

  SimulatedSite site() {
    return site.site();
  }

  List<NodeAgent> agents() {
    return site.agents();
  }

  /** The power model trained at start-up, when asked for. */
  Optional<ModelBoot.Trained> model() {
    return model;
  }

  RulePolicy rules() {
    return rules;
  }

  @Override
  public void close() {
    closer.close();
  }
}
