package dev.kelvin.dashboard;

import dev.kelvin.core.time.Scheduler;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.javalin.util.JavalinLogger;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's web UI and REST API on Javalin: {@code /} (the page), {@code /api/nodes},
 * {@code /api/actions}, {@code /api/audit}, {@code /api/ingest}, {@code /api/history} (total
 * power, last ten minutes), {@code /api/models} (models served and refused), {@code /api/approvals}, {@code POST /api/actions/{id}/approve} and
 * {@code /reject} ({@link ApprovalRoutes}: loopback only), {@code /api/events} (server-sent
 * events), {@code /health} and {@code /metrics}. Start it with
 * {@link #start}; {@link #close} stops pushing, ends open event streams and stops Jetty.
 *
 * <p>Every answer carries {@link SecurityHeaders}; a request whose {@code Host} is not one of
 * the dashboard's names is refused ({@link HostGate}); event streams are bounded
 * ({@link StreamLimits}); a connection that sends its request too slowly is closed
 * ({@link SlowRequestGuard}); listening on an address other machines can reach is warned about
 * at start ({@link Exposure}).
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  /** Actions the dashboard remembers; older ones stay in the audit log. */
  static final int LEDGER_CAPACITY = 10_000;
  /** What a client refused a stream is told to wait before it tries again. */
  static final Duration STREAM_RETRY_AFTER = Duration.ofSeconds(10);

  private final Javalin app;
  private final Parts parts;
  private final EventHub events;
  private final Scheduler.Task sweeps;
  private final String host;
  private final int port;
  private volatile boolean closed;

  private DashboardServer(Javalin app, Parts parts, Scheduler.Task sweeps, String host,
      int port) {
    this.app = app;
    this.parts = parts;
    this.events = parts.events();
    this.sweeps = sweeps;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts the dashboard on {@code settings}' address, serving {@code sources}.
   *
   * @throws PortInUseException when another process listens on the port
   * @throws IllegalArgumentException when the host is not an address of this machine
   */
  public static DashboardServer start(DashboardSettings settings, DashboardSources sources) {
    return start(settings, sources, StreamLimits.DEFAULTS);
  }

  /** As {@link #start(DashboardSettings, DashboardSources)}, with the given stream limits. */
  static DashboardServer start(DashboardSettings settings, DashboardSources sources,
      StreamLimits limits) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(limits, "limits");
    PortCheck.requireFree(settings.host(), settings.port());
    Parts parts = Parts.of(settings, sources, limits);
    Javalin app = Javalin.create(config -> configure(config, settings, parts));
    Scheduler.Task sweeps = parts.slowRequests().sweepOn(sources.scheduler());
    try {
      startJetty(app, settings);
    } catch (RuntimeException e) {
      sweeps.cancel();
      parts.events().close();
      throw e;
    }
    parts.events().start(settings.pushInterval());
    DashboardServer server = new DashboardServer(app, parts, sweeps, settings.host(),
        app.port());
    LOG.info("Dashboard listening on {}", server.uri());
    Exposure.warning(settings.host(), server.port()).ifPresent(LOG::warn);
    return server;
  }

  /** The port it listens on: the configured one, or the one picked for port 0. */
  public int port() {
    return port;
  }

  /** The address of the page, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + port + "/");
  }

  /** The number of open event streams (for tests and diagnostics). */
  int streamClients() {
    return events.clientCount();
  }

  /** Event streams dropped since start for not keeping up (for tests and diagnostics). */
  long droppedStreamClients() {
    return events.droppedCount();
  }

  /** Open streams, dropped streams and refusals by reason, for {@code /metrics}. */
  public DashboardStats stats() {
    return new DashboardStats(events.clientCount(), events.droppedCount(), Map.of(
        Refusal.FOREIGN_HOST, parts.hosts().refusedCount(),
        Refusal.STREAM_LIMIT, events.refusedCount(),
        Refusal.SLOW_REQUEST, parts.slowRequests().cutCount(),
        Refusal.NOT_LOOPBACK, parts.approvals().refusedCount(Refusal.NOT_LOOPBACK),
        Refusal.BAD_APPROVAL, parts.approvals().refusedCount(Refusal.BAD_APPROVAL),
        Refusal.UNKNOWN_ACTION, parts.approvals().refusedCount(Refusal.UNKNOWN_ACTION),
        Refusal.NOT_PROPOSED, parts.approvals().refusedCount(Refusal.NOT_PROPOSED)));
  }

  /** Stops pushing, closes every event stream and stops Jetty. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sweeps.cancel();
    events.close();
    try {
      app.stop();
    } catch (RuntimeException e) {
      LOG.warn("Dashboard on port {} did not stop cleanly: {}", port, e.toString());
    }
  }

  private static void configure(JavalinConfig config, DashboardSettings settings, Parts parts) {
    quietStartup(config);
    config.jetty.addConnector((server, http) -> connector(server, http, settings,
        parts.slowRequests()));
    ApiRoutes api = parts.api();
    PageFiles page = parts.page();
    config.routes.before(SecurityHeaders::add);
    config.routes.before(parts.hosts()::handle);
    config.routes.get("/", ctx -> page.serve("index.html", ctx));
    for (String name : page.names()) {
      config.routes.get("/" + name, ctx -> page.serve(name, ctx));
    }
    EventHub events = parts.events();
    SseHandler stream = new SseHandler(events::connect);
    config.routes.get("/api/nodes", api::nodes);
    config.routes.get("/api/actions", api::actions);
    config.routes.get("/api/audit", api::audit);
    config.routes.get("/api/ingest", api::ingest);
    config.routes.get("/api/history", api::history);
    config.routes.get("/api/models", api::models);
    ApprovalRoutes approvals = parts.approvals();
    config.routes.get("/api/approvals", approvals::list);
    config.routes.post("/api/actions/{id}/approve", approvals::approve);
    config.routes.post("/api/actions/{id}/reject", approvals::reject);
    config.routes.get("/api/events", ctx -> eventStream(ctx, events, stream));
    config.routes.get("/health", api::health);
    config.routes.get("/metrics", api::metrics);
    config.routes.exception(BadQueryException.class, api::badQuery);
    config.routes.exception(Exception.class, api::failure);
  }

  /**
   * Javalin's banner, version check and start-up lines off: this server logs one line of its
   * own. {@code startupInfo} is a Javalin-wide switch; the dashboard is Kelvin's only Javalin.
   * Jetty's own INFO lines are left to the application's logging configuration.
   */
  private static void quietStartup(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.startup.startupWatcherEnabled = false;
    JavalinLogger.startupInfo = false;
  }

  /**
   * Javalin answers an SSE route with an empty 200 unless asked for a stream: say so. When every
   * stream slot is taken, 503 (the page retries).
   */
  private static void eventStream(Context ctx, EventHub events, SseHandler stream)
      throws Exception {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      ApiRoutes.json(ctx, 406, Map.of("error", "/api/events is a server-sent event stream:"
          + " send 'Accept: text/event-stream' (a browser's EventSource does)"));
    } else if (!events.admit(ctx.ip())) {
      ctx.header("Retry-After", String.valueOf(STREAM_RETRY_AFTER.toSeconds()));
      ApiRoutes.json(ctx, 503, Map.of("error", "every event stream of this dashboard is taken;"
          + " try again later"));
    } else {
      stream.handle(ctx);
    }
  }

  /**
   * The one HTTP/1.1 connector: on the configured address, with the idle timeout, and every
   * connection watched for slow requests. Javalin adds no connector of its own then.
   */
  private static Connector connector(Server server, HttpConfiguration http,
      DashboardSettings settings, SlowRequestGuard slowRequests) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    connector.addEventListener(slowRequests);
    return connector;
  }

  private static void startJetty(Javalin app, DashboardSettings settings) {
    try {
      app.start();
    } catch (RuntimeException e) {
      stopQuietly(app);
      if (PortCheck.isInUse(e)) {
        throw new PortInUseException(settings.host(), settings.port());
      }
      throw new IllegalStateException("dashboard could not start on " + settings.host() + ":"
          + settings.port() + ": " + rootMessage(e));
    }
  }

  private static void stopQuietly(Javalin app) {
    try {
      app.stop();
    } catch (RuntimeException ignored) {
      // Already failed to start; the start failure is what the caller needs to see.
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The parts that outlive one request, built once per server. */
  private record Parts(ApiRoutes api, PageFiles page, HostGate hosts, EventHub events,
      SlowRequestGuard slowRequests, ApprovalRoutes approvals) {
    static Parts of(DashboardSettings settings, DashboardSources sources, StreamLimits limits) {
      LiveViews views = new LiveViews(sources,
          new ActionLedger(sources.audit(), LEDGER_CAPACITY));
      return new Parts(new ApiRoutes(views), PageFiles.load(),
          new HostGate(HostCheck.of(settings), views), new EventHub(views, limits),
          new SlowRequestGuard(settings.requestTimeout(), views),
          new ApprovalRoutes(sources.approvals(), views));
    }
  }

  /** The dashboard's port is taken by another process. The message is one line. */
  public static final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    public PortInUseException(String host, int port) {
      super("HTTP port " + port + " on " + host + " is already in use", null, false, false);
      this.host = host;
      this.port = port;
    }

    public String host() {
      return host;
    }

    public int port() {
      return port;
    }
  }
}
