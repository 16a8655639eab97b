package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser journeys in headless Chromium for the Champions' and managers' pages, with axe-core on
 * every template they use: zero serious or critical violations.
 */
class OpsKbBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static PortalFixture fx;
  static ChromeDriver driver;

  /**
   * Chromium's and chromedriver's temporary files (the profile, the singleton socket), which they
   * leave in the temporary directory they are given; removed after the browser has quit.
   */
  @TempDir static Path browserTmp;

  @BeforeAll
  static void start() {
    String chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(Path.of(chromedriver)),
        "headless Chromium and chromedriver are not installed");
    fx = new PortalFixture();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .withEnvironment(Map.of("TMPDIR", browserTmp.toString()))
            .build();
    driver = new ChromeDriver(service, o);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (fx != null) {
      fx.close();
    }
  }

  @BeforeEach
  void freshBrowser() {
    driver.manage().deleteAllCookies();
  }

  @Test
  void aChampionDraftsASecondApprovesAndItIsSearchableWithinASecond() {
    signIn("u-emma-clarke");
    open("/champion");
    axe("champion dashboard");
    open("/champion/new");
    axe("editor");
    driver.findElement(By.id("id")).sendKeys("claim-a-zorblet");
    driver.findElement(By.id("title")).sendKeys("Claim a zorblet");
    driver.findElement(By.id("body")).sendKeys("Zorblets are claimed in the **staff shop**.");
    // The live preview: the server's renderer, swapped in by the editor's script.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElement(By.id("preview-body")).findElements(By.tagName("strong")).stream()
                    .anyMatch(e -> e.getText().equals("staff shop")));
    new Select(driver.findElement(By.id("service")))
        .selectByVisibleText("Software and applications");
    button("Save draft").click();
    waitFor("Draft saved.");
    axe("article page");
    button("Submit for review").click();
    waitFor("Submitted for review.");
    assertThat(driver.findElement(By.id("own-article")).getText())
        .contains("another Champion must approve it");
    assertThat(driver.findElements(By.xpath("//button[normalize-space()='Approve and publish']")))
        .isEmpty();
    axe("article in review, own");

    signIn("u-chris-walker");
    open("/champion");
    driver.findElement(By.linkText("Claim a zorblet")).click();
    waitFor("Approve and publish");
    axe("article in review, another's");
    long t0 = System.nanoTime();
    button("Approve and publish").click();
    waitFor("Approved and published");
    long approved = System.nanoTime();
    // One search, no retry: the approval returns only once the index serves the article.
    String found = searchIds("zorblet staff shop");
    long searchable = System.nanoTime();
    assertThat(found).startsWith("claim-a-zorblet");
    long ms = (searchable - approved) / 1_000_000;
    long approvedMs = (approved - t0) / 1_000_000;
    assertThat(ms).as("approval shown to found by the search API, ms").isLessThan(1000);
    // And readers find it on the portal's search page.
    open("/kb?q=zorblet+staff+shop");
    assertThat(driver.getPageSource()).contains("Claim a zorblet");
    open("/champion/articles/claim-a-zorblet");
    axe("published article");
    System.out.println(
        "ops-kb: approve click to approval shown "
            + approvedMs
            + " ms; approval shown to found by search "
            + ms
            + " ms");
  }

  @Test
  void everyChampionTemplatePassesAxe() {
    signIn("u-emma-clarke");
    open("/champion/articles/change-password/edit");
    axe("editor, editing");
    driver.findElement(By.id("body")).sendKeys("\nOne more line from the browser.");
    button("Save draft").click();
    waitFor("Draft saved.");
    open("/champion/articles/change-password/history");
    assertThat(driver.findElements(By.cssSelector(".fd-diff__row--added"))).isNotEmpty();
    axe("history with a diff");
    open("/champion/articles/change-password/feedback");
    axe("feedback");
    open("/champion/stale");
    axe("stale");
    searchIds("holographic stapler repair");
    open("/champion/gaps");
    assertThat(driver.getPageSource()).contains("holographic stapler repair");
    axe("gaps");
    driver.findElement(By.partialLinkText("Write an article for this")).click();
    waitFor("Write an article</h1>");
    assertThat(driver.findElement(By.id("title")).getDomProperty("value"))
        .isEqualTo("Holographic stapler repair");
    open("/champion/synonyms");
    axe("synonyms");
    button("Save group").click();
    waitFor("There is a problem");
    axe("synonyms with errors");
    open("/champion/new");
    button("Save draft").click();
    waitFor("There is a problem");
    assertThat(driver.getTitle()).startsWith("Error:");
    axe("editor with errors");
  }

  @Test
  void aManagerReadsTheDashboardAndDownloadsTheCsv() {
    signIn("u-fiona-campbell");
    open("/manager?period=30");
    assertThat(driver.findElements(By.cssSelector("svg.fd-chart"))).hasSize(8);
    axe("manager dashboard");
    WebElement link = driver.findElement(By.partialLinkText("Download Tickets by channel as CSV"));
    @SuppressWarnings("unchecked")
    Map<String, Object> got =
        (Map<String, Object>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r =>"
                        + " done({status: r.status, type: r.headers.get('content-type'),"
                        + " disposition: r.headers.get('content-disposition'), body: await"
                        + " r.text()}));",
                    link.getDomProperty("href"));
    assertThat(got.get("status")).isEqualTo(200L);
    assertThat((String) got.get("type")).startsWith("text/csv");
    assertThat((String) got.get("disposition")).contains("attachment", ".csv");
    String csv = (String) got.get("body");
    assertThat(csv).startsWith("Channel,Tickets\r\n");
    assertThat(csv.lines().skip(1).allMatch(l -> l.matches("[^,]+,\\d+"))).isTrue();

    open("/champion");
    assertThat(driver.getTitle()).startsWith("You cannot do that");
    axe("403 page");
  }

  private static void signIn(String userId) {
    driver.manage().deleteAllCookies();
    open("/sign-in/demo");
    driver
        .findElement(
            By.xpath(
                "//input[@name='userId' and @value='" + userId + "']/following-sibling::button"))
        .click();
    waitFor("Signed in as");
  }

  /** Waits for the page after a click (a form post and its redirect) to show the text. */
  private static void waitFor(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(text));
  }

  private static void open(String path) {
    driver.get(fx.baseUrl + path);
  }

  private static WebElement button(String text) {
    return driver.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  /** The ids the search API returns for a query, as the signed-in browser sees them. */
  private static String searchIds(String q) {
    Object ids =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/kb/search?q=' + encodeURIComponent(arguments[0]),"
                    + " {credentials: 'same-origin'}).then(r => r.json())"
                    + ".then(j => done(j.results.map(x => x.id).join(' ')));",
                q);
    return String.valueOf(ids);
  }

  private static void axe(String what) {
    Results r = new AxeBuilder().analyze(driver);
    List<Rule> bad =
        r.getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .toList();
    assertThat(bad)
        .as(
            what
                + ": "
                + bad.stream()
                    .map(
                        v ->
                            v.getId()
                                + " "
                                + v.getNodes().stream()
                                    .map(n -> String.valueOf(n.getTarget()))
                                    .collect(Collectors.joining(";")))
                    .collect(Collectors.joining(" | ")))
        .isEmpty();
  }
}
