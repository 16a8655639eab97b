package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The requester journeys in real headless Chromium (Debian's chromium and chromedriver), with
 * axe-core on every page template (no serious or critical violations), focus and tab order on the
 * forms, and no Content-Security-Policy violations in the console. Screenshots go to {@code
 * target/screenshots}.
 */
class PortalBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "screenshots");
  static PortalFixture fx;
  WebDriver browser;

  /**
   * Chromium's and chromedriver's temporary files (the profile, the singleton socket), which they
   * leave in the temporary directory they are given, and the file the test attaches; removed after
   * the browser has quit.
   */
  @TempDir Path browserTmp;

  final List<String> pagesChecked = new ArrayList<>();

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed");
    // One school with its own provider, so the sign-in page shows the school picker. The provider
    // is never contacted here (PortalSchoolOidcIT signs in through one).
    String oak = io.frontdesk.portal.PortalConfig.SchoolOidc.prefix("oakfield-academy");
    fx =
        new PortalFixture(
            java.util.Map.of(
                io.frontdesk.portal.PortalConfig.SCHOOL_OIDC,
                "oakfield-academy",
                oak + "ISSUER",
                "http://127.0.0.1:9/oakfield",
                oak + "CLIENT_ID",
                "frontdesk",
                oak + "CLIENT_SECRET",
                "not-used-in-this-test",
                oak + "DOMAINS",
                "oakfield.northshire.sch.uk"));
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @BeforeEach
  void openBrowser() throws Exception {
    Files.createDirectories(SHOTS);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toString());
    o.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .withEnvironment(java.util.Map.of("TMPDIR", browserTmp.toString()))
                .build(),
            o);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  void go(String path) {
    browser.get(fx.baseUrl + path);
  }

  /**
   * The element, waiting up to 10 s for it to appear: after a click that submits a form or follows
   * a link, the next page may not have loaded yet when the test looks.
   */
  WebElement el(String css) {
    return waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  void shot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  /** axe-core on the current page: no serious or critical violations. */
  void accessible(String name) throws Exception {
    Results r =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze(browser);
    List<String> bad = new ArrayList<>();
    for (Rule v : r.getViolations()) {
      if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
        bad.add(
            v.getId()
                + ": "
                + v.getHelp()
                + " "
                + v.getNodes().stream().map(n -> n.getTarget().toString()).toList());
      }
    }
    assertThat(bad).as("axe on " + name).isEmpty();
    pagesChecked.add(name);
    shot(name);
  }

  /** GOV.UK Frontend (a deferred module) moves focus to the error summary once it has run. */
  void summaryFocused() {
    WebElement summary = el(".govuk-error-summary");
    waiting(10).until(b -> b.switchTo().activeElement().equals(summary));
  }

  void noCspViolations() {
    List<String> csp =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertThat(csp).isEmpty();
  }

  /**
   * A wait that keeps polling through the errors a page swap raises mid-read. A condition that
   * reads an element of the page being left can fail with a stale element or, on recent Chromium, a
   * bare "Node with given id does not belong to the document" inspector error that is not a
   * StaleElementReferenceException; either means "not yet", and the timeout still reports the last
   * one.
   */
  FluentWait<WebDriver> waiting(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds))
        .ignoring(WebDriverException.class);
  }

  void demoSignIn(String userId) {
    go("/sign-in/demo");
    el("input[name=userId][value='" + userId + "'] ~ button").click();
    waiting(10)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".govuk-phase-banner"), "Signed in as"));
  }

  @Test
  void schoolContactRaisesATicketWithAnAttachmentAndAnotherSchoolCannotSeeIt() throws Exception {
    go("/");
    accessible("home-anonymous");
    go("/sign-in");
    accessible("sign-in");
    // Tab order on the sign-in form: email, password, then the button.
    el("#email").click();
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Sign in");
    // The school e-mail field: an address of a school without its own provider gets the summary.
    el("#school-email").sendKeys("kwhite@stmarys.northshire.sch.uk", Keys.ENTER);
    summaryFocused();
    accessible("sign-in-school-error");
    el(".govuk-error-summary a[href='#school-email']").click();
    assertThat(focused()).isEqualTo("school-email");
    assertThat(el("#school-picker").getText()).contains("Oakfield Academy");
    go("/forgot-password");
    accessible("forgot-password");
    go("/sign-in/demo");
    accessible("demo-sign-in");

    demoSignIn("u-karen-white");
    accessible("home-school");
    go("/raise");
    accessible("raise");
    go("/raise/problem");
    accessible("raise-problem");
    el("button[value=raise]").click();
    // GOV.UK Frontend moves focus to the error summary, whose links lead to the fields.
    WebElement summary = el(".govuk-error-summary");
    summaryFocused();
    accessible("raise-problem-errors");
    summary.findElement(By.cssSelector("a[href='#title']")).click();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("title");

    // With JavaScript, suggestions appear as the problem is described.
    el("#description").sendKeys("The school wifi is slow in classrooms");
    waiting(10)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fd-suggestions a[href='/kb/school-wifi']")));
    shot("raise-problem-suggestions");
    el("#description").clear();

    Path file = browserTmp.resolve("screen.png");
    Files.write(file, PortalRequesterIT.PNG);
    new org.openqa.selenium.support.ui.Select(el("#service")).selectByVisibleText("Schools ICT");
    el("#title").sendKeys("Office PC will not start");
    el("#description").sendKeys("The office PC shows a black screen after the logo.");
    el("#urgency-2").click();
    el("#attachment").sendKeys(file.toAbsolutePath().toString());
    el("button[value=raise]").click();
    waiting(15)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".govuk-notification-banner--success")));
    String ticketUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
    String ref = ticketUrl.substring(ticketUrl.lastIndexOf('/') + 1);
    assertThat(el("h1").getText()).isEqualTo("Office PC will not start");
    String attachmentUrl = el("a[href*='/attachments/']").getAttribute("href");
    accessible("ticket");
    go("/tickets");
    assertThat(el("main").getText()).contains(ref);
    accessible("tickets");
    go("/school");
    accessible("school");
    go("/status");
    accessible("status");
    noCspViolations();

    browser.manage().deleteAllCookies();
    demoSignIn("u-julie-hall");
    go("/tickets");
    assertThat(el("main").getText()).doesNotContain(ref);
    browser.get(ticketUrl);
    assertThat(el("h1").getText()).isEqualTo("Page not found");
    accessible("not-found");
    browser.get(attachmentUrl);
    assertThat(el("h1").getText()).isEqualTo("Page not found");
    shot("other-school-attachment");
  }

  @Test
  void staffMemberSearchesOpensAnArticleAndGivesFeedback() throws Exception {
    demoSignIn("u-priya-shah");
    el("#q").sendKeys("printer on my laptop");
    el("form[role=search] button").click();
    // Wait for the results page before axe runs: axe injected into the page being left fails.
    waiting(10).until(ExpectedConditions.urlContains("/kb?q="));
    el("a[href^='/kb/add-printer']");
    accessible("search-results");
    el("a[href^='/kb/add-printer']").click();
    waiting(10)
        .until(ExpectedConditions.textToBe(By.tagName("h1"), "Add a printer to your laptop"));
    accessible("article");
    el("#helpful").click();
    el("#comment").sendKeys("Clear steps");
    el("form[action$='/feedback'] button").click();
    assertThat(el(".govuk-notification-banner--success").getText())
        .contains("Thank you for your feedback");
    accessible("article-rated");
    go("/raise/request/software-install");
    accessible("catalogue-request");
    el("form[action^='/raise/request'] button").click();
    summaryFocused();
    accessible("catalogue-request-errors");
    noCspViolations();
  }

  /** The focused element's id. */
  String focused() {
    return browser.switchTo().activeElement().getAttribute("id");
  }

  @Test
  void selfServicePasswordPagesAreAccessibleAndWorkFromTheKeyboard() throws Exception {
    demoSignIn("u-tom-hughes");
    go("/account/password");
    accessible("account-password-choose");
    // Nothing chosen: the error summary takes focus and its link leads to the first radio.
    el("form[action='/account/password/start'] button").click();
    summaryFocused();
    accessible("account-password-choose-errors");
    assertThat(el("fieldset").getAttribute("aria-describedby")).isEqualTo("kind-error");
    el(".govuk-error-summary a[href='#kind']").click();
    assertThat(focused()).isEqualTo("kind");
    // The radios are one tab stop: arrows move within them, Tab goes on to the button.
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    assertThat(focused()).isEqualTo("kind-unlock");
    assertThat(el("#kind-unlock").isSelected()).isTrue();
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Send me a code");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    waiting(15).until(ExpectedConditions.textToBe(By.tagName("h1"), "Enter your code"));
    accessible("account-password-code");
    // A short code: the summary again, and its link leads to the code field.
    el("#code").sendKeys("12");
    el("#code").sendKeys(Keys.ENTER);
    summaryFocused();
    accessible("account-password-code-errors");
    el(".govuk-error-summary a[href='#code']").click();
    assertThat(focused()).isEqualTo("code");
    browser.switchTo().activeElement().clear();
    browser.switchTo().activeElement().sendKeys(fx.mailDropCode("tom.hughes"), Keys.ENTER);
    waiting(15).until(ExpectedConditions.textToBe(By.cssSelector("h1.govuk-panel__title"), "Done"));
    accessible("account-password-unlocked");

    // A reset from the keyboard: the temporary password is shown once.
    browser.manage().deleteAllCookies();
    demoSignIn("u-priya-shah");
    go("/account/password");
    el("#kind").click();
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    el("#code").sendKeys(fx.mailDropCode("priya.shah"), Keys.ENTER);
    String shown = el("#temporary-password").getText();
    assertThat(shown).hasSizeGreaterThanOrEqualTo(14);
    accessible("account-password-shown-once");
    go("/account/password");
    assertThat(el("h1").getText()).isEqualTo("Reset your password or unlock your account");
    assertThat(browser.getPageSource()).doesNotContain(shown);
    noCspViolations();
  }
}
