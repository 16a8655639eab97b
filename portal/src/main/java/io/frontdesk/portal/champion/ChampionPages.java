package io.frontdesk.portal.champion;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.article.ArticleStatus;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.frontdesk.portal.web.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.Document;

/**
 * The Digital Champions' pages: their drafts and the review queue, the Markdown editor (with a
 * server-side preview on submit, and a live one when JavaScript runs), and an article's workflow
 * (submit, approve, send back). The rules (who may curate, no one approves their own article) are
 * the knowledge module's; the pages show them before anyone hits them. History, reports and
 * synonyms are in {@link CurationPages}.
 */
public final class ChampionPages implements PortalPages {
  /** Every Champions' page and endpoint, for the role check. */
  static final String ALL = "^/champion(/.*)?$";

  private final Layout layout;
  private final ArticleService articles;
  private final UserNames names;
  private final List<String> services;

  public ChampionPages(
      Layout layout, ArticleService articles, UserNames names, List<String> services) {
    this.layout = layout;
    this.articles = articles;
    this.names = names;
    this.services = List.copyOf(services);
  }

  @Override
  public void mount(Router r) {
    r.routeWithRegex(ALL).handler(Guard::signedIn).handler(Guard.anyOf(Role.CHAMPION, Role.ADMIN));
    r.get("/champion").handler(this::dashboard);
    r.get("/champion/new").handler(this::newArticle);
    r.post("/champion/new").handler(this::create);
    r.post("/champion/preview").handler(this::previewJson);
    r.get("/champion/articles/:id").handler(this::article);
    r.get("/champion/articles/:id/edit").handler(this::edit);
    r.post("/champion/articles/:id/edit").handler(this::save);
    r.post("/champion/articles/:id/submit").handler(this::submit);
    r.post("/champion/articles/:id/approve").handler(this::approve);
    r.post("/champion/articles/:id/reject").handler(this::reject);
    r.post("/champion/articles/:id/archive").handler(this::archive);
  }

  private void dashboard(RoutingContext ctx) {
    Principal me = Principals.require(ctx);
    articles
        .pendingDrafts(me)
        .compose(
            drafts ->
                articles
                    .recentApprovals(me, 20)
                    .compose(
                        approvals ->
                            names
                                .of(
                                    java.util.stream.Stream.of(
                                            approvals.stream().map(d -> d.getString("by")),
                                            approvals.stream()
                                                .flatMap(
                                                    d ->
                                                        UserNames.mentioned(d.getString("detail"))
                                                            .stream()),
                                            drafts.stream()
                                                .map(a -> a.pendingAuthor().orElse(null)))
                                        .flatMap(x -> x)
                                        .toList())
                                .map(n -> new Dashboard(me.id(), drafts, approvals, n))))
        .onFailure(ctx::fail)
        .onSuccess(
            d ->
                layout.render(
                    ctx,
                    "champion/dashboard.jte",
                    layout.page(ctx, "Knowledge articles"),
                    "mine",
                    d.mine(),
                    "queue",
                    d.queue(),
                    "me",
                    me.id(),
                    "approvals",
                    d.approvals(),
                    "names",
                    d.names()));
  }

  /** What the dashboard shows: my drafts, everything waiting for review, and recent approvals. */
  record Dashboard(
      String me, List<Article> drafts, List<Document> approvals, Map<String, String> names) {
    List<Article> mine() {
      return drafts.stream().filter(a -> a.pendingAuthor().map(me::equals).orElse(false)).toList();
    }

    List<Article> queue() {
      return drafts.stream().filter(a -> a.status() == ArticleStatus.IN_REVIEW).toList();
    }
  }

  private void newArticle(RoutingContext ctx) {
    String q = Forms.param(ctx, "q");
    editor(
        ctx, q.isEmpty() ? ArticleForm.empty() : ArticleForm.fromQuery(q), true, null, List.of());
  }

  private void create(RoutingContext ctx) {
    submitEditor(ctx, ArticleForm.read(ctx, null), true, articles::createDraft);
  }

  private void edit(RoutingContext ctx) {
    Principal me = Principals.require(ctx);
    articles
        .forCurator(me, ctx.pathParam("id"))
        .onFailure(ctx::fail)
        .onSuccess(a -> editor(ctx, ArticleForm.of(a), false, null, List.of()));
  }

  private void save(RoutingContext ctx) {
    submitEditor(ctx, ArticleForm.read(ctx, ctx.pathParam("id")), false, articles::editDraft);
  }

  /**
   * Preview (the same renderer as published articles) or save; field errors show the form again.
   */
  private void submitEditor(
      RoutingContext ctx,
      ArticleForm form,
      boolean isNew,
      BiFunction<Principal, ArticleInput, Future<Article>> store) {
    Principal me = Principals.require(ctx);
    if ("preview".equals(Forms.field(ctx, "action"))) {
      editor(ctx, form, isNew, articles.preview(me, form.body()), List.of());
      return;
    }
    ArticleForm.Result checked = form.toInput();
    if (!checked.errors().isEmpty()) {
      editor(ctx, form, isNew, null, checked.errors());
      return;
    }
    store
        .apply(me, checked.input())
        .onSuccess(a -> Layout.redirect(ctx, articlePath(a.id()) + "?saved=1"))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && (api.status() == 400 || api.status() == 409)) {
                String field = api.status() == 409 && isNew ? "id" : null;
                var err = ArticleForm.fieldError(api.getMessage());
                editor(
                    ctx,
                    form,
                    isNew,
                    null,
                    List.of(field == null ? err : new FieldError(field, err.message())));
              } else {
                ctx.fail(e);
              }
            });
  }

  private void editor(
      RoutingContext ctx,
      ArticleForm form,
      boolean isNew,
      String preview,
      List<FieldError> errors) {
    Page page =
        layout.page(ctx, isNew ? "Write an article" : "Edit " + form.title()).withErrors(errors);
    layout.render(
        ctx,
        "champion/editor.jte",
        page,
        "form",
        form,
        "isNew",
        isNew,
        "action",
        isNew ? "/champion/new" : articlePath(form.id()) + "/edit",
        "preview",
        preview,
        "services",
        services);
  }

  /** The live preview for the editor's script: the same sanitised HTML as the plain preview. */
  private void previewJson(RoutingContext ctx) {
    String body = ctx.request().getFormAttribute("body");
    if (body != null && body.length() > 300_000) {
      ctx.fail(ApiException.badRequest("body is over 200 KB"));
      return;
    }
    String html = articles.preview(Principals.require(ctx), body == null ? "" : body);
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("html", html).encode());
  }

  private void article(RoutingContext ctx) {
    Principal me = Principals.require(ctx);
    String id = ctx.pathParam("id");
    articles
        .forCurator(me, id)
        .compose(
            a ->
                articles
                    .audit(me, id)
                    .compose(
                        trail ->
                            names
                                .of(
                                    trail.stream()
                                        .flatMap(
                                            d ->
                                                java.util.stream.Stream.concat(
                                                    java.util.stream.Stream.of(d.getString("by")),
                                                    UserNames.mentioned(d.getString("detail"))
                                                        .stream()))
                                        .toList())
                                .map(n -> new ArticleView(a, trail, n))))
        .onFailure(ctx::fail)
        .onSuccess(
            v -> {
              Article a = v.article();
              layout.render(
                  ctx,
                  "champion/article.jte",
                  layout.page(ctx, a.title()),
                  "article",
                  a,
                  "ownDraft",
                  a.pendingAuthor().map(me.id()::equals).orElse(false),
                  "trail",
                  v.trail(),
                  "names",
                  v.names(),
                  "saved",
                  !Forms.param(ctx, "saved").isEmpty(),
                  "done",
                  Forms.param(ctx, "done"));
            });
  }

  /** An article with its audit trail and the names of the people in it. */
  private record ArticleView(Article article, List<Document> trail, Map<String, String> names) {}

  private void submit(RoutingContext ctx) {
    act(ctx, articles.submit(Principals.require(ctx), ctx.pathParam("id")), "submitted");
  }

  private void approve(RoutingContext ctx) {
    act(ctx, articles.approve(Principals.require(ctx), ctx.pathParam("id")), "approved");
  }

  /** Takes the article out of search; a version restored from its history brings it back. */
  private void archive(RoutingContext ctx) {
    act(ctx, articles.archive(Principals.require(ctx), ctx.pathParam("id")), "archived");
  }

  private void reject(RoutingContext ctx) {
    String reason = Forms.field(ctx, "reason");
    if (reason.length() > 2000) {
      ctx.fail(ApiException.badRequest("reason must be at most 2000 characters"));
      return;
    }
    act(ctx, articles.reject(Principals.require(ctx), ctx.pathParam("id"), reason), "rejected");
  }

  private static void act(RoutingContext ctx, Future<Article> f, String done) {
    f.onFailure(ctx::fail)
        .onSuccess(a -> Layout.redirect(ctx, articlePath(a.id()) + "?done=" + done));
  }

  static String articlePath(String id) {
    return "/champion/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
