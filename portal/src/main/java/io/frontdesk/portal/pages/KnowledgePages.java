package io.frontdesk.portal.pages;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.knowledge.article.ArticleListings;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.SearchRequest;
import io.frontdesk.knowledge.search.SearchService;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Knowledge for readers: search results with snippets, article pages with "Did this help?", and the
 * suggestions the raise-a-ticket form shows as the user types. Everything is filtered by the
 * reader's audience (staff see staff and all; school users see schools and all), by the knowledge
 * module's own services.
 */
public final class KnowledgePages implements PortalPages {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

  /** Results per search page: ten, as GOV.UK search shows, keeps highlighting cheap. */
  static final int RESULTS = 10;

  private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Layout layout;
  private final SearchService search;
  private final ArticleService articles;
  private final FeedbackService feedback;
  private final ArticleListings listings;

  public KnowledgePages(
      Layout layout,
      SearchService search,
      ArticleService articles,
      FeedbackService feedback,
      ArticleListings listings) {
    this.layout = layout;
    this.search = search;
    this.articles = articles;
    this.feedback = feedback;
    this.listings = listings;
  }

  @Override
  public void mount(Router r) {
    r.get("/kb").handler(Guard::signedIn).handler(this::results);
    r.get("/kb/:id").handler(Guard::signedIn).handler(this::validId).handler(this::article);
    r.post("/kb/:id/feedback").handler(Guard::signedIn).handler(this::validId).handler(this::rate);
    r.get("/suggest").handler(Guard::signedIn).handler(this::suggest);
  }

  private void validId(RoutingContext ctx) {
    if (!ID.matcher(ctx.pathParam("id")).matches()) {
      ctx.fail(ApiException.notFound("There is no such article."));
      return;
    }
    ctx.next();
  }

  private void results(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String q = Forms.param(ctx, "q");
    if (q.isEmpty()) {
      browse(ctx, p, Forms.param(ctx, "service"));
      return;
    }
    if (q.length() > SearchService.MAX_QUERY) {
      render(
          ctx,
          layout
              .page(ctx, "Help articles")
              .withErrors(
                  List.of(
                      new FieldError(
                          "q",
                          "Search must be " + SearchService.MAX_QUERY + " characters or fewer"))),
          q.substring(0, SearchService.MAX_QUERY),
          List.of(),
          "",
          Browse.NONE);
      return;
    }
    search
        .search(new SearchRequest(q, p.audience(), RESULTS, Optional.of(p.id()), "portal"))
        .onFailure(ctx::fail)
        .onSuccess(
            res ->
                render(
                    ctx,
                    layout.page(ctx, "Search results for ‘" + q + "’"),
                    q,
                    res.results(),
                    res.queryId() == null ? "" : res.queryId(),
                    Browse.NONE));
  }

  /**
   * Browse by service: with no service, the services that have articles for the reader; with one,
   * that service's articles (404 if the reader has none there).
   */
  private void browse(RoutingContext ctx, Principal p, String service) {
    Future<Browse> b =
        service.isEmpty()
            ? listings.services(p.audience()).map(s -> new Browse(s, "", List.of()))
            : service.length() > 200
                ? Future.failedFuture(ApiException.notFound("There is no such service."))
                : listings
                    .inService(p.audience(), service)
                    .map(l -> new Browse(List.of(), l.get(0).service(), l));
    b.onFailure(ctx::fail)
        .onSuccess(
            view ->
                render(
                    ctx,
                    layout.page(ctx, view.service().isEmpty() ? "Help articles" : view.service()),
                    "",
                    List.of(),
                    "",
                    view));
  }

  private void render(
      RoutingContext ctx,
      io.frontdesk.portal.web.Page page,
      String query,
      List<SearchHit> results,
      String queryId,
      Browse browse) {
    layout.render(
        ctx,
        "kb-search.jte",
        page,
        "query",
        query,
        "results",
        results,
        "queryId",
        queryId,
        "browse",
        browse);
  }

  private void article(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    String qid = Forms.param(ctx, "qid");
    boolean fromSearch = QUERY_ID.matcher(qid).matches();
    articles
        .published(id, p.audience())
        .compose(
            a ->
                fromSearch
                    ? feedback.click(qid, id).map(a).otherwise(a)
                    : Future.succeededFuture(a))
        .onFailure(ctx::fail)
        .onSuccess(
            a ->
                layout.render(
                    ctx,
                    "kb-article.jte",
                    layout.page(ctx, a.title()),
                    "article",
                    a,
                    "queryId",
                    fromSearch ? qid : "",
                    "rated",
                    "1".equals(ctx.request().getParam("rated"))));
  }

  private void rate(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String id = ctx.pathParam("id");
    String helpful = Forms.field(ctx, "helpful");
    String comment = Forms.field(ctx, "comment");
    String qid = Forms.field(ctx, "qid");
    if (!helpful.equals("yes") && !helpful.equals("no")) {
      articles
          .published(id, p.audience())
          .onFailure(ctx::fail)
          .onSuccess(
              a ->
                  layout.render(
                      ctx,
                      "kb-article.jte",
                      layout
                          .page(ctx, a.title())
                          .withErrors(
                              List.of(
                                  new FieldError("helpful", "Select yes if this article helped"))),
                      "article",
                      a,
                      "queryId",
                      qid,
                      "rated",
                      false));
      return;
    }
    // Only a reader who may see the article may rate it (404 otherwise).
    articles
        .published(id, p.audience())
        .compose(
            a ->
                feedback.rate(
                    id,
                    helpful.equals("yes"),
                    Optional.of(comment).filter(c -> !c.isBlank()),
                    Optional.of(qid).filter(q -> QUERY_ID.matcher(q).matches()),
                    Optional.of(p.id())))
        .onFailure(ctx::fail)
        .onSuccess(v -> Layout.redirect(ctx, "/kb/" + id + "?rated=1"));
  }

  /** JSON for the enhancement script: {"results":[{"id","title"}]}. */
  private void suggest(RoutingContext ctx) {
    Principal p = Principals.require(ctx);
    String q = Forms.param(ctx, "q");
    if (q.length() < 3 || q.length() > SearchService.MAX_QUERY) {
      ctx.json(new JsonObject().put("results", new JsonArray()));
      return;
    }
    suggestions(p, q)
        .onFailure(ctx::fail)
        .onSuccess(
            hits ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(
                        new JsonObject()
                            .put(
                                "results",
                                new JsonArray(
                                    hits.stream()
                                        .map(
                                            h ->
                                                new JsonObject()
                                                    .put("id", h.id())
                                                    .put("title", h.title()))
                                        .toList()))
                            .encode()));
  }

  /** Up to five articles for a problem description (also used without JavaScript). */
  public Future<List<SearchHit>> suggestions(Principal p, String text) {
    String q =
        text.length() > SearchService.MAX_QUERY ? text.substring(0, SearchService.MAX_QUERY) : text;
    if (q.isBlank()) {
      return Future.succeededFuture(List.of());
    }
    return search
        .search(new SearchRequest(q, p.audience(), 5, Optional.of(p.id()), "portal"))
        .map(r -> r.results());
  }
}
