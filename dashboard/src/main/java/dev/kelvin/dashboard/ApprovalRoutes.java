package dev.kelvin.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.approval.Decision;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/approvals} and {@code POST /api/actions/{id}/approve} and {@code /reject}
 * with a JSON body {@code {"comment": "..."}}. Until the dashboard has users and roles, a
 * decision is taken only from this machine (loopback; 403 otherwise, even when the dashboard
 * listens on other addresses) and in the name of {@link ApprovalStore#LOCAL_OPERATOR}. Only a
 * JSON body is accepted (415 otherwise): a page of another site cannot send one without the
 * browser asking first, which this dashboard never allows. An unknown action is answered 404,
 * one no longer proposed 409, each naming the action and its state, and nothing is changed.
 * Every refusal is counted by reason and logged at most once a minute per reason.
 */
final class ApprovalRoutes {
  static final int MAX_COMMENT_CHARS = 1_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ApprovalStore store;
  private final LiveViews views;
  private final Map<Refusal, AtomicLong> refused = new EnumMap<>(Refusal.class);

  ApprovalRoutes(ApprovalStore store, LiveViews views) {
    this.store = store;
    this.views = views;
    for (Refusal reason : List.of(Refusal.NOT_LOOPBACK, Refusal.BAD_APPROVAL,
        Refusal.UNKNOWN_ACTION, Refusal.NOT_PROPOSED)) {
      refused.put(reason, new AtomicLong());
    }
  }

  void list(Context ctx) {
    int limit = (int) QueryParams.within("limit", ctx.queryParam("limit"), 1,
        ApiRoutes.MAX_LIMIT, ApiRoutes.DEFAULT_LIMIT);
    ApiRoutes.json(ctx, 200, store.newest(limit).stream().map(ApprovalView::of).toList());
  }

  void approve(Context ctx) {
    decide(ctx, true);
  }

  void reject(Context ctx) {
    decide(ctx, false);
  }

  /** Decisions refused for {@code reason} since start; 0 for reasons not about approvals. */
  long refusedCount(Refusal reason) {
    AtomicLong count = refused.get(reason);
    return count == null ? 0 : count.get();
  }

  private void decide(Context ctx, boolean approve) {
    String verb = approve ? "approve" : "reject";
    if (!isLoopback(ctx.req().getRemoteAddr())) {
      refuse(ctx, 403, Refusal.NOT_LOOPBACK, "actions are approved and rejected only from the"
          + " controller's own machine (loopback) until the dashboard has users and roles;"
          + " this request came from " + ctx.req().getRemoteAddr());
      return;
    }
    ActionId id;
    String comment;
    try {
      id = actionId(ctx.pathParam("id"));
      comment = comment(ctx);
    } catch (IllegalArgumentException e) {
      int status = e instanceof UnsupportedType ? 415 : 400;
      refuse(ctx, status, Refusal.BAD_APPROVAL, "cannot " + verb + ": " + e.getMessage());
      return;
    }
    Decision decision = approve ? store.approve(id, ApprovalStore.LOCAL_OPERATOR, comment)
        : store.reject(id, ApprovalStore.LOCAL_OPERATOR, comment);
    if (decision instanceof Decision.Done done) {
      ApiRoutes.json(ctx, 200, ApprovalView.of(done.approval()));
    } else if (decision instanceof Decision.Unknown) {
      refuse(ctx, 404, Refusal.UNKNOWN_ACTION, decision.message());
    } else if (decision instanceof Decision.Conflict conflict) {
      count(Refusal.NOT_PROPOSED, decision.message());
      ApiRoutes.json(ctx, 409, Map.of("error", decision.message(), "id", id.value(),
          "state", conflict.approval().state().label()));
    } else {
      throw new AssertionError(decision);
    }
  }

  private static ActionId actionId(String raw) {
    try {
      return new ActionId(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the path names no valid action id: " + e.getMessage(),
          e);
    }
  }

  /** The comment of a body {@code {"comment": "..."}}; empty for an empty body. */
  private static String comment(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(ApiRoutes.JSON)) {
      throw new UnsupportedType("send the body as Content-Type application/json, e.g."
          + " {\"comment\": \"why\"}; it was " + (type == null ? "none" : type));
    }
    String body = ctx.body();
    if (body.isBlank()) {
      return "";
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON (" + e.getOriginalMessage()
          + "); send {\"comment\": \"why\"}", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object such as"
          + " {\"comment\": \"why\"}");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("comment")) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown field(s) " + unknown + "; the only field is"
          + " 'comment'");
    }
    JsonNode comment = tree.get("comment");
    if (comment == null || comment.isNull()) {
      return "";
    }
    if (!comment.isTextual()) {
      throw new IllegalArgumentException("'comment' must be a string, was " + comment);
    }
    if (comment.textValue().length() > MAX_COMMENT_CHARS) {
      throw new IllegalArgumentException("'comment' must be at most " + MAX_COMMENT_CHARS
          + " characters, was " + comment.textValue().length());
    }
    return comment.textValue().strip();
  }

  /** Whether {@code address} (an IP literal, as the server reports a peer) is loopback. */
  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String literal = address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1) : address;
    boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = literal.contains(":") && literal.matches("[0-9a-fA-F:.]+(%[\\w.-]+)?");
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void refuse(Context ctx, int status, Refusal reason, String message) {
    count(reason, message);
    ApiRoutes.json(ctx, status, Map.of("error", message));
  }

  private void count(Refusal reason, String message) {
    long total = refused.get(reason).incrementAndGet();
    views.warn("approval " + reason.label(), "dashboard refused an approval request ("
        + reason.label() + "): " + message + "; " + total + " refused for this reason since"
        + " start");
  }

  /** The request's body is not JSON: answered 415. */
  private static final class UnsupportedType extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedType(String message) {
      super(message);
    }
  }
}
