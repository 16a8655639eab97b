package io.frontdesk.portal.pages;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.people.School;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.auth.Invitations;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For schools: the subscription (tier, covered services, on-site engineer days used and left) and,
 * for a school admin, the school's portal users and invitations. A school user only ever sees their
 * own school: the school comes from the signed-in principal, never from the request.
 */
public final class SchoolPages implements PortalPages {
  private static final Logger LOG = LoggerFactory.getLogger(SchoolPages.class);
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

  /** What the invitation form shows again after an error. */
  public record InviteForm(String name, String email, String role) {}

  private final Layout layout;
  private final SchoolRepository schools;
  private final UserRepository users;
  private final Invitations invitations;
  private final Blocking blocking;

  public SchoolPages(
      Layout layout,
      SchoolRepository schools,
      UserRepository users,
      Invitations invitations,
      Blocking blocking) {
    this.layout = layout;
    this.schools = schools;
    this.users = users;
    this.invitations = invitations;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.get("/school")
        .handler(Guard::signedIn)
        .handler(Guard.anyOf(Role.SCHOOL_CONTACT, Role.SCHOOL_ADMIN))
        .handler(this::school);
    r.post("/school/invite")
        .handler(Guard::signedIn)
        .handler(Guard.anyOf(Role.SCHOOL_ADMIN))
        .handler(this::invite);
  }

  private void school(RoutingContext ctx) {
    show(ctx, new InviteForm("", "", ""), List.of(), ctx.request().getParam("invited") != null);
  }

  private void show(RoutingContext ctx, InviteForm form, List<FieldError> errors, boolean invited) {
    Principal p = Principals.require(ctx);
    String schoolId = p.schoolId().orElseThrow();
    blocking
        .call(
            () -> {
              School s =
                  schools
                      .byId(schoolId)
                      .orElseThrow(() -> ApiException.notFound("Your school is not set up yet."));
              List<User> people = p.has(Role.SCHOOL_ADMIN) ? users.bySchool(schoolId) : List.of();
              return new Object[] {s, people};
            })
        .onFailure(ctx::fail)
        .onSuccess(
            o -> {
              @SuppressWarnings("unchecked")
              List<User> people = (List<User>) o[1];
              layout.render(
                  ctx,
                  "school.jte",
                  layout.page(ctx, ((School) o[0]).name()).withErrors(errors),
                  "school",
                  o[0],
                  "people",
                  people,
                  "form",
                  form,
                  "invited",
                  invited);
            });
  }

  private void invite(RoutingContext ctx) {
    Principal admin = Principals.require(ctx);
    String schoolId = admin.schoolId().orElseThrow();
    InviteForm form =
        new InviteForm(
            Forms.field(ctx, "name"), Forms.field(ctx, "email"), Forms.field(ctx, "role"));
    List<FieldError> errors = new ArrayList<>();
    if (form.name().isEmpty() || form.name().length() > 100) {
      errors.add(new FieldError("name", "Enter the person's full name, up to 100 characters"));
    }
    if (!EMAIL.matcher(form.email()).matches()) {
      errors.add(
          new FieldError(
              "email", "Enter an email address in the correct format, like name@example.sch.uk"));
    }
    if (!form.role().equals("contact") && !form.role().equals("admin")) {
      errors.add(new FieldError("role", "Select what the person can do"));
    }
    if (!errors.isEmpty()) {
      show(ctx, form, errors, false);
      return;
    }
    blocking
        .call(
            () -> {
              if (users.byEmail(form.email()).isPresent()) {
                return null;
              }
              User u =
                  new User(
                      "u-" + UUID.randomUUID(),
                      form.name(),
                      form.email(),
                      null,
                      null,
                      EnumSet.of(
                          form.role().equals("admin") ? Role.SCHOOL_ADMIN : Role.SCHOOL_CONTACT),
                      schoolId,
                      null,
                      false,
                      false,
                      List.of(),
                      null);
              users.save(u);
              LOG.info("Portal invitation: user={} school={} by={}", u.id(), schoolId, admin.id());
              return u;
            })
        .compose(
            u ->
                u == null
                    ? Future.succeededFuture(false)
                    : invitations.send(u, admin.displayName()).map(true))
        .onFailure(ctx::fail)
        .onSuccess(
            sent -> {
              if (!sent) {
                show(
                    ctx,
                    form,
                    List.of(
                        new FieldError(
                            "email",
                            "This email address already has an account; ask the service desk to"
                                + " move it to your school")),
                    false);
              } else {
                Layout.redirect(ctx, "/school?invited=1");
              }
            });
  }
}
