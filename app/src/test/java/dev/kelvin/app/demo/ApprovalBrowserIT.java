package dev.kelvin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.approval.ApprovalState;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.dashboard.DashboardServer;
import dev.kelvin.dashboard.DashboardSettings;
import dev.kelvin.dashboard.DashboardSources;
import dev.kelvin.dashboard.Health;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real headless Chromium: an action held for approval shows approve and reject buttons in
 * the dashboard's action log; typing a comment and clicking approve turns its status into
 * "approved by operator", the store and the audit log say who and why.
 */
class ApprovalBrowserIT {
  private final WallClockScheduler scheduler = new WallClockScheduler("approval-it", 1,
      InstantSource.system());
  private final CountingAuditLog audit = new CountingAuditLog(new InMemoryAuditLog(1_000));
  private final ApprovalStore approvals = new ApprovalStore(audit, scheduler.clock(),
      Duration.ofHours(1));
  private DashboardServer dashboard;
  private ChromeDriver browser;

  @BeforeEach
  void start() {
    IngestCounters ingest = new IngestCounters();
    dashboard = DashboardServer.start(new DashboardSettings("127.0.0.1", 0,
        Duration.ofMillis(200)), new DashboardSources(
            new ClusterState(StateSettings.defaults()), scheduler, Optional::empty, audit,
            ingest::stats, () -> Health.of(Map.of()), () -> "", approvals));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(TestServices.required("KELVIN_IT_CHROMIUM"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(TestServices.required("KELVIN_IT_CHROMEDRIVER")).toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    scheduler.close();
  }

  @Test
  void clicking_approve_in_the_action_log_approves_the_held_action_with_its_comment() {
    DrainNode drain = new DrainNode(new ActionMeta(new ActionId("a-it-000001"),
        "failure-risk-drain", "failure risk 0.93 within 1 h", List.of(), scheduler.now(),
        Duration.ZERO), NodeId.of("site-a", "n07"));
    approvals.hold(drain, "needs operator approval", scheduler.now());
    browser.get(dashboard.uri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement row = wait.until(page -> page.findElements(By.cssSelector(
        "#actions tbody tr[data-id='a-it-000001'][data-status='held_for_approval']")).stream()
        .findFirst().orElse(null));

    row.findElement(By.cssSelector(".decision-comment")).sendKeys("n07 has flaky DIMMs");
    row.findElement(By.cssSelector("button.decision-approve")).click();

    wait.until(page -> page.findElement(By.cssSelector(
        "#actions tbody tr[data-id='a-it-000001'] .status")).getText()
        .equals("approved by operator"));
    WebElement decided = browser.findElement(By.cssSelector(
        "#actions tbody tr[data-id='a-it-000001']"));
    assertThat(decided.findElements(By.cssSelector("button"))).isEmpty();
    assertThat(decided.getText()).contains("by local operator");
    assertThat(approvals.find(drain.id()).orElseThrow().state())
        .isEqualTo(ApprovalState.APPROVED);
    assertThat(approvals.find(drain.id()).orElseThrow().comment())
        .isEqualTo("n07 has flaky DIMMs");
    assertThat(audit.count(AuditStage.APPROVED_BY_OPERATOR)).isEqualTo(1);
  }
}
