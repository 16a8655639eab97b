package io.frontdesk.portal.champion;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.search.SynonymService;
import io.frontdesk.knowledge.search.Synonyms;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.frontdesk.portal.web.Layout;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The Champions' other pages: an article's version history with a side-by-side diff and restore,
 * its feedback, the stale-articles list, the content-gaps report and the synonyms editor. The role
 * check for every /champion path is mounted by {@link ChampionPages}, which must be mounted first.
 */
public final class CurationPages implements PortalPages {
  private final Layout layout;
  private final ArticleService articles;
  private final FeedbackService feedback;
  private final SynonymService synonyms;
  private final UserNames names;

  public CurationPages(
      Layout layout,
      ArticleService articles,
      FeedbackService feedback,
      SynonymService synonyms,
      UserNames names) {
    this.layout = layout;
    this.articles = articles;
    this.feedback = feedback;
    this.synonyms = synonyms;
    this.names = names;
  }

  @Override
  public void mount(Router r) {
    r.get("/champion/articles/:id/history").handler(this::history);
    r.post("/champion/articles/:id/restore").handler(this::restore);
    r.get("/champion/articles/:id/feedback").handler(this::feedback);
    r.get("/champion/stale").handler(this::stale);
    r.get("/champion/gaps").handler(this::gaps);
    r.get("/champion/synonyms").handler(this::synonymsPage);
    r.post("/champion/synonyms").handler(this::saveSynonyms);
    r.post("/champion/synonyms/delete").handler(this::deleteSynonyms);
  }

  private void history(RoutingContext ctx) {
    Principal me = Principals.require(ctx);
    String id = ctx.pathParam("id");
    int toParam = intParam(ctx, "to", 0);
    int fromParam = intParam(ctx, "from", 0);
    articles
        .forCurator(me, id)
        .compose(a -> articles.history(me, id).map(v -> new WithDocs(a, v)))
        .compose(
            x ->
                names
                    .of(x.docs().stream().map(d -> d.getString("by")).toList())
                    .map(n -> new Named(x, n)))
        .onFailure(ctx::fail)
        .onSuccess(
            h -> {
              WithDocs x = h.history();
              Article article = x.article();
              List<Document> versions = x.docs();
              int last =
                  versions.isEmpty() ? 0 : versions.get(versions.size() - 1).getInteger("version");
              int to = toParam > 0 ? toParam : last;
              int from = fromParam > 0 ? fromParam : Math.max(1, to - 1);
              Document a = find(versions, from);
              Document b = find(versions, to);
              List<LineDiff.Row> rows =
                  a == null || b == null ? List.of() : LineDiff.rows(body(a), body(b));
              layout.render(
                  ctx,
                  "champion/history.jte",
                  layout.page(ctx, "History of " + article.title()),
                  "article",
                  article,
                  "versions",
                  versions,
                  "from",
                  a == null ? 0 : from,
                  "to",
                  b == null ? 0 : to,
                  "fromTitle",
                  a == null ? "" : title(a),
                  "toTitle",
                  b == null ? "" : title(b),
                  "rows",
                  rows,
                  "names",
                  h.who());
            });
  }

  /** An article with its versions or its ratings. */
  private record WithDocs(Article article, List<Document> docs) {}

  /** An article's versions with the names of their authors. */
  private record Named(WithDocs history, Map<String, String> who) {}

  private static Document find(List<Document> versions, int v) {
    return versions.stream().filter(d -> d.getInteger("version", 0) == v).findFirst().orElse(null);
  }

  private static String body(Document version) {
    Document c = version.get("content", Document.class);
    return c == null ? "" : c.getString("body");
  }

  private static String title(Document version) {
    Document c = version.get("content", Document.class);
    return c == null ? "" : c.getString("title");
  }

  private void restore(RoutingContext ctx) {
    int version;
    try {
      version = Integer.parseInt(Forms.field(ctx, "version"));
    } catch (NumberFormatException e) {
      ctx.fail(ApiException.badRequest("version must be a version number"));
      return;
    }
    articles
        .restore(Principals.require(ctx), ctx.pathParam("id"), version)
        .onFailure(ctx::fail)
        .onSuccess(a -> Layout.redirect(ctx, ChampionPages.articlePath(a.id()) + "?done=restored"));
  }

  private void feedback(RoutingContext ctx) {
    Principal me = Principals.require(ctx);
    String id = ctx.pathParam("id");
    articles
        .forCurator(me, id)
        .compose(a -> feedback.ratings(me, id).map(list -> new WithDocs(a, list)))
        .onFailure(ctx::fail)
        .onSuccess(
            x ->
                layout.render(
                    ctx,
                    "champion/feedback.jte",
                    layout.page(ctx, "Feedback on " + x.article().title()),
                    "article",
                    x.article(),
                    "ratings",
                    x.docs()));
  }

  private void stale(RoutingContext ctx) {
    articles
        .stale(Principals.require(ctx))
        .onFailure(ctx::fail)
        .onSuccess(
            list ->
                layout.render(
                    ctx,
                    "champion/stale.jte",
                    layout.page(ctx, "Articles due for review"),
                    "articles",
                    list));
  }

  private void gaps(RoutingContext ctx) {
    int days = intParam(ctx, "days", 30);
    if (days < 1 || days > 365) {
      ctx.fail(ApiException.badRequest("days must be between 1 and 365"));
      return;
    }
    feedback
        .gaps(Principals.require(ctx), days, 100)
        .onFailure(ctx::fail)
        .onSuccess(
            list ->
                layout.render(
                    ctx,
                    "champion/gaps.jte",
                    layout.page(ctx, "Questions without a good answer"),
                    "gaps",
                    list,
                    "days",
                    days));
  }

  private void synonymsPage(RoutingContext ctx) {
    showSynonyms(ctx, List.of(), "", "", Forms.param(ctx, "done"));
  }

  private void showSynonyms(
      RoutingContext ctx, List<FieldError> errors, String group, String phrases, String done) {
    synonyms
        .list()
        .onFailure(ctx::fail)
        .onSuccess(
            groups ->
                layout.render(
                    ctx,
                    "champion/synonyms.jte",
                    layout.page(ctx, "Synonyms").withErrors(errors),
                    "groups",
                    groups,
                    "group",
                    group,
                    "phrases",
                    phrases,
                    "done",
                    done));
  }

  private void saveSynonyms(RoutingContext ctx) {
    String group = Forms.field(ctx, "group");
    String phrases = Forms.field(ctx, "phrases");
    List<String> list =
        Arrays.stream(phrases.split("[,\\n]"))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    try {
      synonyms
          .put(Principals.require(ctx), new Synonyms.Group(group, list))
          .onFailure(e -> synonymError(ctx, e, group, phrases))
          .onSuccess(g -> Layout.redirect(ctx, "/champion/synonyms?done=saved"));
    } catch (ApiException e) {
      synonymError(ctx, e, group, phrases);
    }
  }

  private void synonymError(RoutingContext ctx, Throwable e, String group, String phrases) {
    if (e instanceof ApiException api && api.status() == 400) {
      String field = api.getMessage().contains("id") ? "group" : "phrases";
      showSynonyms(ctx, List.of(new FieldError(field, api.getMessage())), group, phrases, "");
    } else {
      ctx.fail(e);
    }
  }

  private void deleteSynonyms(RoutingContext ctx) {
    synonyms
        .delete(Principals.require(ctx), Forms.field(ctx, "group"))
        .onFailure(ctx::fail)
        .onSuccess(v -> Layout.redirect(ctx, "/champion/synonyms?done=deleted"));
  }

  static int intParam(RoutingContext ctx, String name, int dflt) {
    String v = Forms.param(ctx, name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }
}
