package io.frontdesk.knowledge.article;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.Audience;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The article file format (CONTRACT.md): YAML front matter, then CommonMark. Parsing validates
 * everything and fails with a 400 whose message says what to fix; {@link #write} is its inverse.
 */
public final class ArticleFormat {
  public static final int MAX_BODY_BYTES = 200 * 1024;
  public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_ID = 100;
  private static final int MAX_TITLE = 200;

  private ArticleFormat() {}

  public static ArticleInput parse(String file) {
    String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
    text = text.replace("\r\n", "\n");
    if (!text.startsWith("---\n")) {
      throw ApiException.badRequest("no front matter: the file must start with a '---' line");
    }
    int end = text.indexOf("\n---", 3);
    if (end < 0) {
      throw ApiException.badRequest("front matter is not closed with a '---' line");
    }
    String yaml = text.substring(4, end);
    int bodyStart = text.indexOf('\n', end + 4);
    String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    Object loaded;
    try {
      LoaderOptions opts = new LoaderOptions();
      opts.setMaxAliasesForCollections(10);
      loaded = new Yaml(new SafeConstructor(opts)).load(yaml);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("front matter is not valid YAML: " + firstLine(e.getMessage()));
    }
    if (!(loaded instanceof Map<?, ?> fm)) {
      throw ApiException.badRequest("front matter must be a set of 'key: value' lines");
    }
    return validate(
        new ArticleInput(
            str(fm.get("id")),
            str(fm.get("title")),
            body.strip() + "\n",
            tags(fm.get("tags")),
            str(fm.get("service")),
            Audience.parseArticle(str(fm.get("audience"))),
            reviewBy(fm.get("review_by"))));
  }

  /** Checks an article's fields (used for files and for JSON from the curation API). */
  public static ArticleInput validate(ArticleInput a) {
    if (a.id() == null || a.id().isBlank()) {
      throw ApiException.badRequest("id is missing");
    }
    if (a.id().length() > MAX_ID || !ID.matcher(a.id()).matches()) {
      throw ApiException.badRequest(
          "id '" + a.id() + "' must be kebab-case (a-z, 0-9, '-'), at most " + MAX_ID + " chars");
    }
    if (a.title() == null || a.title().isBlank()) {
      throw ApiException.badRequest("title is missing");
    }
    if (a.title().length() > MAX_TITLE) {
      throw ApiException.badRequest("title is longer than " + MAX_TITLE + " characters");
    }
    if (a.body() == null || a.body().isBlank()) {
      throw ApiException.badRequest("body is empty");
    }
    if (a.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw ApiException.badRequest("body is over 200 KB");
    }
    if (a.service() == null || a.service().isBlank()) {
      throw ApiException.badRequest("service is missing");
    }
    if (a.audience() == null) {
      throw ApiException.badRequest("audience is missing");
    }
    return a;
  }

  /** The file for an article: parse(write(a)) gives a back. */
  public static String write(ArticleInput a) {
    StringBuilder b = new StringBuilder("---\n");
    b.append("id: ").append(a.id()).append('\n');
    b.append("title: ").append(quote(a.title())).append('\n');
    b.append("tags: [");
    for (int i = 0; i < a.tags().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quote(a.tags().get(i)));
    }
    b.append("]\n");
    b.append("service: ").append(quote(a.service())).append('\n');
    b.append("audience: ").append(a.audience().wire()).append('\n');
    a.reviewBy().ifPresent(d -> b.append("review_by: ").append(d).append('\n'));
    b.append("---\n").append(a.body().strip()).append('\n');
    return b.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String str(Object o) {
    return o == null ? null : o.toString().strip();
  }

  private static List<String> tags(Object o) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> list)) {
      throw ApiException.badRequest("tags must be a list, e.g. tags: [password, account]");
    }
    List<String> out = new ArrayList<>();
    for (Object t : list) {
      if (t == null || t instanceof Map || t instanceof List) {
        throw ApiException.badRequest("each tag must be a word or short phrase");
      }
      out.add(t.toString().strip());
    }
    return out;
  }

  private static Optional<LocalDate> reviewBy(Object o) {
    if (o == null) {
      return Optional.empty();
    }
    if (o instanceof Date d) {
      return Optional.of(LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC));
    }
    try {
      return Optional.of(LocalDate.parse(o.toString().strip()));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("review_by must be a date like 2026-12-31");
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
