package io.frontdesk.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.netty.buffer.Unpooled;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Renders the jte templates under {@code portal/src/main/jte}. They are compiled to Java classes at
 * build time (jte-maven-plugin), so a template error fails the build, pages render without
 * reflection or a template cache to warm, and output is HTML-escaped by default ({@code $unsafe} is
 * used only for sanitised article HTML and search snippets).
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders to a string (tests, e-mails). */
  public String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(8192);
    engine.render(template, params, out);
    return out.toString();
  }

  /** Renders and ends the response; pages carry personal data, so they are never cached. */
  public void send(RoutingContext ctx, int status, String template, Map<String, Object> params) {
    BufferOutput html = new BufferOutput(Unpooled.buffer(16_384));
    engine.render(template, params, html);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(html.buffer());
  }
}
