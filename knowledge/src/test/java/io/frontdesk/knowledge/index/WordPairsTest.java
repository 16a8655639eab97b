package io.frontdesk.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word-pair fields behind the proximity clauses, and the index rebuild they require. */
class WordPairsTest {
  private final KnowledgeAnalyzer analyzer = new KnowledgeAnalyzer();

  @Test
  void wordsCloseTogetherMakeOneOrderFreePair() throws Exception {
    // Stemmed, and a removed stop word between them still leaves them close.
    assertThat(pairs(ArticleIndex.TITLE_PAIRS, "Resetting the passwords"))
        .containsExactly(PairFilter.pair("reset", "password"));
    assertThat(PairFilter.pair("reset", "password"))
        .isEqualTo(PairFilter.pair("password", "reset"));
    assertThat(PairFilter.pair("reset", "password"))
        .isNotEqualTo(PairFilter.pair("reset", "printer"));
    // More than three positions apart: no pair.
    assertThat(pairs(ArticleIndex.TITLE_PAIRS, "reset and then the password")).isEmpty();
    // Only neighbours pair.
    assertThat(pairs(ArticleIndex.TITLE_PAIRS, "reset printer password"))
        .containsExactlyInAnyOrder(
            PairFilter.pair("reset", "printer"), PairFilter.pair("printer", "password"));
  }

  @Test
  void theIndexedBodyPairsAreTheAnalyzersOfItsFirstWords() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < KnowledgeAnalyzer.BODY_PAIR_WORDS + 30; i++) {
      words.add("w" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
    }
    String body = String.join(" the ", words);
    AnalyzedBody analyzed = new AnalyzedBody(analyzer);
    analyzed.fill(body);
    List<String> replayed = drain(analyzed.pairs());
    List<String> expected = pairs(ArticleIndex.BODY_PAIRS, body);
    Collections.sort(replayed);
    Collections.sort(expected);
    assertThat(replayed).isEqualTo(expected).hasSize(KnowledgeAnalyzer.BODY_PAIR_WORDS - 1);
    assertThat(drain(analyzed.words())).isEqualTo(pairs(ArticleIndex.BODY, body));
  }

  @Test
  void eachArticleIsIndexedWithItsOwnPairs() throws Exception {
    try (ArticleIndex index =
        ArticleIndex.inMemory(analyzer, RelevanceModel.PRODUCTION.similarity())) {
      index.addAll(
          List.of(
              article("a", "Printer help", "Reset the printer queue first."),
              article("b", "Mail help", "Forward mail to another mailbox.")));
      IndexSearcher s = index.acquire();
      try {
        assertThat(s.count(pairQuery(ArticleIndex.BODY_PAIRS, "printer", "queue"))).isEqualTo(1);
        assertThat(s.count(pairQuery(ArticleIndex.BODY_PAIRS, "forward", "mail"))).isEqualTo(1);
        assertThat(s.count(pairQuery(ArticleIndex.TITLE_PAIRS, "mail", "help"))).isEqualTo(1);
        assertThat(s.count(pairQuery(ArticleIndex.BODY_PAIRS, "printer", "mail"))).isZero();
      } finally {
        index.release(s);
      }
    }
  }

  @Test
  void wordsAskedTogetherRankTheArticleWhereTheyStandTogetherFirst() {
    try (ArticleIndex index =
        ArticleIndex.inMemory(analyzer, RelevanceModel.PRODUCTION.similarity())) {
      index.addAll(
          List.of(
              article(
                  "apart",
                  "Queue tips",
                  "The queue can stall. Later, if the network is slow, the printer may wait."),
              article(
                  "together",
                  "Queue tips",
                  "The printer queue can stall. Later, if the network is slow, it may wait.")));
      Synonyms none = Synonyms.none(analyzer);
      SearchEngine engine =
          new SearchEngine(index, RelevanceModel.PRODUCTION, () -> none, Confidence.PRODUCTION, "");
      List<SearchHit> hits = engine.search("printer queue", Audience.STAFF, 10, null, false).hits();
      assertThat(hits).extracting(SearchHit::id).containsExactly("together", "apart");
    }
  }

  @Test
  void anIndexOfTheFormatBeforeWordPairsIsRebuilt(@TempDir Path dir) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer))) {
      w.addDocument(new Document());
      w.setLiveCommitData(
          Map.of(ArticleIndex.MARKER, "7", ArticleIndex.FORMAT_KEY, "2").entrySet());
      w.commit();
    }
    try (ArticleIndex index =
        ArticleIndex.open(dir, analyzer, RelevanceModel.PRODUCTION.similarity())) {
      assertThat(index.existed()).as("an index without word pairs must be rebuilt").isFalse();
      assertThat(index.appliedSeq()).isZero();
      assertThat(index.size()).isZero();
    }
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      assertThat(r.getIndexCommit().getUserData())
          .containsEntry(ArticleIndex.FORMAT_KEY, ArticleIndex.FORMAT);
    }
  }

  @Test
  void anIndexWhoseBodyHasPositionsIsRebuiltAndThenTakesArticles(@TempDir Path dir)
      throws Exception {
    // Format 5 indexed the body with positions; Lucene refuses to index the same field without
    // them in that index, so opening it must start afresh rather than fail at the first write.
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer))) {
      Document old = new Document();
      old.add(
          new org.apache.lucene.document.TextField(
              ArticleIndex.BODY, "reset the printer", org.apache.lucene.document.Field.Store.NO));
      w.addDocument(old);
      w.setLiveCommitData(
          Map.of(ArticleIndex.MARKER, "7", ArticleIndex.FORMAT_KEY, "5").entrySet());
      w.commit();
    }
    try (ArticleIndex index =
        ArticleIndex.open(dir, analyzer, RelevanceModel.PRODUCTION.similarity())) {
      assertThat(index.existed()).isFalse();
      index.awaitSearchable(index.upsert(article("a1", "Printer", "Reset the printer queue.")));
      assertThat(index.size()).isEqualTo(1);
      IndexSearcher searcher = index.acquire();
      try {
        org.apache.lucene.index.FieldInfo body =
            org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
                .fieldInfo(ArticleIndex.BODY);
        assertThat(body.getIndexOptions())
            .isEqualTo(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
      } finally {
        index.release(searcher);
      }
    }
  }

  private static IndexedArticle article(String id, String title, String body) {
    return new IndexedArticle(id, title, List.of(), body, "", Audience.ALL, 1);
  }

  private static org.apache.lucene.search.Query pairQuery(String field, String a, String b) {
    return new org.apache.lucene.search.TermQuery(new Term(field, PairFilter.pair(a, b)));
  }

  /** The tokens the analyzer makes of {@code text} for {@code field}. */
  private List<String> pairs(String field, String text) throws Exception {
    return drain(analyzer.tokenStream(field, text));
  }

  private static List<String> drain(TokenStream ts) throws Exception {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
