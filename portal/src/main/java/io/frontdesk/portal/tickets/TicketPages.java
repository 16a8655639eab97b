package io.frontdesk.portal.tickets;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Page;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * My tickets (and, for a school admin, the school's), a ticket's detail with public comments and
 * attachments, adding a comment or file, reopening, and the satisfaction survey. Every read goes
 * through {@code TicketService.get}, which answers 404 for a ticket the viewer may not see, so
 * another school's references, comments and attachments cannot be reached by guessing.
 */
public final class TicketPages implements PortalPages {
  private static final Pattern REF = Pattern.compile("[A-Za-z]{2,5}-?[0-9]{1,10}");
  private static final int PAGE_SIZE = 20;

  private final Layout layout;
  private final Desk desk;
  private final Attachments attachments;
  private final Blocking blocking;

  public TicketPages(Layout layout, Desk desk, Attachments attachments, Blocking blocking) {
    this.layout = layout;
    this.desk = desk;
    this.attachments = attachments;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.get("/tickets").handler(Guard::signedIn).handler(this::list);
    r.get("/tickets/:ref").handler(Guard::signedIn).handler(this::ref).handler(this::detail);
    r.post("/tickets/:ref/comments")
        .handler(Guard::signedIn)
        .handler(this::ref)
        .handler(this::comment);
    r.post("/tickets/:ref/attachments")
        .handler(Guard::signedIn)
        .handler(this::ref)
        .handler(this::attach);
    r.get("/tickets/:ref/attachments/:id")
        .handler(Guard::signedIn)
        .handler(this::ref)
        .handler(this::download);
    r.post("/tickets/:ref/reopen")
        .handler(Guard::signedIn)
        .handler(this::ref)
        .handler(this::reopen);
    r.post("/tickets/:ref/rating").handler(Guard::signedIn).handler(this::ref).handler(this::rate);
  }

  private void ref(RoutingContext ctx) {
    if (!REF.matcher(ctx.pathParam("ref")).matches()) {
      ctx.fail(ApiException.notFound("There is no such ticket."));
      return;
    }
    ctx.next();
  }

  private void list(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    boolean school = p.has(Role.SCHOOL_ADMIN) && !"mine".equals(ctx.request().getParam("view"));
    int page = pageParam(ctx);
    blocking
        .call(
            () ->
                school
                    ? desk.tickets().school(p, p.schoolId().orElseThrow(), page, PAGE_SIZE)
                    : desk.tickets().mine(p, false, page, PAGE_SIZE))
        .onFailure(ctx::fail)
        .onSuccess(
            (Page<Ticket> tickets) ->
                layout.render(
                    ctx,
                    "tickets.jte",
                    layout.page(ctx, school ? "Your school's tickets" : "Your tickets"),
                    "tickets",
                    tickets,
                    "school",
                    school,
                    "schoolAdmin",
                    p.has(Role.SCHOOL_ADMIN)));
  }

  private static int pageParam(RoutingContext ctx) {
    try {
      int n = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("page")).orElse("0"));
      return Math.max(0, Math.min(n, 1000));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void detail(RoutingContext ctx) {
    String notice =
        ctx.request().getParam("raised") != null
            ? "raised"
            : ctx.request().getParam("linked") != null
                ? "linked"
                : ctx.request().getParam("done") != null ? ctx.request().getParam("done") : "";
    show(ctx, List.of(), notice);
  }

  private void show(RoutingContext ctx, List<FieldError> errors, String notice) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    blocking
        .call(() -> view(p, ref, notice))
        .onFailure(ctx::fail)
        .onSuccess(
            v ->
                layout.render(
                    ctx,
                    "ticket.jte",
                    layout
                        .page(ctx, v.ticket().reference() + ": " + v.ticket().title())
                        .withErrors(errors),
                    "view",
                    v,
                    "maxMb",
                    attachments.maxBytes() / (1024 * 1024)));
  }

  /** Blocking. */
  private TicketView view(Principal p, String ref, String notice) {
    Ticket t = desk.tickets().get(p, ref);
    List<TicketView.Comment> comments =
        desk.tickets().comments(p, t.reference()).stream().map(TicketView.Comment::of).toList();
    int rating =
        desk.csat().forTicket(p, t.reference()).map(d -> d.getInteger("rating", 0)).orElse(0);
    boolean closed = t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED;
    boolean requester = p.id().equals(t.requester().userId());
    return new TicketView(
        t, comments, attachments.list(t), rating, closed && requester && rating == 0, notice);
  }

  private void comment(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    String text = Forms.field(ctx, "comment");
    if (text.isEmpty()) {
      show(ctx, List.of(new FieldError("comment", "Enter your comment")), "");
      return;
    }
    if (text.length() > 4000) {
      show(ctx, List.of(new FieldError("comment", "Comment must be 4000 characters or fewer")), "");
      return;
    }
    blocking
        .call(() -> desk.tickets().comment(p, ref, text, true, Channel.PORTAL))
        .onFailure(ctx::fail)
        .onSuccess(d -> Layout.redirect(ctx, "/tickets/" + enc(ref) + "?done=comment#comments"));
  }

  private void attach(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    Optional<FileUpload> file =
        ctx.fileUploads().stream()
            .filter(f -> f.name().equals("attachment") && f.size() > 0)
            .findFirst();
    if (file.isEmpty()) {
      show(ctx, List.of(new FieldError("attachment", "Select a file")), "");
      return;
    }
    Path tmp = Path.of(file.get().uploadedFileName());
    blocking
        .call(
            () -> {
              Ticket t = desk.tickets().get(p, ref);
              if (t.status() == TicketStatus.CLOSED) {
                throw ApiException.conflict("Ticket " + t.reference() + " is closed.");
              }
              Optional<String> problem = attachments.problem(file.get().fileName(), tmp);
              if (problem.isPresent()) {
                return problem.get();
              }
              attachments.store(t, p, file.get().fileName(), tmp);
              return "";
            })
        .onFailure(ctx::fail)
        .onSuccess(
            problem -> {
              if (!problem.isEmpty()) {
                show(ctx, List.of(new FieldError("attachment", problem)), "");
              } else {
                Layout.redirect(ctx, "/tickets/" + enc(ref) + "?done=file#attachments");
              }
            });
  }

  private void download(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    String id = ctx.pathParam("id");
    blocking
        .call(() -> attachments.open(desk.tickets().get(p, ref), id))
        .onFailure(ctx::fail)
        .onSuccess(
            c ->
                ctx.response()
                    .putHeader("Content-Type", c.info().contentType())
                    .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"" + c.info().filename() + "\"")
                    .putHeader("Cache-Control", "private, no-store")
                    .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                    .end(Buffer.buffer(c.bytes())));
  }

  private void reopen(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    String reason = Forms.field(ctx, "reason");
    if (reason.isEmpty()) {
      show(ctx, List.of(new FieldError("reason", "Tell us why the problem is not fixed")), "");
      return;
    }
    blocking
        .call(() -> desk.lifecycle().reopen(p, ref, reason, Channel.PORTAL))
        .onFailure(ctx::fail)
        .onSuccess(t -> Layout.redirect(ctx, "/tickets/" + enc(ref) + "?done=reopened"));
  }

  private void rate(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    String rating = Forms.field(ctx, "rating");
    String comment = Forms.field(ctx, "ratingComment");
    if (!List.of("1", "2", "3", "4", "5").contains(rating)) {
      show(ctx, List.of(new FieldError("rating", "Select how satisfied you are")), "");
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    if (comment.length() > 2000) {
      errors.add(new FieldError("ratingComment", "Comment must be 2000 characters or fewer"));
      show(ctx, errors, "");
      return;
    }
    blocking
        .call(
            () ->
                desk.csat()
                    .rate(
                        p,
                        ref,
                        Integer.parseInt(rating),
                        comment.isEmpty() ? null : comment,
                        Channel.PORTAL))
        .onFailure(ctx::fail)
        .onSuccess(d -> Layout.redirect(ctx, "/tickets/" + enc(ref) + "?done=rated"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
