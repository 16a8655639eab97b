package io.frontdesk.portal.agent;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.Desk;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.routing.ResolverGroup;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.Ticket;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.search.SearchRequest;
import io.frontdesk.knowledge.search.SearchService;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bson.Document;

/**
 * The agent's ticket page and its actions: assign, change status, comment (public or internal),
 * link to a major incident or a problem, declare a major incident, resolve (with an article), and
 * send a suggested article to the requester. Every action calls the desk's services, which check
 * the role again and record the change; a public comment reaches the requester through the desk's
 * notification events. After an action the page is shown again (post/redirect/get).
 */
public final class TicketDeskPages implements PortalPages {
  static final String PATH = "/agent/tickets/:ref";
  private static final Map<String, String> DONE =
      Map.of(
          "assigned", "The ticket was assigned.",
          "status", "The status was changed.",
          "comment", "Your comment was added.",
          "note", "Your internal note was added.",
          "resolved", "The ticket was resolved and the requester told.",
          "sent", "The article was sent to the requester.",
          "major", "The ticket is now a major incident.",
          "parent", "The ticket was linked to the major incident.",
          "problem", "The ticket was linked to the problem.");

  private final Layout layout;
  private final Desk desk;
  private final SearchService search;
  private final ArticleService articles;
  private final Blocking blocking;
  private final Clock clock;
  private final Loads loads;
  private final OpsConfig config;

  public TicketDeskPages(
      Layout layout,
      Desk desk,
      SearchService search,
      ArticleService articles,
      Blocking blocking,
      OpsConfig config,
      Clock clock) {
    this.layout = layout;
    this.desk = desk;
    this.search = search;
    this.articles = articles;
    this.blocking = blocking;
    this.clock = clock;
    this.loads = new Loads(desk, config.bandwidthWarnPercent());
    this.config = config;
  }

  @Override
  public void mount(Router r) {
    r.get(PATH).handler(Guard::signedIn).handler(QueuePages.agents()).handler(this::show);
    post(r, "assign", this::assign);
    post(r, "status", this::status);
    post(r, "comment", this::comment);
    post(r, "resolve", this::resolve);
    post(r, "send-article", this::sendArticle);
    post(r, "major-incident", this::declareMajor);
    post(r, "parent", this::linkParent);
    post(r, "problem", this::linkProblem);
  }

  private void post(Router r, String action, io.vertx.core.Handler<RoutingContext> h) {
    r.post(PATH + "/" + action).handler(Guard::signedIn).handler(QueuePages.agents()).handler(h);
  }

  private void show(RoutingContext ctx) {
    String done = DONE.get(Forms.param(ctx, "done"));
    render(ctx, List.of(), done);
  }

  private void render(RoutingContext ctx, List<FieldError> errors, String done) {
    Principal p = Principals.require(ctx);
    String ref = ctx.pathParam("ref");
    blocking
        .call(() -> view(p, ref))
        .compose(v -> withSuggestions(p, v))
        .onFailure(ctx::fail)
        .onSuccess(
            v ->
                layout.render(
                    ctx,
                    "ops/ticket.jte",
                    layout
                        .page(ctx, v.ticket().reference() + ": " + v.ticket().title())
                        .withErrors(errors),
                    "t",
                    v,
                    "done",
                    done));
  }

  private TicketView view(Principal p, String ref) {
    Ticket t = desk.tickets().get(p, ref);
    List<Document> comments = desk.tickets().comments(p, t.reference());
    List<Document> events = desk.tickets().history(p, t.reference());
    User requester = desk.users().byId(t.requester().userId()).orElse(null);
    var school = t.schoolId().flatMap(id -> desk.schools().byId(id)).orElse(null);
    Document problem = t.problemId() == null ? null : desk.problems().get(p, t.problemId());
    List<Document> similar =
        desk.similar() == null ? List.of() : desk.similar().like(p, t.reference(), 5);
    List<Bandwidth> groups = loads.all();
    List<User> agents =
        desk.users().inGroup(t.groupId()).stream()
            .filter(u -> u.roles().contains(Role.AGENT) && !u.disabled())
            .toList();
    List<Document> problems =
        t.problemId() == null && "incident".equals(t.document().getString("type"))
            ? desk.problems().list(p).stream()
                .filter(d -> !"closed".equals(d.getString("status")))
                .limit(50)
                .toList()
            : List.of();
    List<Ticket> majors =
        t.parentId() == null && !t.majorIncident() && t.status().isOpen()
            ? desk.tickets()
                .repository()
                .find(
                    Filters.and(
                        Filters.eq("majorIncident", true),
                        Filters.eq("desk", t.desk()),
                        Filters.in(
                            "status", TicketStatus.OPEN.stream().map(TicketStatus::wire).toList())),
                    Sorts.descending("createdAt"),
                    0,
                    20)
            : List.of();
    String groupName =
        groups.stream()
            .map(Bandwidth::group)
            .filter(g -> g.id().equals(t.groupId()))
            .map(ResolverGroup::name)
            .findFirst()
            .orElse(t.groupId());
    String assigneeName =
        t.assigneeId() == null
            ? null
            : desk.users().byId(t.assigneeId()).map(User::displayName).orElse(t.assigneeId());
    return new TicketView(
        t,
        SlaView.of(t.sla(), clock.instant()),
        requester,
        school,
        TicketView.timeline(comments, events),
        problem,
        similar,
        List.of(),
        groups,
        agents,
        problems,
        majors,
        groupName,
        assigneeName);
  }

  /** Knowledge articles matching the ticket's text, for the requester's audience. */
  private Future<TicketView> withSuggestions(Principal p, TicketView v) {
    Ticket t = v.ticket();
    if (!t.status().isOpen()) {
      return Future.succeededFuture(v);
    }
    String text = (t.title() + " " + Optional.ofNullable(t.description()).orElse("")).strip();
    if (text.length() > SearchService.MAX_QUERY) {
      text = text.substring(0, SearchService.MAX_QUERY);
    }
    return search
        .search(new SearchRequest(text, audience(t), 3, Optional.of(p.id()), "portal-agent"))
        .map(r -> r.results())
        .otherwise(List.of())
        .map(
            hits ->
                new TicketView(
                    t,
                    v.sla(),
                    v.requester(),
                    v.school(),
                    v.timeline(),
                    v.problem(),
                    v.similar(),
                    hits.stream().filter(h -> !t.linkedArticles().contains(h.id())).toList(),
                    v.groups(),
                    v.agents(),
                    v.problems(),
                    v.majorIncidents(),
                    v.groupName(),
                    v.assigneeName()));
  }

  static String audience(Ticket t) {
    return "schools".equals(t.desk()) ? "schools" : "staff";
  }

  // --- actions ---

  private void assign(RoutingContext ctx) {
    String group = Forms.field(ctx, "groupId");
    String assignee = Forms.field(ctx, "assigneeId");
    act(
        ctx,
        "groupId",
        "assigned",
        p ->
            () ->
                desk.lifecycle()
                    .assign(
                        p,
                        ref(ctx),
                        group.isEmpty() ? null : group,
                        assignee.isEmpty() ? null : assignee,
                        Channel.PORTAL));
  }

  private void status(RoutingContext ctx) {
    String to = Forms.field(ctx, "status");
    String note = Forms.field(ctx, "note");
    act(
        ctx,
        "status",
        "status",
        p ->
            () -> {
              if (to.isEmpty()) {
                throw ApiException.badRequest("Choose the new status");
              }
              TicketStatus s = TicketStatus.parse(to);
              if (s == TicketStatus.RESOLVED) {
                throw ApiException.badRequest("Resolve the ticket with the resolution form");
              }
              return desk.lifecycle()
                  .transition(p, ref(ctx), s, note.isEmpty() ? null : note, Channel.PORTAL);
            });
  }

  private void comment(RoutingContext ctx) {
    String text = Forms.field(ctx, "text");
    String visibility = Forms.field(ctx, "visibility");
    act(
        ctx,
        "text",
        "internal".equals(visibility) ? "note" : "comment",
        p ->
            () -> {
              if (!"public".equals(visibility) && !"internal".equals(visibility)) {
                throw ApiException.badRequest(
                    "Choose whether the comment goes to the requester or is an internal note");
              }
              if (text.isEmpty()) {
                throw ApiException.badRequest("Enter a comment");
              }
              return desk.tickets()
                  .comment(p, ref(ctx), text, "public".equals(visibility), Channel.PORTAL);
            });
  }

  private void resolve(RoutingContext ctx) {
    String note = Forms.field(ctx, "resolution");
    String articleId = Forms.field(ctx, "articleId");
    act(
        ctx,
        "resolution",
        "resolved",
        p ->
            () -> {
              if (note.isEmpty()) {
                throw ApiException.badRequest("Say how the ticket was resolved");
              }
              String resolution = note;
              if (!articleId.isEmpty()) {
                desk.tickets().linkArticle(p, ref(ctx), articleId, Channel.PORTAL);
                resolution = note + "\n\nSee the help article: " + config.articleLink(articleId);
              }
              return desk.lifecycle()
                  .transition(p, ref(ctx), TicketStatus.RESOLVED, resolution, Channel.PORTAL);
            });
  }

  /** One click: links the article and sends it to the requester as a public comment. */
  private void sendArticle(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String articleId = Forms.field(ctx, "articleId");
    if (!articleId.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      render(ctx, List.of(new FieldError("suggestions", "Choose an article to send")), null);
      return;
    }
    blocking
        .call(() -> desk.tickets().get(p, ref(ctx)))
        .compose(t -> articles.published(articleId, audience(t)))
        .onFailure(e -> failed(ctx, "suggestions", e))
        .onSuccess(
            a ->
                act(
                    ctx,
                    "suggestions",
                    "sent",
                    who ->
                        () -> {
                          desk.tickets().linkArticle(who, ref(ctx), a.id(), Channel.PORTAL);
                          return desk.tickets()
                              .comment(
                                  who,
                                  ref(ctx),
                                  "This help article should answer your question: "
                                      + a.title()
                                      + " ("
                                      + config.articleLink(a.id())
                                      + "). Reply here if it does not.",
                                  true,
                                  Channel.PORTAL);
                        }));
  }

  private void declareMajor(RoutingContext ctx) {
    act(
        ctx,
        "major",
        "major",
        p -> () -> desk.lifecycle().declareMajorIncident(p, ref(ctx), Channel.PORTAL));
  }

  private void linkParent(RoutingContext ctx) {
    String parent = Forms.field(ctx, "parent");
    act(
        ctx,
        "parent",
        "parent",
        p ->
            () -> {
              if (parent.isEmpty()) {
                throw ApiException.badRequest("Choose the major incident");
              }
              return desk.lifecycle().linkToMajorIncident(p, ref(ctx), parent, Channel.PORTAL);
            });
  }

  private void linkProblem(RoutingContext ctx) {
    String problemId = Forms.field(ctx, "problemId");
    act(
        ctx,
        "problemId",
        "problem",
        p ->
            () -> {
              if (problemId.isEmpty()) {
                throw ApiException.badRequest("Choose the problem");
              }
              return desk.problems().linkIncident(p, problemId, ref(ctx));
            });
  }

  private static String ref(RoutingContext ctx) {
    return ctx.pathParam("ref");
  }

  /**
   * Runs an action off the event loop; on success redirects to the ticket with a confirmation, on a
   * 400 or 409 shows the ticket again with the message against {@code field}.
   */
  private void act(
      RoutingContext ctx,
      String field,
      String done,
      java.util.function.Function<Principal, Callable<?>> work) {
    Principal p = Principals.require(ctx);
    blocking
        .call(work.apply(p))
        .onFailure(e -> failed(ctx, field, e))
        .onSuccess(
            x ->
                Layout.redirect(
                    ctx,
                    "/agent/tickets/"
                        + ctx.pathParam("ref").toUpperCase(java.util.Locale.ROOT)
                        + "?done="
                        + done));
  }

  private void failed(RoutingContext ctx, String field, Throwable e) {
    if (e instanceof ApiException api && (api.status() == 400 || api.status() == 409)) {
      render(ctx, List.of(new FieldError(field, api.getMessage())), null);
      return;
    }
    ctx.fail(e);
  }
}
