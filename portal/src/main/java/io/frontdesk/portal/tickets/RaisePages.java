package io.frontdesk.portal.tickets;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.FieldErrors;
import io.frontdesk.desk.catalogue.FormField;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.CreateResult;
import io.frontdesk.desk.ticket.NewTicket;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.KnowledgePages;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.frontdesk.portal.web.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raising a ticket (report a problem) or a catalogue request, through the desk's own services.
 * Without JavaScript, "Find help articles first" re-shows the form with suggested articles; with
 * it, suggestions appear as the user types. Errors follow the GOV.UK error-summary pattern.
 */
public final class RaisePages implements PortalPages {
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;

  /** What the problem form shows again after a failed submission. */
  public record ProblemForm(String service, String title, String description, String urgency) {
    static ProblemForm empty() {
      return new ProblemForm("", "", "", "");
    }
  }

  private final Layout layout;
  private final Desk desk;
  private final KnowledgePages knowledge;
  private final Attachments attachments;
  private final Blocking blocking;

  public RaisePages(
      Layout layout,
      Desk desk,
      KnowledgePages knowledge,
      Attachments attachments,
      Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.knowledge = knowledge;
    this.attachments = attachments;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.get("/raise").handler(Guard::signedIn).handler(this::choose);
    r.get("/raise/problem").handler(Guard::signedIn).handler(this::problemForm);
    r.post("/raise/problem").handler(Guard::signedIn).handler(this::raiseProblem);
    r.get("/raise/request/:item").handler(Guard::signedIn).handler(this::requestForm);
    r.post("/raise/request/:item").handler(Guard::signedIn).handler(this::submitRequest);
  }

  private void choose(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    layout.render(
        ctx,
        "raise.jte",
        layout.page(ctx, "What do you need?"),
        "items",
        desk.catalogue().itemsFor(p));
  }

  private void problemForm(RoutingContext ctx) {
    showProblem(ctx, layout.page(ctx, "Report a problem"), ProblemForm.empty(), List.of(), false);
  }

  private void showProblem(
      RoutingContext ctx, Page page, ProblemForm form, List<SearchHit> suggestions, boolean asked) {
    layout.render(
        ctx,
        "raise-problem.jte",
        page,
        "form",
        form,
        "services",
        desk.catalogue().services(),
        "suggestions",
        suggestions,
        "asked",
        asked,
        "maxMb",
        attachments.maxBytes() / (1024 * 1024));
  }

  private void raiseProblem(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    ProblemForm form =
        new ProblemForm(
            Forms.field(ctx, "service"),
            Forms.field(ctx, "title"),
            Forms.field(ctx, "description"),
            Forms.field(ctx, "urgency"));
    Page page = layout.page(ctx, "Report a problem");
    if ("suggest".equals(Forms.field(ctx, "action"))) {
      knowledge
          .suggestions(p, (form.title() + " " + form.description()).strip())
          .onFailure(ctx::fail)
          .onSuccess(hits -> showProblem(ctx, page, form, hits, true));
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    if (form.service().isEmpty() || !desk.catalogue().hasService(form.service())) {
      errors.add(new FieldError("service", "Select the service the problem is with"));
    }
    if (form.title().isEmpty()) {
      errors.add(new FieldError("title", "Enter a summary of the problem"));
    } else if (form.title().length() > MAX_TITLE) {
      errors.add(new FieldError("title", "Summary must be " + MAX_TITLE + " characters or fewer"));
    }
    if (form.description().isEmpty()) {
      errors.add(new FieldError("description", "Describe the problem"));
    } else if (form.description().length() > MAX_DESCRIPTION) {
      errors.add(
          new FieldError(
              "description", "Description must be " + MAX_DESCRIPTION + " characters or fewer"));
    }
    if (!List.of("1", "2", "3").contains(form.urgency())) {
      errors.add(new FieldError("urgency", "Select how urgent the problem is"));
    }
    Optional<FileUpload> file = upload(ctx);
    Future<List<FieldError>> checked =
        file.isEmpty()
            ? Future.succeededFuture(errors)
            : blocking.call(
                () -> {
                  List<FieldError> all = new ArrayList<>(errors);
                  attachments
                      .problem(file.get().fileName(), Path.of(file.get().uploadedFileName()))
                      .ifPresent(m -> all.add(new FieldError("attachment", m)));
                  return all;
                });
    checked
        .onFailure(ctx::fail)
        .onSuccess(
            all -> {
              if (!all.isEmpty()) {
                showProblem(ctx, page.withErrors(all), form, List.of(), false);
                return;
              }
              NewTicket n =
                  NewTicket.incident(
                          Channel.PORTAL, form.service(), form.title(), form.description())
                      .withImpactUrgency(3, Integer.parseInt(form.urgency()));
              blocking
                  .call(
                      () -> {
                        CreateResult created = desk.tickets().create(p, n);
                        file.ifPresent(
                            f ->
                                attachments.store(
                                    created.ticket(),
                                    p,
                                    f.fileName(),
                                    Path.of(f.uploadedFileName())));
                        return created;
                      })
                  .onFailure(
                      e -> {
                        if (e instanceof ApiException api && api.status() == 400) {
                          showProblem(
                              ctx,
                              page.withErrors(List.of(new FieldError("title", api.getMessage()))),
                              form,
                              List.of(),
                              false);
                        } else {
                          ctx.fail(e);
                        }
                      })
                  .onSuccess(c -> Layout.redirect(ctx, ticketUrl(c)));
            });
  }

  static String ticketUrl(CreateResult c) {
    return "/tickets/"
        + c.ticket().reference()
        + (c.linkedToExisting() ? "?linked=1" : "?raised=1");
  }

  private static Optional<FileUpload> upload(RoutingContext ctx) {
    return ctx.fileUploads().stream()
        .filter(f -> f.name().equals("attachment"))
        .filter(f -> f.size() > 0 || (f.fileName() != null && !f.fileName().isBlank()))
        .findFirst();
  }

  private void requestForm(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    CatalogueItem item = desk.catalogue().requestable(ctx.pathParam("item"), p);
    layout.render(
        ctx, "raise-request.jte", layout.page(ctx, item.name()), "item", item, "values", Map.of());
  }

  private void submitRequest(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    CatalogueItem item = desk.catalogue().requestable(ctx.pathParam("item"), p);
    JsonObject form = new JsonObject();
    Map<String, String> values = new HashMap<>();
    for (FormField f : item.fields()) {
      String v = Forms.field(ctx, "field-" + f.name());
      values.put(f.name(), v);
      if ("checkbox".equals(f.type())) {
        if (!v.isEmpty()) {
          form.put(f.name(), true);
        }
      } else if (!v.isEmpty()) {
        form.put(f.name(), v);
      }
    }
    blocking
        .call(() -> desk.requests().submit(p, item.id(), form, Channel.PORTAL))
        .onFailure(
            e -> {
              if (e instanceof FieldErrors fe) {
                List<FieldError> errors = new ArrayList<>();
                for (FormField f : item.fields()) {
                  String m = fe.fields().get(f.name());
                  if (m != null) {
                    errors.add(new FieldError("field-" + f.name(), stripDot(m)));
                  }
                }
                layout.render(
                    ctx,
                    "raise-request.jte",
                    layout.page(ctx, item.name()).withErrors(errors),
                    "item",
                    item,
                    "values",
                    values);
              } else {
                ctx.fail(e);
              }
            })
        .onSuccess(c -> Layout.redirect(ctx, ticketUrl(c)));
  }

  /** GOV.UK error messages have no full stop. */
  private static String stripDot(String m) {
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }
}
