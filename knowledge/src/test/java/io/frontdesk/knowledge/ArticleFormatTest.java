package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArticleFormatTest {
  private static String file(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/articles", name));
  }

  @Test
  void parsesFrontMatterAndRoundTrips() throws Exception {
    ArticleInput a = ArticleFormat.parse(file("reset-network-password.md"));
    assertThat(a.id()).isEqualTo("reset-network-password");
    assertThat(a.title()).isEqualTo("Reset your network password");
    assertThat(a.tags()).containsExactly("password", "account", "login");
    assertThat(a.audience()).isEqualTo(Audience.STAFF);
    assertThat(a.reviewBy()).isPresent();
    assertThat(ArticleFormat.parse(ArticleFormat.write(a))).isEqualTo(a);
  }

  @Test
  void rejectsBadFilesWithAReason() {
    assertThatThrownBy(() -> ArticleFormat.parse("no front matter"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("front matter");
    assertThatThrownBy(() -> ArticleFormat.parse("---\nid: [unclosed\n---\nbody"))
        .hasMessageContaining("YAML");
    assertThatThrownBy(
            () ->
                ArticleFormat.parse(
                    "---\nid: Bad Id\ntitle: t\nservice: s\naudience: staff\n---\nbody"))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(
            () -> ArticleFormat.parse("---\nid: a\ntitle: t\nservice: s\naudience: pupils\n---\nb"))
        .hasMessageContaining("audience");
    String huge = "x".repeat(ArticleFormat.MAX_BODY_BYTES + 1);
    assertThatThrownBy(
            () ->
                ArticleFormat.parse(
                    "---\nid: a\ntitle: t\nservice: s\naudience: staff\n---\n" + huge))
        .hasMessageContaining("200 KB");
  }

  @Test
  void hostileHtmlIsSanitised() throws Exception {
    String html = new MarkdownRenderer().html(ArticleFormat.parse(file("hostile-html.md")).body());
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("onerror")
        .doesNotContain("onclick")
        .doesNotContain("javascript:")
        .doesNotContain("<iframe");
    assertThat(html).contains("<b>bold</b>");
    String more =
        new MarkdownRenderer()
            .html(
                "<svg onload=alert(1)></svg> <a href=\"JaVaScRiPt:alert(1)\">x</a>"
                    + " <style>body{}</style> [ok](https://example.org) <img src=\"data:text/html,x\">");
    assertThat(more.toLowerCase())
        .doesNotContain("onload")
        .doesNotContain("javascript")
        .doesNotContain("<style")
        .doesNotContain("data:text");
    assertThat(more).contains("href=\"https://example.org\"");
  }
}
