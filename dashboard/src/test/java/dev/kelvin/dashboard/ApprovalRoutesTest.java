package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.approval.ApprovalState;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeId;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The approve and reject routes over real HTTP: loopback only, 404, 409, bad bodies. */
class ApprovalRoutesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/json";

  private TestDashboard dashboard;

  @AfterEach
  void close() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  @Test
  void approving_a_proposed_action_answers_its_new_state_and_audits_the_comment()
      throws Exception {
    dashboard = new TestDashboard();
    DrainNode drain = hold("a-1");

    HttpResponse<String> response = dashboard.post("/api/actions/a-1/approve", JSON,
        "{\"comment\": \"  n07 is flaky, go  \"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MAPPER.readTree(response.body());
    assertThat(body.get("id").asText()).isEqualTo("a-1");
    assertThat(body.get("state").asText()).isEqualTo("approved");
    assertThat(body.get("actor").asText()).isEqualTo("local operator");
    assertThat(dashboard.approvals.find(drain.id()).orElseThrow().state())
        .isEqualTo(ApprovalState.APPROVED);
    AuditRecord last = dashboard.audit.recent(1).get(0);
    assertThat(last.event().stage()).isEqualTo(AuditStage.APPROVED_BY_OPERATOR);
    assertThat(last.event().detail()).isEqualTo("n07 is flaky, go");
  }

  @Test
  void rejecting_shows_in_the_action_log_with_the_operator_as_actor() throws Exception {
    dashboard = new TestDashboard();
    hold("a-1");

    assertThat(dashboard.post("/api/actions/a-1/reject", JSON, "{\"comment\": \"no\"}")
        .statusCode()).isEqualTo(200);

    JsonNode entry = MAPPER.readTree(dashboard.get("/api/actions").body()).get(0);
    assertThat(entry.get("status").asText()).isEqualTo("rejected_by_operator");
    assertThat(entry.get("actor").asText()).isEqualTo("local operator");
    assertThat(entry.get("detail").asText()).isEqualTo("no");
  }

  @Test
  void an_unknown_action_is_answered_404_naming_it_and_counted() throws Exception {
    dashboard = new TestDashboard();

    HttpResponse<String> response = dashboard.post("/api/actions/a-404/approve", JSON, "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response)).contains("a-404").contains("no action");
    assertThat(dashboard.server.stats().refused(Refusal.UNKNOWN_ACTION)).isEqualTo(1);
    assertThat(dashboard.audit.lastSeq()).isZero();
  }

  @Test
  void a_decided_action_is_answered_409_with_its_state_and_nothing_changes() throws Exception {
    dashboard = new TestDashboard();
    hold("a-1");
    dashboard.post("/api/actions/a-1/reject", JSON, "{\"comment\": \"no\"}");
    long seq = dashboard.audit.lastSeq();

    HttpResponse<String> response = dashboard.post("/api/actions/a-1/approve", JSON,
        "{\"comment\": \"yes after all\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode body = MAPPER.readTree(response.body());
    assertThat(body.get("state").asText()).isEqualTo("rejected");
    assertThat(body.get("error").asText()).contains("a-1").contains("it is rejected");
    assertThat(dashboard.audit.lastSeq()).isEqualTo(seq);
    assertThat(dashboard.server.stats().refused(Refusal.NOT_PROPOSED)).isEqualTo(1);
  }

  @Test
  void an_expired_action_is_answered_409() throws Exception {
    dashboard = new TestDashboard();
    hold("a-1");
    dashboard.approvals.expire(dashboard.clock.advance(Duration.ofSeconds(10)), true);

    HttpResponse<String> response = dashboard.post("/api/actions/a-1/approve", JSON, "{}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(MAPPER.readTree(response.body()).get("state").asText()).isEqualTo("expired");
  }

  @Test
  void a_body_that_is_not_json_or_has_the_wrong_fields_is_refused_and_changes_nothing()
      throws Exception {
    dashboard = new TestDashboard();
    hold("a-1");

    HttpResponse<String> form = dashboard.post("/api/actions/a-1/approve",
        "application/x-www-form-urlencoded", "comment=yes");
    HttpResponse<String> broken = dashboard.post("/api/actions/a-1/approve", JSON, "{comment");
    HttpResponse<String> number = dashboard.post("/api/actions/a-1/approve", JSON,
        "{\"comment\": 5}");
    HttpResponse<String> extra = dashboard.post("/api/actions/a-1/approve", JSON,
        "{\"comment\": \"x\", \"actor\": \"root\"}");
    HttpResponse<String> long1 = dashboard.post("/api/actions/a-1/approve", JSON,
        "{\"comment\": \"" + "x".repeat(ApprovalRoutes.MAX_COMMENT_CHARS + 1) + "\"}");

    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(error(form)).contains("application/json");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(error(broken)).contains("not JSON");
    assertThat(error(number)).contains("'comment' must be a string");
    assertThat(error(extra)).contains("unknown field(s) [actor]");
    assertThat(error(long1)).contains("at most 1000 characters");
    assertThat(dashboard.server.stats().refused(Refusal.BAD_APPROVAL)).isEqualTo(5);
    assertThat(dashboard.approvals.pending()).isEqualTo(1);
  }

  @Test
  void the_held_actions_are_listed_newest_first() throws Exception {
    dashboard = new TestDashboard();
    hold("a-1");
    hold("a-2", "n08");

    JsonNode list = MAPPER.readTree(dashboard.get("/api/approvals").body());

    assertThat(list).extracting(node -> node.get("id").asText()).containsExactly("a-2", "a-1");
    assertThat(list.get(0).get("state").asText()).isEqualTo("proposed");
  }

  @Test
  void a_decision_from_another_machine_is_refused_403_even_when_the_dashboard_is_exposed()
      throws Exception {
    Optional<InetAddress> own = nonLoopbackAddress();
    assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address");
    dashboard = new TestDashboard(new DashboardSettings(own.get().getHostAddress(), 0,
        Duration.ofMillis(100)), StreamLimits.DEFAULTS);
    hold("a-1");

    HttpResponse<String> response = dashboard.post("/api/actions/a-1/approve", JSON, "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response)).contains("only from the controller's own machine (loopback)")
        .contains(own.get().getHostAddress());
    assertThat(dashboard.approvals.pending()).isEqualTo(1);
    assertThat(dashboard.server.stats().refused(Refusal.NOT_LOOPBACK)).isEqualTo(1);
  }

  @Test
  void only_loopback_literals_count_as_this_machine() {
    assertThat(ApprovalRoutes.isLoopback("127.0.0.1")).isTrue();
    assertThat(ApprovalRoutes.isLoopback("127.8.9.10")).isTrue();
    assertThat(ApprovalRoutes.isLoopback("[::1]")).isTrue();
    assertThat(ApprovalRoutes.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(ApprovalRoutes.isLoopback("192.0.2.7")).isFalse();
    assertThat(ApprovalRoutes.isLoopback("::ffff:10.0.0.1")).isFalse();
    assertThat(ApprovalRoutes.isLoopback("localhost")).as("a name, never resolved").isFalse();
    assertThat(ApprovalRoutes.isLoopback("")).isFalse();
    assertThat(ApprovalRoutes.isLoopback(null)).isFalse();
  }

  private DrainNode hold(String id) {
    return hold(id, "n07");
  }

  private DrainNode hold(String id, String node) {
    DrainNode drain = new DrainNode(new ActionMeta(new ActionId(id), "failure-risk-drain",
        "failure risk 0.93", List.of(), dashboard.clock.instant(), Duration.ZERO),
        NodeId.of("site-a", node));
    dashboard.approvals.hold(drain, "needs operator approval", dashboard.clock.instant());
    return drain;
  }

  private static String error(HttpResponse<String> response) throws Exception {
    return MAPPER.readTree(response.body()).get("error").asText();
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces().filter(nic -> {
      try {
        return nic.isUp() && !nic.isLoopback();
      } catch (SocketException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance)
        .findFirst();
  }
}
