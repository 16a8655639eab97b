package io.frontdesk.knowledge.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticRankerTest {
  /**
   * A stand-in for the model: words of one meaning share an axis, so "unfriended" is near "removed
   * from friends" although they share no word. Counts its calls.
   */
  static final class ConceptEmbedder implements TextEmbedder {
    private static final Map<String, Integer> AXES =
        Map.of(
            "unfriended",
            0,
            "friends",
            0,
            "removed",
            0,
            "printer",
            1,
            "toner",
            1,
            "password",
            2,
            "reset",
            2,
            "vpn",
            3,
            "remote",
            3);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
      return "concepts";
    }

    @Override
    public int dimensions() {
      return 5;
    }

    @Override
    public float[] embed(String text) {
      calls.incrementAndGet();
      float[] v = new float[5];
      for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
        v[AXES.getOrDefault(w, 4)] += AXES.containsKey(w) ? 1 : 0.1f;
      }
      double n = Math.sqrt(TextEmbedder.dot(v, v));
      for (int i = 0; i < v.length; i++) {
        v[i] /= n;
      }
      return v;
    }
  }

  private static final List<IndexedArticle> ARTICLES =
      List.of(
          article("social", "Who removed me from their friends list", Audience.ALL),
          article("help", "Someone asked for help with the account of a user", Audience.ALL),
          article("account", "Account settings for a user", Audience.ALL),
          article("removed", "Account removed", Audience.ALL),
          article("lists", "Friends lists of an account", Audience.ALL),
          article("printer", "Printer out of toner", Audience.STAFF),
          article("school-printer", "School printer toner orders", Audience.SCHOOLS));

  private static IndexedArticle article(String id, String title, Audience audience) {
    return new IndexedArticle(id, title, List.of(), title + ". More text here.", "IT", audience, 1);
  }

  private static SearchEngine engine(ArticleIndex index, SemanticRanker ranker) {
    Synonyms syn = new Synonyms(List.of(), index.analyzer());
    return new SearchEngine(
        index, RelevanceModel.PRODUCTION, () -> syn, Confidence.PRODUCTION, "", ranker);
  }

  @Test
  void aTitleOfTheSameMeaningRisesAboveWordMatches() {
    TitleVectors titles = TitleVectors.inMemory(new ConceptEmbedder());
    try (ArticleIndex index =
        ArticleIndex.inMemory(
            new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity(), titles)) {
      index.addAll(ARTICLES);
      String q = "a user unfriended me, help with my account friends";
      List<String> lexical =
          engine(index, null).search(q, Audience.STAFF, 5, null, false).hits().stream()
              .map(SearchHit::id)
              .toList();
      SearchEngine.Result fused =
          engine(index, SemanticRanker.standard(titles)).search(q, Audience.STAFF, 5, null, false);
      List<String> order = fused.hits().stream().map(SearchHit::id).toList();
      assertEquals("help", lexical.get(0), "lexical alone ranks word matches first");
      assertTrue(
          order.indexOf("social") < lexical.indexOf("social"),
          "the same meaning rises: lexical " + lexical + ", fused " + order);
      assertFalse(order.get(0).equals("help"), "fused " + order);
      // The semantic ranking moved another article to the top: no confident answer.
      assertTrue(fused.answer().isEmpty());
      assertFalse(fused.features().agrees());
    }
  }

  @Test
  void theAudienceRuleHolds() {
    TitleVectors titles = TitleVectors.inMemory(new ConceptEmbedder());
    try (ArticleIndex index =
        ArticleIndex.inMemory(
            new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity(), titles)) {
      index.addAll(ARTICLES);
      for (boolean ties : new boolean[] {true, false}) {
        String mode = ties ? "ties to lexical" : "ties to semantic";
        SearchEngine e = engine(index, new SemanticRanker(titles, 100, 60, ties));
        List<String> staff =
            e.search("toner", Audience.STAFF, 10, null, false).hits().stream()
                .map(SearchHit::id)
                .toList();
        List<String> schools =
            e.search("toner", Audience.SCHOOLS, 10, null, false).hits().stream()
                .map(SearchHit::id)
                .toList();
        assertTrue(
            staff.contains("printer") && !staff.contains("school-printer"), mode + ": " + staff);
        assertTrue(
            schools.contains("school-printer") && !schools.contains("printer"),
            mode + ": " + schools);
        List<String> excluded =
            e.search("toner", Audience.STAFF, 10, "printer", false).hits().stream()
                .map(SearchHit::id)
                .toList();
        assertFalse(excluded.contains("printer"), mode + ": " + excluded);
      }
    }
  }

  @Test
  void storedVectorsAreNotEmbeddedAgainOnRebuild(@TempDir Path tmp) throws Exception {
    ConceptEmbedder embedder = new ConceptEmbedder();
    try (MongoStore store = TestStores.fresh()) {
      Path dir = tmp.resolve("first");
      try (ArticleIndex index =
          ArticleIndex.open(
              dir,
              new KnowledgeAnalyzer(),
              RelevanceModel.PRODUCTION.similarity(),
              new StoredTitleVectors(embedder, store.database()))) {
        index.rebuild(ARTICLES, 1);
      }
      assertEquals(ARTICLES.size(), embedder.calls.get());
      StoredTitleVectors again = new StoredTitleVectors(embedder, store.database());
      try (ArticleIndex index =
          ArticleIndex.open(
              tmp.resolve("second"),
              new KnowledgeAnalyzer(),
              RelevanceModel.PRODUCTION.similarity(),
              again)) {
        index.rebuild(ARTICLES, 1);
        assertEquals(ARTICLES.size(), embedder.calls.get(), "no title embedded twice");
        // The stored vectors rank as freshly embedded ones do (same order as the first test).
        assertEquals(
            "lists",
            engine(index, SemanticRanker.standard(again))
                .search(
                    "a user unfriended me, help with my account friends",
                    Audience.STAFF,
                    3,
                    null,
                    false)
                .hits()
                .get(0)
                .id());
      }
    }
  }

  @Test
  void anIndexWithoutVectorsIsRebuiltWhenSemanticRankingIsSwitchedOn(@TempDir Path dir)
      throws Exception {
    try (ArticleIndex index =
        ArticleIndex.open(dir, new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity())) {
      index.rebuild(ARTICLES, 1);
    }
    try (ArticleIndex index =
        ArticleIndex.open(
            dir,
            new KnowledgeAnalyzer(),
            RelevanceModel.PRODUCTION.similarity(),
            TitleVectors.inMemory(new ConceptEmbedder()))) {
      assertFalse(index.existed(), "an index without title vectors must be rebuilt");
    }
  }

  @Test
  void theSettingNamesWhatIsWrong() {
    assertFalse(SemanticSetting.load(Settings.of(Map.of())).on());
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () -> SemanticSetting.load(Settings.of(Map.of(SemanticSetting.KEY, "bert"))));
    assertTrue(bad.getMessage().contains(SemanticSetting.KEY), bad.getMessage());
    ConfigException refused =
        assertThrows(
            ConfigException.class,
            () -> SemanticSetting.load(Settings.of(Map.of(SemanticSetting.KEY, "static"))).check());
    assertTrue(refused.getMessage().contains("static"), refused.getMessage());
    // The model is on knowledge's test class path (an optional dependency), so minilm passes.
    assertTrue(
        SemanticSetting.load(Settings.of(Map.of(SemanticSetting.KEY, "minilm"))).check().on());
  }
}
