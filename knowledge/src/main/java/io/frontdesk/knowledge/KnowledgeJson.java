package io.frontdesk.knowledge;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.SearchResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** JSON shapes of the knowledge API (docs/API-knowledge.md). */
final class KnowledgeJson {
  private KnowledgeJson() {}

  /**
   * CONTRACT: {"query", "answer": {"id",...} or null, "results":
   * [{"id","title","snippet","score","url"}]}.
   */
  static JsonObject search(SearchResponse r) {
    JsonArray results = new JsonArray();
    r.results().forEach(h -> results.add(hit(h)));
    return new JsonObject()
        .put("query", r.query())
        .put("answer", r.answer().map(KnowledgeJson::hit).orElse(null))
        .put("results", results)
        .put("queryId", r.queryId());
  }

  static JsonObject hit(SearchHit h) {
    return new JsonObject()
        .put("id", h.id())
        .put("title", h.title())
        .put("snippet", h.snippet())
        .put("score", h.score())
        .put("url", h.url())
        .put("service", h.service());
  }

  static JsonObject article(Article a) {
    return new JsonObject()
        .put("id", a.id())
        .put("title", a.title())
        .put("body", a.body())
        .put("bodyHtml", a.bodyHtml())
        .put("bodyText", a.bodyText())
        .put("tags", new JsonArray(a.tags()))
        .put("service", a.service())
        .put("audience", a.audience().wire())
        .put("status", a.status().name().toLowerCase())
        .put("owner", a.owner())
        .put("reviewBy", a.reviewBy().map(LocalDate::toString).orElse(null))
        .put("createdAt", a.createdAt().toString())
        .put("updatedAt", a.updatedAt().toString())
        .put("views", a.views())
        .put("helpful", a.helpful())
        .put("notHelpful", a.notHelpful())
        .put("version", a.version())
        .put("pendingAuthor", a.pendingAuthor().orElse(null))
        .put("pendingContributors", new JsonArray(new ArrayList<>(a.pendingContributors())));
  }

  static JsonArray articles(List<Article> list) {
    JsonArray out = new JsonArray();
    list.forEach(a -> out.add(article(a)));
    return out;
  }

  static JsonArray documents(List<Document> docs) {
    JsonArray out = new JsonArray();
    docs.forEach(d -> out.add(new JsonObject(d.toJson())));
    return out;
  }

  static ArticleInput input(String id, JsonObject body) {
    if (body == null) {
      throw ApiException.badRequest("send the article as a JSON object");
    }
    List<String> tags = new ArrayList<>();
    JsonArray t = body.getJsonArray("tags", new JsonArray());
    for (Object o : t) {
      if (!(o instanceof String s)) {
        throw ApiException.badRequest("tags must be a list of strings");
      }
      tags.add(s);
    }
    Optional<LocalDate> reviewBy;
    try {
      String r = body.getString("reviewBy");
      reviewBy = r == null ? Optional.empty() : Optional.of(LocalDate.parse(r));
    } catch (DateTimeParseException | ClassCastException e) {
      throw ApiException.badRequest("reviewBy must be a date like 2026-12-31");
    }
    try {
      return new ArticleInput(
          id != null ? id : body.getString("id"),
          body.getString("title"),
          body.getString("body"),
          tags,
          body.getString("service"),
          Audience.parseArticle(body.getString("audience")),
          reviewBy);
    } catch (ClassCastException e) {
      throw ApiException.badRequest("id, title, body, service and audience must be strings");
    }
  }
}
