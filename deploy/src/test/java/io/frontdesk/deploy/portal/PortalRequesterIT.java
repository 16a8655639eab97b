package io.frontdesk.deploy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.security.Role;
import io.frontdesk.portal.PortalConfig;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requester journeys over HTTP (no browser): knowledge with feedback, raising tickets and requests
 * with GOV.UK field errors, attachments, comments, and school isolation on every ticket route.
 */
class PortalRequesterIT {
  static PortalFixture fx;
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @BeforeAll
  static void start() {
    // No caching of the popular and browse lists here: ArticleListingsTest covers the cache.
    fx = new PortalFixture(Map.of(PortalConfig.LISTINGS_CACHE_SECONDS, "0"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void staffSearchOpenArticleAndSayItHelped() {
    PortalClient c = fx.client().signInAs(Role.STAFF);
    HttpResponse<String> results = c.get("/kb?q=add+a+printer");
    assertThat(results.statusCode()).isEqualTo(200);
    Matcher link =
        Pattern.compile("href=\"(/kb/add-printer\\?qid=[^\"]+)\"").matcher(results.body());
    assertThat(link.find()).as(results.body()).isTrue();
    assertThat(results.body()).contains("Search results for ‘add a printer’");
    // Pages are encoded to UTF-8 piece by piece as they render: wide characters arrive intact.
    String wide = "café printer ‘日本’ \uD83D\uDE00";
    assertThat(c.get("/kb?q=" + URLEncoder.encode(wide, StandardCharsets.UTF_8)).body())
        .contains("value=\"" + wide + "\"", "Search results for ‘" + wide + "’");
    HttpResponse<String> article = c.get(link.group(1));
    assertThat(article.statusCode()).isEqualTo(200);
    assertThat(article.body()).contains("Add a printer to your laptop", "Did this help?");

    HttpResponse<String> missing = c.post("/kb/add-printer/feedback", Map.of());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("href=\"#helpful\"", "Select yes if this article helped");

    HttpResponse<String> rated = c.post("/kb/add-printer/feedback", Map.of("helpful", "yes"));
    assertThat(rated.statusCode()).isEqualTo(303);
    assertThat(c.get("/kb/add-printer?rated=1").body()).contains("Thank you for your feedback");
  }

  @Test
  void schoolUsersSeeOnlySchoolsAndAllArticles() {
    PortalClient school = fx.client().signInAs(Role.SCHOOL_CONTACT);
    assertThat(school.get("/kb/add-printer").statusCode()).isEqualTo(404);
    assertThat(school.get("/kb/school-wifi").statusCode()).isEqualTo(200);
    assertThat(school.get("/kb?q=printer").body()).doesNotContain("/kb/add-printer");
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    assertThat(staff.get("/kb/school-wifi").statusCode()).isEqualTo(404);
    assertThat(school.post("/kb/add-printer/feedback", Map.of("helpful", "no")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void problemFormShowsEveryErrorInTheSummaryThenRaisesWithAnAttachmentShownInert() {
    PortalClient karen = fx.client().signInAs("u-karen-white");
    karen.get("/raise/problem");
    HttpResponse<String> empty =
        karen.postMultipart("/raise/problem", Map.of("action", "raise"), null);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body())
        .contains("<title>Error: Report a problem")
        .contains(
            "href=\"#service\"", "href=\"#title\"", "href=\"#description\"", "href=\"#urgency\"");

    HttpResponse<String> suggest =
        karen.postMultipart(
            "/raise/problem",
            Map.of("action", "suggest", "title", "wifi", "description", "The school wifi is slow"),
            null);
    assertThat(suggest.statusCode()).isEqualTo(200);
    assertThat(suggest.body()).contains("These articles might help", "/kb/school-wifi");

    HttpResponse<String> badFile =
        karen.postMultipart(
            "/raise/problem",
            problem("Printer jam"),
            new PortalClient.FilePart("attachment", "tool.exe", "image/png", "MZ\0\0".getBytes()));
    assertThat(badFile.statusCode()).isEqualTo(400);
    assertThat(badFile.body()).contains("href=\"#attachment\"");

    String ref = raise(karen, "<script>alert('x')</script> office printer jammed");
    HttpResponse<String> page = karen.get("/tickets/" + ref);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("&lt;script&gt;alert(")
        .doesNotContain("<script>alert(")
        .contains("screen.png");
    assertThat(karen.get("/tickets").body()).contains(ref);

    Matcher file =
        Pattern.compile("href=\"(/tickets/" + ref + "/attachments/[0-9a-f]{24})\"")
            .matcher(page.body());
    assertThat(file.find()).isTrue();
    HttpResponse<String> download = karen.get(file.group(1));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");

    karen.get("/tickets/" + ref);
    assertThat(
            karen
                .post("/tickets/" + ref + "/comments", Map.of("comment", "<b>still</b> jammed"))
                .statusCode())
        .isEqualTo(303);
    assertThat(karen.get("/tickets/" + ref).body()).contains("&lt;b&gt;still&lt;/b&gt; jammed");
  }

  @Test
  void anotherSchoolCannotReachATicketByListUrlAttachmentOrAction() {
    PortalClient karen = fx.client().signInAs("u-karen-white");
    String ref = raise(karen, "Interactive whiteboard pen not working");
    Matcher file =
        Pattern.compile("href=\"(/tickets/" + ref + "/attachments/[0-9a-f]{24})\"")
            .matcher(karen.get("/tickets/" + ref).body());
    assertThat(file.find()).isTrue();
    String attachment = file.group(1);

    PortalClient sarah = fx.client().signInAs("u-sarah-jones"); // St Mary's admin: sees it
    assertThat(sarah.get("/tickets").body()).contains(ref);
    assertThat(sarah.get("/tickets/" + ref).statusCode()).isEqualTo(200);
    assertThat(sarah.get(attachment).statusCode()).isEqualTo(200);

    for (String other : List.of("u-julie-hall", "u-paul-roberts", "u-priya-shah")) {
      PortalClient o = fx.client().signInAs(other);
      assertThat(o.get("/tickets").body()).as(other).doesNotContain(ref);
      assertThat(o.get("/tickets/" + ref).statusCode()).as(other).isEqualTo(404);
      assertThat(o.get(attachment).statusCode()).as(other).isEqualTo(404);
      assertThat(o.get("/tickets/" + ref).body()).doesNotContain("whiteboard");
      o.get("/");
      assertThat(o.post("/tickets/" + ref + "/comments", Map.of("comment", "hi")).statusCode())
          .isEqualTo(404);
      assertThat(o.post("/tickets/" + ref + "/reopen", Map.of("reason", "x")).statusCode())
          .isEqualTo(404);
      assertThat(o.post("/tickets/" + ref + "/rating", Map.of("rating", "1")).statusCode())
          .isEqualTo(404);
      assertThat(
              o.postMultipart(
                      ref.isEmpty() ? "" : "/tickets/" + ref + "/attachments",
                      Map.of(),
                      new PortalClient.FilePart("attachment", "a.png", "image/png", PNG))
                  .statusCode())
          .isEqualTo(404);
      assertThat(o.api("GET", "/api/desk/tickets/" + ref, null).statusCode()).isEqualTo(404);
    }
    assertThat(karen.get("/tickets/" + ref).body()).doesNotContain("hi</p>");
  }

  @Test
  void catalogueRequestShowsFieldErrorsThenRaisesARequest() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    assertThat(staff.get("/raise").body()).contains("/raise/request/software-install");
    staff.get("/raise/request/software-install");
    HttpResponse<String> bad =
        staff.post(
            "/raise/request/software-install",
            Map.of("field-software", "Zoom", "field-device", "laptop"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("href=\"#field-device\"", "href=\"#field-reason\"", "NCC-01234");
    HttpResponse<String> ok =
        staff.post(
            "/raise/request/software-install",
            Map.of(
                "field-software",
                "Zoom",
                "field-device",
                "NCC-01234",
                "field-reason",
                "Calls with suppliers"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location").orElseThrow())
        .matches("/tickets/REQ-\\d+\\?raised=1");
    // A schools-only item is hidden from staff.
    assertThat(staff.get("/raise/request/onsite-visit").statusCode()).isEqualTo(404);
  }

  static Map<String, String> problem(String title) {
    return Map.of(
        "action", "raise",
        "service", "Printing",
        "title", title,
        "description", "It shows error 0x1234 and will not print.",
        "urgency", "2");
  }

  /** Raises a problem with a PNG attached; returns the reference. */
  static String raise(PortalClient c, String title) {
    c.get("/raise/problem");
    HttpResponse<String> r =
        c.postMultipart(
            "/raise/problem",
            problem(title),
            new PortalClient.FilePart("attachment", "screen.png", "image/png", PNG));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    Matcher m =
        Pattern.compile("/tickets/((INC|REQ)-\\d+)")
            .matcher(r.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The links of one list on a page ({@code <ul id="...">}). */
  static List<String> links(String html, String listId) {
    int i = html.indexOf("id=\"" + listId + "\"");
    if (i < 0) {
      return List.of();
    }
    Matcher m =
        Pattern.compile("href=\"([^\"]+)\"").matcher(html.substring(i, html.indexOf("</ul>", i)));
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theHomePageShowsPopularArticlesOfTheReadersAudienceOnly() {
    PortalClient staff = fx.client().signInAs(Role.STAFF);
    // Views count whoever reads (8 here against 6 for scan-to-email, one of them the rating).
    for (int i = 0; i < 6; i++) {
      assertThat(staff.get("/kb/follow-me-printing").statusCode()).isEqualTo(200);
    }
    staff.get("/kb/scan-to-email");
    PortalClient school = fx.client().signInAs(Role.SCHOOL_CONTACT);
    school.get("/kb/school-mis-login");
    school.get("/kb/scan-to-email");
    school.get("/kb/scan-to-email");
    school.get("/kb/scan-to-email");
    staff.get("/kb/scan-to-email");
    staff.get("/kb/follow-me-printing");
    staff.get("/kb/follow-me-printing");
    assertThat(staff.post("/kb/scan-to-email/feedback", Map.of("helpful", "yes")).statusCode())
        .isEqualTo(303);

    String staffHome = staff.get("/").body();
    assertThat(staffHome).contains("Popular articles", "Most viewed in the last 30 days");
    List<String> staffViewed = links(staffHome, "most-viewed");
    assertThat(staffViewed).contains("/kb/follow-me-printing", "/kb/scan-to-email");
    assertThat(staffViewed.indexOf("/kb/follow-me-printing"))
        .isLessThan(staffViewed.indexOf("/kb/scan-to-email"));
    assertThat(staffViewed).doesNotContain("/kb/school-mis-login");
    assertThat(links(staffHome, "most-helpful")).contains("/kb/scan-to-email");

    String schoolHome = school.get("/").body();
    List<String> schoolViewed = links(schoolHome, "most-viewed");
    assertThat(schoolViewed).contains("/kb/scan-to-email", "/kb/school-mis-login");
    assertThat(schoolViewed).noneMatch(l -> l.equals("/kb/follow-me-printing"));
    assertThat(schoolViewed).noneMatch(l -> l.equals("/kb/add-printer"));
    assertThat(links(schoolHome, "most-helpful")).contains("/kb/scan-to-email");

    assertThat(fx.client().get("/").body()).doesNotContain("Popular articles");
  }

  @Test
  void browseByServiceListsEachServicesArticlesForTheReader() {
    PortalClient school = fx.client().signInAs(Role.SCHOOL_CONTACT);
    List<String> services = links(school.get("/kb").body(), "services");
    assertThat(services).contains("/kb?service=Schools+ICT", "/kb?service=Printing");
    HttpResponse<String> schoolsIct = school.get("/kb?service=Schools+ICT");
    assertThat(schoolsIct.statusCode()).isEqualTo(200);
    assertThat(links(schoolsIct.body(), "service-articles"))
        .hasSize(9)
        .contains("/kb/school-wifi", "/kb/school-mis-login");
    // Printing for a school: only the articles for everyone, not the staff ones.
    assertThat(links(school.get("/kb?service=Printing").body(), "service-articles"))
        .containsExactly("/kb/printer-toner-paper-jam", "/kb/scan-to-email");

    PortalClient staff = fx.client().signInAs(Role.STAFF);
    assertThat(links(staff.get("/kb").body(), "services"))
        .doesNotContain("/kb?service=Schools+ICT");
    assertThat(links(staff.get("/kb?service=Printing").body(), "service-articles")).hasSize(4);
    assertThat(staff.get("/kb?service=Schools+ICT").statusCode()).isEqualTo(404);
    assertThat(staff.get("/kb?service=No+such+service").statusCode()).isEqualTo(404);
  }
}
