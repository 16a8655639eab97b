package io.frontdesk.knowledge;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.search.SearchRequest;
import io.frontdesk.knowledge.search.SearchService;
import io.frontdesk.knowledge.search.SynonymService;
import io.frontdesk.knowledge.search.Synonyms;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The knowledge JSON API under /api/kb (docs/API-knowledge.md). */
public final class KnowledgeRoutes {
  private static final long MAX_BODY = 300 * 1024;

  private final Vertx vertx;
  private final SearchService search;
  private final ArticleService articles;
  private final FeedbackService feedback;
  private final SynonymService synonyms;

  public KnowledgeRoutes(
      Vertx vertx,
      SearchService search,
      ArticleService articles,
      FeedbackService feedback,
      SynonymService synonyms) {
    this.vertx = vertx;
    this.search = search;
    this.articles = articles;
    this.feedback = feedback;
    this.synonyms = synonyms;
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.route("/api/kb/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
    r.get("/api/kb/search").handler(this::search);
    r.get("/api/kb/stale").handler(this::curator).handler(this::stale);
    r.get("/api/kb/gaps").handler(this::curator).handler(this::gaps);
    r.get("/api/kb/synonyms").handler(this::curator).handler(this::listSynonyms);
    r.put("/api/kb/synonyms/:group").handler(this::curator).handler(this::putSynonyms);
    r.delete("/api/kb/synonyms/:group").handler(this::curator).handler(this::deleteSynonyms);
    r.post("/api/kb/drafts").handler(this::curator).handler(this::createDraft);
    r.get("/api/kb/drafts/:id").handler(this::curator).handler(this::getDraft);
    r.put("/api/kb/drafts/:id").handler(this::curator).handler(this::editDraft);
    r.get("/api/kb/articles/:id").handler(this::published);
    r.get("/api/kb/articles/:id/excerpt").handler(this::excerpt);
    r.post("/api/kb/articles/:id/feedback").handler(this::rate);
    r.post("/api/kb/articles/:id/submit").handler(this::curator).handler(this::submit);
    r.post("/api/kb/articles/:id/approve").handler(this::curator).handler(this::approve);
    r.post("/api/kb/articles/:id/reject").handler(this::curator).handler(this::reject);
    r.post("/api/kb/articles/:id/archive").handler(this::curator).handler(this::archive);
    r.post("/api/kb/articles/:id/restore").handler(this::curator).handler(this::restore);
    r.get("/api/kb/articles/:id/versions").handler(this::curator).handler(this::versions);
    r.get("/api/kb/articles/:id/audit").handler(this::curator).handler(this::audit);
    r.get("/api/kb/articles/:id/ratings").handler(this::curator).handler(this::ratings);
    r.post("/api/kb/queries/:queryId/click").handler(this::click);
    return r;
  }

  // --- validation steps ---

  /** 401 without a principal, 403 unless Champion or admin. */
  private void curator(RoutingContext ctx) {
    Principals.requireAny(ctx, Role.CHAMPION, Role.ADMIN);
    ctx.next();
  }

  // --- readers ---

  private void search(RoutingContext ctx) {
    int limit = intParam(ctx, "limit", 10);
    Optional<Principal> who = Principals.current(ctx);
    SearchRequest req =
        new SearchRequest(
            ctx.request().getParam("q"),
            audience(ctx),
            limit,
            who.map(Principal::id),
            Optional.ofNullable(ctx.request().getParam("channel")).orElse("api"));
    reply(ctx, search.search(req).map(KnowledgeJson::search));
  }

  private void published(RoutingContext ctx) {
    reply(ctx, articles.published(ctx.pathParam("id"), audience(ctx)).map(KnowledgeJson::article));
  }

  private void excerpt(RoutingContext ctx) {
    String q = Optional.ofNullable(ctx.request().getParam("q")).orElse("");
    reply(
        ctx,
        articles
            .answerExcerpt(ctx.pathParam("id"), q, audience(ctx))
            .map(
                e ->
                    new JsonObject()
                        .put("id", e.articleId())
                        .put("title", e.title())
                        .put("heading", e.heading())
                        .put("html", e.html())
                        .put("text", e.text())));
  }

  private void rate(RoutingContext ctx) {
    JsonObject body = json(ctx);
    Object helpful = body.getValue("helpful");
    if (!(helpful instanceof Boolean h)) {
      throw ApiException.badRequest("helpful must be true or false");
    }
    String id = ctx.pathParam("id");
    // Only a reader who may see the article may rate it.
    reply(
        ctx,
        articles
            .published(id, audience(ctx))
            .compose(
                a ->
                    feedback.rate(
                        id,
                        h,
                        Optional.ofNullable(string(body, "comment")),
                        Optional.ofNullable(string(body, "queryId")),
                        Principals.current(ctx).map(Principal::id)))
            .map(v -> new JsonObject().put("recorded", true)),
        201);
  }

  private void click(RoutingContext ctx) {
    String article = string(json(ctx), "articleId");
    if (article == null || article.isBlank()) {
      throw ApiException.badRequest("articleId is missing");
    }
    reply(
        ctx,
        feedback
            .click(ctx.pathParam("queryId"), article)
            .map(v -> new JsonObject().put("recorded", true)));
  }

  // --- curators ---

  private void createDraft(RoutingContext ctx) {
    reply(
        ctx,
        articles
            .createDraft(principal(ctx), KnowledgeJson.input(null, json(ctx)))
            .map(KnowledgeJson::article),
        201);
  }

  private void getDraft(RoutingContext ctx) {
    reply(
        ctx, articles.forCurator(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::article));
  }

  private void editDraft(RoutingContext ctx) {
    reply(
        ctx,
        articles
            .editDraft(principal(ctx), KnowledgeJson.input(ctx.pathParam("id"), json(ctx)))
            .map(KnowledgeJson::article));
  }

  private void submit(RoutingContext ctx) {
    reply(ctx, articles.submit(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::article));
  }

  private void approve(RoutingContext ctx) {
    reply(ctx, articles.approve(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::article));
  }

  private void reject(RoutingContext ctx) {
    String reason = ctx.body().isEmpty() ? null : string(json(ctx), "reason");
    reply(
        ctx,
        articles.reject(principal(ctx), ctx.pathParam("id"), reason).map(KnowledgeJson::article));
  }

  private void archive(RoutingContext ctx) {
    reply(ctx, articles.archive(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::article));
  }

  private void restore(RoutingContext ctx) {
    Object v = json(ctx).getValue("version");
    if (!(v instanceof Integer version) || version < 1) {
      throw ApiException.badRequest("version must be a positive whole number");
    }
    reply(
        ctx,
        articles.restore(principal(ctx), ctx.pathParam("id"), version).map(KnowledgeJson::article));
  }

  private void versions(RoutingContext ctx) {
    reply(ctx, articles.history(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::documents));
  }

  private void audit(RoutingContext ctx) {
    reply(ctx, articles.audit(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::documents));
  }

  private void ratings(RoutingContext ctx) {
    reply(ctx, feedback.ratings(principal(ctx), ctx.pathParam("id")).map(KnowledgeJson::documents));
  }

  private void stale(RoutingContext ctx) {
    reply(ctx, articles.stale(principal(ctx)).map(KnowledgeJson::articles));
  }

  private void gaps(RoutingContext ctx) {
    int days = intParam(ctx, "days", 30);
    int limit = intParam(ctx, "limit", 50);
    reply(
        ctx,
        feedback
            .gaps(principal(ctx), days, limit)
            .map(
                list -> {
                  JsonArray out = new JsonArray();
                  list.forEach(
                      g ->
                          out.add(
                              new JsonObject()
                                  .put("query", g.query())
                                  .put("count", g.count())
                                  .put("confident", g.confident())
                                  .put("lastTopHit", g.lastTopHit().orElse(null))));
                  return out;
                }));
  }

  private void listSynonyms(RoutingContext ctx) {
    reply(
        ctx,
        synonyms
            .list()
            .map(
                groups -> {
                  JsonArray out = new JsonArray();
                  groups.forEach(
                      g ->
                          out.add(
                              new JsonObject()
                                  .put("id", g.id())
                                  .put("phrases", new JsonArray(g.phrases()))));
                  return out;
                }));
  }

  private void putSynonyms(RoutingContext ctx) {
    JsonArray phrases = json(ctx).getJsonArray("phrases");
    if (phrases == null) {
      throw ApiException.badRequest("phrases must be a list of strings");
    }
    List<String> list = new ArrayList<>();
    for (Object o : phrases) {
      if (!(o instanceof String s)) {
        throw ApiException.badRequest("phrases must be a list of strings");
      }
      list.add(s);
    }
    reply(
        ctx,
        synonyms
            .put(principal(ctx), new Synonyms.Group(ctx.pathParam("group"), list))
            .map(
                g ->
                    new JsonObject().put("id", g.id()).put("phrases", new JsonArray(g.phrases()))));
  }

  private void deleteSynonyms(RoutingContext ctx) {
    reply(
        ctx,
        synonyms
            .delete(principal(ctx), ctx.pathParam("group"))
            .map(v -> new JsonObject().put("deleted", ctx.pathParam("group"))));
  }

  // --- helpers ---

  /** A signed-in school user always reads as "schools"; otherwise the parameter, default staff. */
  private static String audience(RoutingContext ctx) {
    Optional<Principal> who = Principals.current(ctx);
    if (who.isPresent() && who.get().isSchoolUser()) {
      return "schools";
    }
    return who.map(Principal::audience)
        .orElse(Optional.ofNullable(ctx.request().getParam("audience")).orElse("staff"));
  }

  private static Principal principal(RoutingContext ctx) {
    return Principals.require(ctx);
  }

  private static JsonObject json(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      if (o == null) {
        throw ApiException.badRequest("send a JSON object");
      }
      return o;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("the body is not a JSON object");
    }
  }

  private static String string(JsonObject o, String key) {
    Object v = o.getValue(key);
    if (v != null && !(v instanceof String)) {
      throw ApiException.badRequest(key + " must be a string");
    }
    return (String) v;
  }

  private static int intParam(RoutingContext ctx, String name, int dflt) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        throw ApiException.badRequest(name + " must be a positive whole number");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a positive whole number");
    }
  }

  private static void reply(RoutingContext ctx, Future<?> result) {
    reply(ctx, result, 200);
  }

  private static void reply(RoutingContext ctx, Future<?> result, int status) {
    result.onComplete(
        ar -> {
          if (ar.failed()) {
            ctx.fail(ar.cause());
            return;
          }
          Object v = ar.result();
          String json = v instanceof JsonArray a ? a.encode() : ((JsonObject) v).encode();
          ctx.response()
              .setStatusCode(status)
              .putHeader("content-type", "application/json")
              .end(json);
        });
  }
}
