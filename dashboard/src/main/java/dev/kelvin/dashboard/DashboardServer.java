package dev.kelvin.dashboard;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.javalin.util.JavalinLogger;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's web UI and REST API on Javalin: {@code /} (the page), {@code /api/nodes},
 * {@code /api/actions}, {@code /api/audit}, {@code /api/ingest}, {@code /api/history} (total
 * power, last ten minutes), {@code /api/events} (server-sent events), {@code /health} and
 * {@code /metrics}. Start it with
 * {@link #start}; {@link #close} stops pushing, ends open event streams and stops Jetty.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  /** Actions the dashboard remembers; older ones stay in the audit log. */
  static final int LEDGER_CAPACITY = 10_000;

  private final Javalin app;
  private final EventHub events;
  private final String host;
  private final int port;
  private volatile boolean closed;

  private DashboardServer(Javalin app, EventHub events, String host, int port) {
    this.app = app;
    this.events = events;
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
    LiveViews views = new LiveViews(sources, new ActionLedger(sources.audit(), LEDGER_CAPACITY));
    EventHub events = new EventHub(views, limits);
    ApiRoutes api = new ApiRoutes(views);
    PageFiles page = PageFiles.load();
    Javalin app = Javalin.create(config -> configure(config, api, events, page));
    try {
      startJetty(app, settings);
    } catch (RuntimeException e) {
      events.close();
      throw e;
    }
    events.start(settings.pushInterval());
    DashboardServer server = new DashboardServer(app, events, settings.host(), app.port());
    LOG.info("Dashboard listening on {}", server.uri());
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

  /** Stops pushing, closes every event stream and stops Jetty. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    events.close();
    try {
      app.stop();
    } catch (RuntimeException e) {
      LOG.warn("Dashboard on port {} did not stop cleanly: {}", port, e.toString());
    }
  }

  private static void configure(JavalinConfig config, ApiRoutes api, EventHub events,
      PageFiles page) {
    quietStartup(config);
    config.routes.get("/", ctx -> page.serve("index.html", ctx));
    for (String name : page.names()) {
      config.routes.get("/" + name, ctx -> page.serve(name, ctx));
    }
    SseHandler stream = new SseHandler(events::connect);
    config.routes.get("/api/nodes", api::nodes);
    config.routes.get("/api/actions", api::actions);
    config.routes.get("/api/audit", api::audit);
    config.routes.get("/api/ingest", api::ingest);
    config.routes.get("/api/history", api::history);
    config.routes.get("/api/events", ctx -> eventStream(ctx, stream));
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

  /** Javalin answers an SSE route with an empty 200 unless asked for a stream: say so. */
  private static void eventStream(Context ctx, SseHandler stream) throws Exception {
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/event-stream")) {
      stream.handle(ctx);
    } else {
      ApiRoutes.json(ctx, 406, Map.of("error", "/api/events is a server-sent event stream:"
          + " send 'Accept: text/event-stream' (a browser's EventSource does)"));
    }
  }

  private static void startJetty(Javalin app, DashboardSettings settings) {
    try {
      app.start(settings.host(), settings.port());
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
