package io.frontdesk.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.eval.SyntheticCorpus;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * After a burst of single publishes (one segment per reopen) and a quiet period, the index is
 * merged into one segment with the same search results; publishing while a merge runs is still
 * searchable within a second.
 */
class IndexCompactionTest {
  final RelevanceModel model = RelevanceModel.PRODUCTION;
  final List<IndexedArticle> docs = new SyntheticCorpus().articles(1_500, new Random(7));

  @Test
  void mergesIntoOneSegmentOnceWritesStopWithTheSameResults() throws Exception {
    try (ArticleIndex index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), model.similarity())) {
      publishInBursts(index, docs);
      assertThat(index.segments()).as("one segment per reopen").isGreaterThan(1);
      SearchEngine engine = engine(index);
      List<String> questions = SyntheticCorpus.questions(docs, 40, new Random(3));
      List<List<String>> before = results(engine, questions);

      try (IndexCompaction compaction =
          new IndexCompaction(index, Duration.ofMillis(300), Duration.ofMinutes(10)).start()) {
        waitFor(() -> compaction.merges() == 1, 20_000);
        assertThat(index.segments()).isEqualTo(1);
        assertThat(results(engine, questions)).isEqualTo(before);

        // Another burst: not merged again within the interval.
        publishInBursts(
            index, new SyntheticCorpus().articles(1_700, new Random(8)).subList(1_500, 1_700));
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        waitFor(() -> System.nanoTime() > quietUntil, 2_000);
        assertThat(compaction.merges()).isEqualTo(1);
        assertThat(index.segments()).isGreaterThan(1);
      }
    }
  }

  @Test
  void mergesAgainWithinTheIntervalOnceTheIndexHasDoubled() throws Exception {
    try (ArticleIndex index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), model.similarity())) {
      publishInBursts(index, docs.subList(0, 200));
      try (IndexCompaction compaction =
          new IndexCompaction(index, Duration.ofMillis(200), Duration.ofMinutes(10)).start()) {
        waitFor(() -> compaction.merges() == 1, 20_000);
        publishInBursts(index, docs.subList(200, 600));
        waitFor(() -> compaction.merges() == 2, 20_000);
        assertThat(index.segments()).isEqualTo(1);
      }
    }
  }

  @Test
  void waitsForWritesToStop() throws Exception {
    try (ArticleIndex index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), model.similarity())) {
      publishInBursts(index, docs.subList(0, 400));
      try (IndexCompaction compaction =
          new IndexCompaction(index, Duration.ofSeconds(2), Duration.ZERO).start()) {
        // Keep writing for longer than the quiet period: no merge while writes go on.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int i = 400;
        while (System.nanoTime() < until) {
          index.awaitSearchable(index.upsert(docs.get(i++ % docs.size())));
        }
        assertThat(compaction.merges()).isZero();
        waitFor(() -> compaction.merges() == 1, 20_000);
      }
    }
  }

  @Test
  void aPublishDuringTheMergeIsSearchableWithinASecond() throws Exception {
    try (ArticleIndex index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), model.similarity())) {
      publishInBursts(index, docs);
      SearchEngine engine = engine(index);
      Thread merge = new Thread(index::mergeToOneSegment, "test-merge");
      merge.start();
      int published = 0;
      do {
        IndexedArticle a =
            new IndexedArticle(
                "new-" + published,
                "Reconnect the zyxwarble printer " + published,
                List.of(),
                "Turn the zyxwarble printer off and on again.",
                "Printing",
                Audience.STAFF,
                10_000 + published);
        long start = System.nanoTime();
        index.awaitSearchable(index.upsert(a));
        List<String> ids =
            ids(engine.search("zyxwarble printer " + published, Audience.STAFF, 10, null, true));
        assertThat(ids).contains(a.id());
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        published++;
      } while (merge.isAlive());
      merge.join();
      for (int i = 0; i < published; i++) {
        assertThat(ids(engine.search("zyxwarble printer " + i, Audience.STAFF, 10, null, true)))
            .as("still there after the merge")
            .contains("new-" + i);
      }
    }
  }

  /** Publishes one by one, waiting for each hundred to be searchable as a burst of imports does. */
  static void publishInBursts(ArticleIndex index, List<IndexedArticle> articles) {
    for (int i = 0; i < articles.size(); i++) {
      long gen = index.upsert(articles.get(i));
      if (i % 100 == 99 || i == articles.size() - 1) {
        index.awaitSearchable(gen);
      }
    }
  }

  SearchEngine engine(ArticleIndex index) {
    Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
    return new SearchEngine(index, model, () -> syn, Confidence.PRODUCTION, "");
  }

  /**
   * Each question's hits, articles of equal score in id order: the merge groups articles by title
   * words ({@link ArticleOrder}), and equal scores come in document order.
   */
  static List<List<String>> results(SearchEngine engine, List<String> questions) {
    List<List<String>> out = new ArrayList<>();
    for (String q : questions) {
      List<SearchHit> hits =
          new ArrayList<>(engine.search(q, Audience.STAFF, 10, null, true).hits());
      hits.sort(
          Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id));
      out.add(hits.stream().map(h -> h.id() + " " + h.score() + " " + h.snippet()).toList());
    }
    return out;
  }

  static List<String> ids(SearchEngine.Result r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  static void waitFor(BooleanSupplier condition, long ms) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %d ms", ms).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
