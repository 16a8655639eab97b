package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.article.ArticleFormat;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchEngineTest {
  static ArticleIndex index;
  static SearchEngine engine;

  @BeforeAll
  static void build() throws Exception {
    index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
    MarkdownRenderer md = new MarkdownRenderer();
    List<IndexedArticle> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/articles"))) {
      for (Path f : files.toList()) {
        ArticleInput a = ArticleFormat.parse(Files.readString(f));
        docs.add(
            new IndexedArticle(
                a.id(), a.title(), a.tags(), md.text(a.body()), a.service(), a.audience(), 1));
      }
    }
    index.addAll(docs);
    Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
    engine =
        new SearchEngine(index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "");
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(String q, Audience a) {
    return engine.search(q, a, 10, null, true).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void synonymsBridgeJargon() {
    assertThat(ids("forgot my pwd", Audience.STAFF)).first().isEqualTo("reset-network-password");
    assertThat(ids("wi-fi not working on my pc", Audience.STAFF))
        .first()
        .isEqualTo("connect-to-wifi");
    assertThat(ids("2fa setup", Audience.STAFF)).first().isEqualTo("set-up-mfa");
    assertThat(ids("remote access from home", Audience.STAFF))
        .first()
        .isEqualTo("vpn-remote-access");
  }

  @Test
  void typosAreToleratedOnlyForUnknownWords() {
    assertThat(ids("outlok not synching", Audience.STAFF)).first().isEqualTo("outlook-not-syncing");
    assertThat(ids("pasword reset", Audience.STAFF)).first().isEqualTo("reset-network-password");
  }

  @Test
  void audienceRuleIsApplied() {
    assertThat(ids("toner printer", Audience.STAFF)).doesNotContain("school-printer-toner");
    assertThat(ids("toner printer", Audience.SCHOOLS)).first().isEqualTo("school-printer-toner");
    assertThat(ids("network password", Audience.SCHOOLS)).doesNotContain("reset-network-password");
    assertThat(ids("outlook", Audience.SCHOOLS)).contains("outlook-not-syncing");
  }

  @Test
  void queryTextIsNeverLuceneSyntax() {
    for (String q :
        List.of(
            "AND",
            "*",
            "title:password",
            "\"unbalanced",
            "(((",
            "a OR b NOT c",
            "~2 ^3 [x TO y]",
            "\\",
            "?")) {
      SearchEngine.Result r = engine.search(q, Audience.STAFF, 10, null, true);
      assertThat(r.hits()).isNotNull();
    }
    assertThat(ids("password AND (reset)", Audience.STAFF))
        .first()
        .isEqualTo("reset-network-password");
  }

  @Test
  void snippetsHighlightAndEscape() {
    SearchHit hit = engine.search("locked out", Audience.STAFF, 1, null, true).hits().get(0);
    assertThat(hit.snippet()).contains("<mark>");
    SearchHit hostile =
        engine.search("hostile script alert", Audience.STAFF, 1, null, true).hits().get(0);
    assertThat(hostile.snippet()).doesNotContain("<script").doesNotContain("<img");
  }

  @Test
  void confidentOnlyWhenTheTopHitCoversTheQuestion() {
    assertThat(engine.search("reset my network password", Audience.STAFF, 5, null, false).answer())
        .map(SearchHit::id)
        .contains("reset-network-password");
    assertThat(
            engine
                .search(
                    "parking permit for the county hall car park", Audience.STAFF, 5, null, false)
                .answer())
        .isEmpty();
    assertThat(engine.search("the", Audience.STAFF, 5, null, false).hits()).isEmpty();
  }
}
