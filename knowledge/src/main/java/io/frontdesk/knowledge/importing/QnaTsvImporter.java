package io.frontdesk.knowledge.importing;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a QnA Maker / Azure "custom question answering" TSV export (columns Question, Answer,
 * Source, Metadata), so a FAQ Plus deployment can move over. Rows with the same answer are
 * alternative phrasings of one QnA pair: the first question becomes the title and the others become
 * tags, so they are searchable. Metadata {@code key:value|key:value} may set audience and service.
 */
public final class QnaTsvImporter {
  private final ArticleService articles;
  private final String defaultService;

  public QnaTsvImporter(ArticleService articles, String defaultService) {
    this.articles = articles;
    this.defaultService = defaultService;
  }

  /** Parses the whole file first; writes only valid pairs. Blocking. */
  public ImportReport importTsv(String source, String tsv) {
    List<ImportReport.Rejection> rejected = new ArrayList<>();
    Map<String, List<String[]>> byAnswer = new LinkedHashMap<>();
    String[] lines = tsv.replace("\r\n", "\n").split("\n");
    int start =
        lines.length > 0 && lines[0].toLowerCase(Locale.ROOT).startsWith("question\t") ? 1 : 0;
    for (int i = start; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cols = lines[i].split("\t", -1);
      if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
        rejected.add(
            new ImportReport.Rejection(source + ":" + (i + 1), "needs a Question and an Answer"));
        continue;
      }
      byAnswer.computeIfAbsent(cols[1].strip(), k -> new ArrayList<>()).add(cols);
    }
    List<ArticleInput> inputs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : byAnswer.entrySet()) {
      String[] first = e.getValue().get(0);
      Map<String, String> meta = metadata(first.length > 3 ? first[3] : "");
      List<String> alternatives = new ArrayList<>();
      for (String[] row : e.getValue().subList(1, e.getValue().size())) {
        alternatives.add(row[0].strip());
      }
      String id = uniqueId(slug(first[0]), ids);
      try {
        String body = e.getKey().replace("\\n", "\n");
        if (first.length > 2
            && !first[2].isBlank()
            && !first[2].strip().equalsIgnoreCase("Editorial")) {
          body += "\n\nSource: " + first[2].strip();
        }
        ArticleInput a =
            ArticleFormat.validate(
                new ArticleInput(
                    id,
                    first[0].strip(),
                    body,
                    alternatives,
                    meta.getOrDefault("service", defaultService),
                    Audience.parseArticle(meta.getOrDefault("audience", "all")),
                    Optional.empty()));
        inputs.add(a);
        ids.add(id);
      } catch (ApiException ex) {
        rejected.add(
            new ImportReport.Rejection(source + ": '" + first[0].strip() + "'", ex.getMessage()));
      }
    }
    int added = articles.importAllBlocking("qna-import", inputs);
    int updated = inputs.size() - added;
    return new ImportReport(added, updated, rejected);
  }

  static Map<String, String> metadata(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String kv : raw.split("\\|")) {
      int c = kv.indexOf(':');
      if (c > 0) {
        out.put(kv.substring(0, c).strip().toLowerCase(Locale.ROOT), kv.substring(c + 1).strip());
      }
    }
    return out;
  }

  static String slug(String question) {
    String s =
        question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "qna" : s;
  }

  private static String uniqueId(String base, List<String> taken) {
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}
