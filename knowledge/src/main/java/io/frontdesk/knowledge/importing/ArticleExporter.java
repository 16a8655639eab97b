package io.frontdesk.knowledge.importing;

import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every published article as {@code <id>.md} in the import format. Blocking. */
public final class ArticleExporter {
  private final ArticleService articles;

  public ArticleExporter(ArticleService articles) {
    this.articles = articles;
  }

  public int export(Path dir) throws IOException {
    Files.createDirectories(dir);
    int n = 0;
    for (ArticleInput a : articles.exportAllBlocking()) {
      Files.writeString(
          dir.resolve(a.id() + ".md"), ArticleFormat.write(a), StandardCharsets.UTF_8);
      n++;
    }
    return n;
  }
}
