package io.frontdesk.portal.pages;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.portal.PortalConfig;
import io.frontdesk.portal.web.Layout;
import io.frontdesk.portal.web.Page;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in page, shown by the password sign-in and by the school sign-in when it cannot tell the
 * school: council staff's button, the school picker and school e-mail field (for schools with their
 * own provider), and the e-mail and password form.
 */
public final class SignInPage {
  /** A school in the picker. */
  public record SchoolChoice(String id, String name) {
    /** The picker link, keeping where to go after sign-in. */
    public String link(String next) {
      return "/sign-in/school?school="
          + URLEncoder.encode(id, StandardCharsets.UTF_8)
          + "&next="
          + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
  }

  private final Layout layout;
  private final PortalConfig config;
  private final SchoolRepository schools;
  private final Blocking blocking;

  public SignInPage(
      Layout layout, PortalConfig config, SchoolRepository schools, Blocking blocking) {
    this.layout = layout;
    this.config = config;
    this.schools = schools;
    this.blocking = blocking;
  }

  /** Renders the page; {@code page} carries any errors. */
  public void render(
      RoutingContext ctx,
      Page page,
      String email,
      String schoolEmail,
      String next,
      boolean passwordSet) {
    choices()
        .onFailure(ctx::fail)
        .onSuccess(
            choices ->
                layout.render(
                    ctx,
                    "signin.jte",
                    page,
                    "email",
                    email,
                    "schoolEmail",
                    schoolEmail,
                    "next",
                    next,
                    "oidc",
                    config.oidc().isPresent(),
                    "schools",
                    choices,
                    "passwordSet",
                    passwordSet));
  }

  private io.vertx.core.Future<List<SchoolChoice>> choices() {
    if (config.schoolOidc().isEmpty()) {
      return io.vertx.core.Future.succeededFuture(List.of());
    }
    return blocking.call(
        () ->
            config.schoolOidc().stream()
                .map(s -> schools.byId(s.schoolId()))
                .flatMap(Optional::stream)
                .map((School s) -> new SchoolChoice(s.id(), s.name()))
                .sorted(java.util.Comparator.comparing(SchoolChoice::name))
                .toList());
  }
}
