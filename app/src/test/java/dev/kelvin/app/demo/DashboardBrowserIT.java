package dev.kelvin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.rules.RulesWatch;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.policy.RuleDirectory;
import dev.kelvin.policy.RuleReloader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromium-driver, found through
 * KELVIN_IT_CHROMIUM and KELVIN_IT_CHROMEDRIVER): the node table fills with every node and an
 * action row with its rule and reason appears, as a person would see them, and the page's
 * Content-Security-Policy blocks nothing it needs (the browser's console would say so). Leaves a
 * screenshot in target/screenshots.
 */
class DashboardBrowserIT {
  private static DemoFixture fixture;
  private ChromeDriver browser;

  @BeforeAll
  static void startDemo() throws Exception {
    fixture = DemoFixture.start();
  }

  @AfterAll
  static void stopDemo() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(TestServices.required("KELVIN_IT_CHROMIUM"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000");
    LoggingPreferences console = new LoggingPreferences();
    console.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", console);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(TestServices.required("KELVIN_IT_CHROMEDRIVER")).toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void the_node_table_fills_and_an_action_row_appears_with_rule_and_reason() throws Exception {
    browser.get(fixture.demo().dashboardUri().toString());

    List<WebElement> rows = new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
      List<WebElement> found = page.findElements(By.cssSelector("#nodes tbody tr[data-node]"));
      return found.size() >= 32 && found.stream().allMatch(DashboardBrowserIT::showsReadings)
          ? found : null;
    });
    assertThat(rows).hasSize(32);
    assertThat(rows.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("n01");
    assertThat(browser.findElements(By.cssSelector("#nodes thead th")))
        .extracting(WebElement::getText).startsWith("Node", "Rack", "Slurm", "Power W");

    WebElement action = new WebDriverWait(browser, Duration.ofSeconds(150)).until(page ->
        page.findElements(By.cssSelector("#actions tbody tr[data-rule='thermal-cap-cpu']"))
            .stream().findFirst().orElse(null));
    assertThat(action.getText()).contains("thermal-cap-cpu").contains("°C").contains("cap CPU");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("kW");
    screenshot("dashboard.png");
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .extracting(LogEntry::getMessage).as("the browser's console")
        .noneMatch(line -> line.contains("Content Security Policy"));
  }

  @Test
  void a_broken_rule_file_shows_a_banner_with_file_and_line_until_it_is_removed(
      @TempDir Path folder) throws Exception {
    Path broken = folder.resolve("broken.drl");
    Files.writeString(broken, "package dev.kelvin.policy.rules;\n\nrule \"misspelt\"\nwhen\n"
        + "    $node : NodeThermalFact( cpuTemperature > 90 )\nthen\nend\n");
    Demo demo = fixture.demo();
    try (RuleReloader reloader = RuleReloader.start(demo.rules(), RuleDirectory.of(folder),
        demo.schedulers().get("rules"), Duration.ofMillis(500))) {
      RulesWatch.report(demo.rules(), Optional.of(reloader), demo.controller());
      browser.get(demo.dashboardUri().toString());

      WebElement banner = new WebDriverWait(browser, Duration.ofSeconds(60)).until(page -> {
        WebElement found = page.findElement(By.id("rules-banner"));
        return found.isDisplayed() ? found : null;
      });
      assertThat(banner.getText()).contains("Rule files do not compile")
          .contains(broken + " line 5").contains("cpuTemperature");
      screenshot("dashboard-rules-broken.png");

      Files.delete(broken);
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(page ->
          !page.findElement(By.id("rules-banner")).isDisplayed());
    } finally {
      RulesWatch.report(demo.rules(), Optional.empty(), demo.controller());
    }
  }

  /** Power (W), CPU temperature (°C) and frequency (MHz) cells show numbers, not blanks. */
  private static boolean showsReadings(WebElement row) {
    List<WebElement> cells = row.findElements(By.tagName("td"));
    return cells.size() >= 7 && cells.get(3).getText().matches("\\d+")
        && cells.get(4).getText().matches("\\d+\\.\\d") && cells.get(6).getText().matches("\\d+");
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
