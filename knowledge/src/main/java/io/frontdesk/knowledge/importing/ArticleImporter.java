package io.frontdesk.knowledge.importing;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleService;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code kb import DIR}: every {@code *.md} under a directory, validated in full before anything is
 * written, so a rejected file leaves no trace. A duplicate id within the batch rejects every file
 * that claims it (which one was meant is the author's call, not ours). Blocking.
 */
public final class ArticleImporter {
  private final ArticleService articles;

  public ArticleImporter(ArticleService articles) {
    this.articles = articles;
  }

  public ImportReport importDirectory(Path dir, String by) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p :
          walk.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f))
              .sorted()
              .toList()) {
        files.put(dir.relativize(p).toString(), readOrNull(p));
      }
    }
    return importFiles(files, by);
  }

  /** Imports named file contents (a null content is an unreadable file). */
  public ImportReport importFiles(Map<String, String> files, String by) {
    List<ImportReport.Rejection> rejected = new ArrayList<>();
    Map<String, ArticleInput> valid = new LinkedHashMap<>();
    Map<String, List<String>> byId = new HashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getValue() == null) {
        rejected.add(new ImportReport.Rejection(f.getKey(), "not readable as UTF-8 text"));
        continue;
      }
      try {
        ArticleInput a = ArticleFormat.parse(f.getValue());
        valid.put(f.getKey(), a);
        byId.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(f.getKey());
      } catch (ApiException e) {
        rejected.add(new ImportReport.Rejection(f.getKey(), e.getMessage()));
      }
    }
    List<ArticleInput> accepted = new ArrayList<>();
    for (Map.Entry<String, ArticleInput> e : valid.entrySet()) {
      List<String> claimants = byId.get(e.getValue().id());
      if (claimants.size() > 1) {
        List<String> others = new ArrayList<>(claimants);
        others.remove(e.getKey());
        rejected.add(
            new ImportReport.Rejection(
                e.getKey(),
                "duplicate id '"
                    + e.getValue().id()
                    + "' (also in "
                    + String.join(", ", others)
                    + ")"));
        continue;
      }
      accepted.add(e.getValue());
    }
    int added = articles.importAllBlocking(by, accepted);
    int updated = accepted.size() - added;
    return new ImportReport(added, updated, rejected);
  }

  private static String readOrNull(Path p) throws IOException {
    byte[] bytes = Files.readAllBytes(p);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
