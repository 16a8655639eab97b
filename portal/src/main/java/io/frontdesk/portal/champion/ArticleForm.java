package io.frontdesk.portal.champion;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.portal.web.FieldError;
import io.frontdesk.portal.web.Forms;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The article editor's fields as typed, so a page shown again with errors keeps them. The rules are
 * the knowledge module's ({@link ArticleFormat#validate}); this only maps its messages to the field
 * they name, for the GOV.UK error summary.
 */
public record ArticleForm(
    String id,
    String title,
    String body,
    String tags,
    String service,
    String audience,
    String reviewBy) {

  static final List<String> FIELDS = List.of("id", "title", "body", "service", "audience");

  public static ArticleForm empty() {
    return new ArticleForm("", "", "", "", "", "staff", "");
  }

  /** A new article prefilled from a content gap: the query becomes the title and the id. */
  public static ArticleForm fromQuery(String query) {
    String q = query == null ? "" : query.strip();
    if (q.length() > 200) {
      q = q.substring(0, 200);
    }
    String id = q.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String title = q.isEmpty() ? "" : Character.toUpperCase(q.charAt(0)) + q.substring(1);
    return new ArticleForm(
        id.length() > 100 ? id.substring(0, 100) : id, title, "", "", "", "staff", "");
  }

  public static ArticleForm of(Article a) {
    return new ArticleForm(
        a.id(),
        a.title(),
        a.body(),
        String.join(", ", a.tags()),
        a.service(),
        a.audience().wire(),
        a.reviewBy().map(LocalDate::toString).orElse(""));
  }

  public static ArticleForm read(RoutingContext ctx, String fixedId) {
    String body = ctx.request().getFormAttribute("body");
    return new ArticleForm(
        fixedId != null ? fixedId : Forms.field(ctx, "id"),
        Forms.field(ctx, "title"),
        body == null ? "" : body.replace("\r\n", "\n"),
        Forms.field(ctx, "tags"),
        Forms.field(ctx, "service"),
        Forms.field(ctx, "audience"),
        Forms.field(ctx, "reviewBy"));
  }

  public List<String> tagList() {
    return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** The knowledge module's input, or the problems with the fields (never both). */
  public Result toInput() {
    List<FieldError> errors = new ArrayList<>();
    Optional<LocalDate> review = Optional.empty();
    if (!reviewBy.isEmpty()) {
      try {
        review = Optional.of(LocalDate.parse(reviewBy));
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("reviewBy", "Enter the review-by date like 2027-03-31"));
      }
    }
    Audience aud = null;
    try {
      aud = Audience.parseArticle(audience);
    } catch (RuntimeException e) {
      errors.add(new FieldError("audience", "Choose who the article is for"));
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    ArticleInput in = new ArticleInput(id, title, body, tagList(), service, aud, review);
    try {
      return new Result(ArticleFormat.validate(in), List.of());
    } catch (ApiException e) {
      return new Result(null, List.of(fieldError(e.getMessage())));
    }
  }

  /** "title is missing" becomes an error on the title field. */
  static FieldError fieldError(String message) {
    String first = message.split(" ", 2)[0];
    String field = FIELDS.contains(first) ? first : "body";
    return new FieldError(field, Character.toUpperCase(message.charAt(0)) + message.substring(1));
  }

  /** Either a valid input or the field errors. */
  public record Result(ArticleInput input, List<FieldError> errors) {}
}
