package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/models}: what serves with its provenance, and what is refused and why. */
class ModelsRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestDashboard dashboard = new TestDashboard();

  @AfterEach
  void close() {
    dashboard.close();
  }

  @Test
  void lists_every_served_model_with_its_provenance_and_every_refused_file_with_its_reason()
      throws Exception {
    dashboard.models.set(new ModelsView(
        List.of(new ModelsView.Served("failure", "failure-1a2b3c4d", "models_dir",
            "2026-01-01T00:00:00Z", false, Map.of("data", "lanl/failures.csv",
                "data_sha256", "ab".repeat(32), "trained_until", "2005-06-01T00:00:00Z"))),
        List.of(new ModelsView.Refused("/srv/models/anomaly.model", "models_dir", "feature_set",
            "model file /srv/models/anomaly.model: trained on feature set node@1, this Kelvin"
                + " computes node@2", "2026-01-01T00:05:00Z")),
        List.of(), List.of("models_dir /srv/models")));

    HttpResponse<String> response = dashboard.get("/api/models");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = JSON.readTree(response.body());
    JsonNode served = body.get("served").get(0);
    assertThat(served.get("kind").asText()).isEqualTo("failure");
    assertThat(served.get("version").asText()).isEqualTo("failure-1a2b3c4d");
    assertThat(served.get("provenance").get("data").asText()).isEqualTo("lanl/failures.csv");
    assertThat(served.get("provenance").get("trained_until").asText())
        .isEqualTo("2005-06-01T00:00:00Z");
    JsonNode refused = body.get("refused").get(0);
    assertThat(refused.get("file").asText()).isEqualTo("/srv/models/anomaly.model");
    assertThat(refused.get("reason").asText()).isEqualTo("feature_set");
    assertThat(refused.get("detail").asText()).contains("trained on feature set");
    assertThat(refused.get("at").asText()).isEqualTo("2026-01-01T00:05:00Z");
    assertThat(body.get("folders").get(0).asText()).isEqualTo("models_dir /srv/models");
  }

  @Test
  void answers_empty_lists_when_no_model_is_wired() throws Exception {
    JsonNode body = JSON.readTree(dashboard.get("/api/models").body());

    assertThat(body.get("served")).isEmpty();
    assertThat(body.get("refused")).isEmpty();
  }

  @Test
  void the_page_has_a_models_panel_that_reads_the_route() throws Exception {
    assertThat(dashboard.get("/").body()).contains("id=\"models\"", "id=\"models-refused\"");
    assertThat(dashboard.get("/app.js").body()).contains("'/api/models'");
  }
}
