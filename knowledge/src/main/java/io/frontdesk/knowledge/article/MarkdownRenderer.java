package io.frontdesk.knowledge.article;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * CommonMark to HTML, then through an allowlist sanitiser: authors may write raw HTML, but no
 * script, event handler, style or {@code javascript:} URL survives. Thread-safe.
 */
public final class MarkdownRenderer {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("pre", "code", "hr", "kbd", "dl", "dt", "dd")
                  .allowAttributes("class")
                  .matching(false, "language-[a-z0-9-]{1,30}")
                  .onElements("code")
                  .toFactory());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).build();
  private final TextContentRenderer text =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();

  public Node parse(String markdown) {
    return parser.parse(markdown == null ? "" : markdown);
  }

  public String html(String markdown) {
    return sanitize(html.render(parse(markdown)));
  }

  public String html(Node node) {
    return sanitize(html.render(node));
  }

  public String text(String markdown) {
    return text.render(parse(markdown)).strip();
  }

  public String text(Node node) {
    return text.render(node).strip();
  }

  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
