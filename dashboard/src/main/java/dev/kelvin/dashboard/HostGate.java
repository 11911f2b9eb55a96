package dev.kelvin.dashboard;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs before every route (page, API, event stream, health, metrics): a request whose
 * {@code Host} header names none of the dashboard's names ({@link HostCheck}) is answered 421
 * with one line, counted, and logged at most once a minute.
 */
final class HostGate {
  private final HostCheck check;
  private final LiveViews views;
  private final AtomicLong refused = new AtomicLong();

  HostGate(HostCheck check, LiveViews views) {
    this.check = check;
    this.views = views;
  }

  void handle(Context ctx) {
    String host = ctx.header("Host");
    if (check.allows(host)) {
      return;
    }
    long total = refused.incrementAndGet();
    views.warn("foreign host", "dashboard refused a request for " + ctx.path() + " from "
        + ctx.ip() + " with Host " + HostCheck.quoted(host) + " (DNS rebinding, or a name of"
        + " this machine missing from dashboard.allowed_hosts?); " + total
        + " refused since start");
    ApiRoutes.json(ctx, 421, Map.of("error", "this dashboard does not answer to Host "
        + HostCheck.quoted(host) + "; its operator can add the name to"
        + " dashboard.allowed_hosts"));
    ctx.skipRemainingHandlers();
  }

  /** Requests refused since start. */
  long refusedCount() {
    return refused.get();
  }
}
