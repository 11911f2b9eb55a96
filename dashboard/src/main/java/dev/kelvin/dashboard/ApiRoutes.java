package dev.kelvin.dashboard;

import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.ingest.IngestStats;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The REST endpoints' handlers: each reads the live sources and answers JSON. */
final class ApiRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;
  static final String JSON = "application/json";
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

  /** The total power of the last ten minutes, oldest first: what the page's chart starts from. */
  void history(Context ctx) {
    json(ctx, 200, views.powerHistory().points());
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
