package dev.kelvin.dashboard;

import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REST endpoints' handlers: each reads the live sources and answers JSON. */
final class ApiRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;
  static final String JSON = "application/json";
  /** About how many points a history answer holds when no step is asked for. */
  static final int CHART_POINTS = 360;
  /** The longest history range asked by {@code minutes}: a week. */
  static final long MAX_MINUTES = 7 * 24 * 60;
  /** The longest step: a day. */
  static final long MAX_STEP_SECONDS = 24 * 60 * 60;
  static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final LiveViews views;

  ApiRoutes(LiveViews views) {
    this.views = views;
  }

  void nodes(Context ctx) {
    json(ctx, 200, views.nodes(views.snapshot()));
  }

  void actions(Context ctx) {
    int limit = (int) QueryParams.within("limit", ctx.queryParam("limit"), 1, MAX_LIMIT,
        DEFAULT_LIMIT);
    json(ctx, 200, views.actions(limit));
  }

  void audit(Context ctx) {
    long since = QueryParams.within("since", ctx.queryParam("since"), 0, Long.MAX_VALUE, 0);
    int limit = (int) QueryParams.within("limit", ctx.queryParam("limit"), 1, MAX_LIMIT,
        DEFAULT_LIMIT);
    List<AuditRecord> records = views.sources().audit().since(since, limit);
    List<AuditRecordView> out = new ArrayList<>(records.size());
    for (AuditRecord record : records) {
      out.add(AuditRecordView.of(record));
    }
    json(ctx, 200, out);
  }

  /**
   * The total power over a range, oldest first: what the page's chart starts from. Without
   * parameters, the last ten minutes; {@code ?minutes=N} the last N, or {@code ?from=&to=}
   * (ISO-8601; {@code to} defaults to now). With a history source, the answer comes from it
   * in steps ({@code ?step_s=}, by default the range over {@link #CHART_POINTS}), of every site
   * or of {@code ?site=}; an unavailable source answers 503. Without one, the dashboard's own
   * window answers (it starts empty at every start and reaches ten minutes back).
   */
  void history(Context ctx) {
    Instant now = views.sources().scheduler().now();
    Instant to = instant("to", ctx.queryParam("to"), now);
    Instant from = from(ctx, to);
    Optional<HistorySource> source = views.sources().history();
    if (source.isEmpty()) {
      boolean whole = ctx.queryParam("minutes") == null && ctx.queryParam("from") == null
          && ctx.queryParam("to") == null;
      json(ctx, 200, whole ? views.powerHistory().points()
          : views.powerHistory().points(from, to));
      return;
    }
    fromSource(ctx, source.get(), from, to);
  }

  private void fromSource(Context ctx, HistorySource source, Instant from, Instant to) {
    Optional<SiteId> site = site(ctx.queryParam("site"));
    long defaultStep = Math.max(1, (Duration.between(from, to).toSeconds() + CHART_POINTS - 1)
        / CHART_POINTS);
    Duration step = Duration.ofSeconds(QueryParams.within("step_s", ctx.queryParam("step_s"),
        1, MAX_STEP_SECONDS, defaultStep));
    try {
      HistorySource.checkRange(from, to, step);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("step_s", Long.toString(step.toSeconds()), "a step that gives"
          + " at most " + HistorySource.MAX_POINTS + " points over the range (" + e.getMessage()
          + ")");
    }
    try {
      List<PowerPoint> out = new ArrayList<>();
      for (HistorySource.PowerPoint point : source.sitePower(site, from, to, step)) {
        out.add(new PowerPoint(point.at(), point.totalPowerWatts()));
      }
      json(ctx, 200, out);
    } catch (HistorySource.Unavailable e) {
      views.warn("history", "dashboard could not read the power history: " + e.getMessage());
      json(ctx, 503, Map.of("error", "the power history is unavailable: " + e.getMessage()));
    }
  }

  private static Instant from(Context ctx, Instant to) {
    String minutes = ctx.queryParam("minutes");
    String from = ctx.queryParam("from");
    if (minutes != null && from != null) {
      throw new BadQueryException("minutes", minutes, "absent when 'from' is given");
    }
    Instant start = from != null ? instant("from", from, to)
        : to.minus(Duration.ofMinutes(QueryParams.within("minutes", minutes, 1, MAX_MINUTES,
            PowerHistory.WINDOW.toMinutes())));
    if (start.isAfter(to)) {
      throw new BadQueryException("from", from, "an instant not after 'to' (" + to + ")");
    }
    return start;
  }

  private static Instant instant(String name, String raw, Instant fallback) {
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      return Instant.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw new BadQueryException(name, raw.length() <= 40 ? raw : raw.substring(0, 37) + "...",
          "an ISO-8601 instant in UTC such as 2024-05-01T12:00:00Z");
    }
  }

  private static Optional<SiteId> site(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SiteId.of(raw));
    } catch (RuntimeException e) {
      throw new BadQueryException("site", raw.length() <= 40 ? raw : raw.substring(0, 37)
          + "...", "a site name: 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  void ingest(Context ctx) {
    IngestStats stats = views.sources().ingest().get();
    json(ctx, 200, IngestView.of(stats));
  }

  /** The models in force with their provenance, and the refused model files. */
  void models(Context ctx) {
    ModelsView models = views.sources().models().get();
    json(ctx, 200, models == null ? ModelsView.NONE : models);
  }

  void health(Context ctx) {
    Health health;
    try {
      health = views.sources().health().get();
      if (health == null) {
        health = down("the health source returned nothing");
      }
    } catch (RuntimeException e) {
      views.warn("health", "dashboard health source failed, answering DOWN: " + e);
      health = down("the health check itself failed: " + e.getMessage());
    }
    json(ctx, health.status() == Health.Status.DOWN ? 503 : 200, health);
  }

  void metrics(Context ctx) {
    String text = views.sources().prometheusText().get();
    ctx.status(200).contentType(PROMETHEUS).result(text == null ? "" : text);
  }

  void badQuery(BadQueryException e, Context ctx) {
    json(ctx, 400, e.body());
  }

  void failure(Exception e, Context ctx) {
    views.warn("endpoint " + ctx.path(), "dashboard endpoint " + ctx.path() + " failed: " + e);
    json(ctx, 500, Map.of("error", ctx.path() + " failed: " + e.getMessage()
        + " (see the controller's log)"));
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(Json.write(body));
  }

  private static Health down(String detail) {
    return Health.of(Map.of("dashboard", new Health.Component(Health.Status.DOWN, detail)));
  }
}
