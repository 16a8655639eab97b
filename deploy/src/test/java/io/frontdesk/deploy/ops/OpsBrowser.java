package io.frontdesk.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver, so Selenium Manager downloads nothing)
 * for the desk's browser journeys, with axe-core checks.
 */
final class OpsBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final WebDriver driver;
  private final String base;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  /**
   * A browser on the server at {@code base}. Chromium and chromedriver put their temporary files
   * (the profile, the singleton socket) in {@code tmp}, and leave them there: the caller removes it
   * after {@link #close()}.
   */
  OpsBrowser(String base, Path tmp) {
    this.base = base;
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .withEnvironment(java.util.Map.of("TMPDIR", tmp.toString()))
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  OpsBrowser open(String path) {
    driver.get(base + path);
    return this;
  }

  /** Signs in through the demo sign-in page, as a person would. */
  OpsBrowser signInAs(String userId) {
    open("/sign-in/demo");
    driver
        .findElement(
            By.xpath(
                "//input[@name='userId' and @value='" + userId + "']/following-sibling::button"))
        .click();
    waitFor(d -> d.getPageSource().contains("Signed in as"));
    return this;
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  void click(By by) {
    driver.findElement(by).click();
  }

  void type(By by, String text) {
    WebElement e = driver.findElement(by);
    e.clear();
    e.sendKeys(text);
  }

  String page() {
    return driver.getPageSource();
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    // Polls through the errors a page swap raises mid-read (see PortalBrowserIT.waiting).
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(condition::apply);
  }

  /** Runs axe-core on the current page; fails on any serious or critical violation. */
  void assertAccessible() {
    Results r = new AxeBuilder().analyze(driver);
    List<String> bad =
        r.getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .map(OpsBrowser::describe)
            .toList();
    assertThat(bad).as("axe-core serious/critical violations on " + path()).isEmpty();
  }

  private static String describe(Rule v) {
    return v.getId()
        + " ("
        + v.getImpact()
        + "): "
        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
