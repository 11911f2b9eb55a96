package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.audit.AuditStage;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardPageTest {
  private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

  private final TestDashboard dashboard = new TestDashboard();

  @AfterEach
  void stop() {
    dashboard.close();
  }

  private static String withoutComments(String text) {
    String out = HTML_COMMENT.matcher(text).replaceAll("");
    out = BLOCK_COMMENT.matcher(out).replaceAll("");
    return LINE_COMMENT.matcher(out).replaceAll("");
  }

  @Test
  void root_serves_the_page_with_the_element_ids_browser_tests_use() throws Exception {
    HttpResponse<String> page = dashboard.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("id=\"summary\"", "id=\"nodes\"", "id=\"actions\"", "<tbody>",
            "id=\"power-chart\"", "id=\"connection\"", "src=\"app.js\"", "href=\"style.css\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/app.js", "/style.css"})
  void page_files_load_nothing_from_another_host(String path) throws Exception {
    HttpResponse<String> file = dashboard.get(path);
    assertThat(file.statusCode()).isEqualTo(200);

    String code = withoutComments(file.body());

    assertThat(code).doesNotContain("http://", "https://", "\"//", "'//", "(//", "@import");
  }

  @Test
  void the_script_follows_the_event_stream_and_marks_rows_for_browser_tests() throws Exception {
    HttpResponse<String> script = dashboard.get("/app.js");

    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(script.body()).contains("new EventSource('/api/events')", "dataset.node",
        "dataset.rule", "reconnecting…", "'/api/nodes'", "'/api/actions",
        "addEventListener('history'");
  }

  @Test
  void the_node_table_has_a_slurm_column_that_marks_down_and_drained_nodes() throws Exception {
    String page = withoutComments(dashboard.get("/").body());
    String script = withoutComments(dashboard.get("/app.js").body());

    assertThat(page).contains(">Slurm</th>");
    assertThat(script).contains("node.state", "' (drained)'", "'down'", "temp-hot", "temp-warm",
        "dataset.state");
  }

  @ParameterizedTest
  @EnumSource(AuditStage.class)
  void the_stylesheet_gives_every_audit_stage_a_badge(AuditStage stage) throws Exception {
    String css = withoutComments(dashboard.get("/style.css").body());

    assertThat(css).contains(".status-" + stage.label());
  }

  @Test
  void the_stylesheet_is_served_as_css() throws Exception {
    HttpResponse<String> css = dashboard.get("/style.css");

    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
  }
}
