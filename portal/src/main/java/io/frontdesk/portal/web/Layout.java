package io.frontdesk.portal.web;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.http.RequestLog;
import io.frontdesk.core.security.Principals;
import io.frontdesk.portal.auth.Sessions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Page} for a request and renders templates inside the GOV.UK layout; also the
 * portal's failure handler, which shows errors as pages (never a stack trace).
 */
public final class Layout {
  private static final Logger LOG = LoggerFactory.getLogger(Layout.class);

  private final Templates templates;
  private final Assets assets;
  private final Sessions sessions;
  private final String serviceName;
  private final String organisation;
  private final boolean demo;

  public Layout(
      Templates templates,
      Assets assets,
      Sessions sessions,
      String serviceName,
      String organisation,
      boolean demo) {
    this.templates = templates;
    this.assets = assets;
    this.sessions = sessions;
    this.serviceName = serviceName;
    this.organisation = organisation;
    this.demo = demo;
  }

  public Page page(RoutingContext ctx, String title) {
    return new Page(
        title,
        serviceName,
        organisation,
        assets,
        Principals.current(ctx).orElse(null),
        sessions.csrfToken(ctx),
        demo,
        List.of(),
        ctx.request().path());
  }

  /** Renders {@code template} with {@code page} and the other named parameters. */
  public void render(RoutingContext ctx, String template, Page page, Object... keyValues) {
    renderStatus(ctx, 200, template, page, keyValues);
  }

  public void renderStatus(
      RoutingContext ctx, int status, String template, Page page, Object... keyValues) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    templates.send(ctx, page.errors().isEmpty() ? status : 400, template, params);
  }

  public static void redirect(RoutingContext ctx, String location) {
    ctx.response()
        .setStatusCode(303)
        .putHeader("Location", location)
        .putHeader("Cache-Control", "no-store")
        .end();
  }

  public Templates templates() {
    return templates;
  }

  /** Failure handler for portal pages. */
  public void failure(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/api/")) {
      // An API path that no module served: JSON, like every API error.
      HttpErrors.handle(ctx);
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    // The same classification (and the same logging of server faults) as the JSON handler, with
    // the portal's own words for requests it cannot serve; every server fault shows as a 500.
    HttpErrors.Answer answer = HttpErrors.describe(ctx);
    int status = answer.status() >= 500 ? 500 : answer.status();
    String message;
    if (status == 500) {
      message = HttpErrors.serverFault(ctx);
    } else if (ctx.failure() instanceof ApiException) {
      message = answer.message();
    } else {
      message =
          switch (status) {
            case 404 -> "Page not found.";
            case 413 -> "The file is too large.";
            default -> "The request cannot be served.";
          };
    }
    String title =
        switch (status) {
          case 400 -> "There is a problem with your request";
          case 401 -> "Sign in to continue";
          case 403 -> "You cannot do that";
          case 404 -> "Page not found";
          case 409 -> "That cannot be done now";
          case 413 -> "The file is too large";
          case 429 -> "Too many attempts";
          default -> "Sorry, there is a problem with the service";
        };
    if (status == 401 && ctx.request().method() == HttpMethod.GET) {
      redirect(ctx, "/sign-in");
      return;
    }
    try {
      renderStatus(ctx, status, "error.jte", page(ctx, title), "message", message);
    } catch (RuntimeException e) {
      LOG.error("Error page failed [{}]", RequestLog.correlationId(ctx), e);
      ctx.response().setStatusCode(status).end(message);
    }
  }
}
