package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Term clauses bounded from the cached blocks must find exactly what Lucene's own term queries
 * find, in an index whose common words have thousands of articles in a segment (so the blocks are
 * used, not only Lucene's path for rare words), across segments with deleted articles, and after
 * the statistics change under a cache filled before.
 */
class BlockMaxTermQueryTest {
  private static final int WORDS = 300;

  @Test
  void sameTopHitsAsLucenesTermQueries() throws Exception {
    Random rnd = new Random(7);
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = writer(dir)) {
      addArticles(w, rnd, 0, 7000, 40, 400);
      w.deleteDocuments(new Term("id", "d17"), new Term("id", "d2500"), new Term("id", "d6001"));
      BlockMaxes cache = new BlockMaxes();
      try (DirectoryReader reader = DirectoryReader.open(w)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(reader.docFreq(new Term("body", "w0"))).isGreaterThan(2 * BlockMaxes.MIN_DOCS);
        assertSame(searcher(reader), cache, rnd, 150);
      }
      // Short articles without the common words: their IDF rises and the average length falls,
      // so every common word scores higher than the blocks kept above say.
      addArticles(w, rnd, 7000, 6000, 3, 5);
      try (DirectoryReader reader = DirectoryReader.open(w)) {
        assertSame(searcher(reader), cache, rnd, 150);
      }
    }
  }

  @Test
  void aBlockNeverScoresBelowItsArticles() throws Exception {
    Random rnd = new Random(11);
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = writer(dir)) {
      addArticles(w, rnd, 0, 4000, 20, 300);
      try (DirectoryReader reader = DirectoryReader.open(w)) {
        IndexSearcher searcher = searcher(reader);
        BlockMaxes cache = new BlockMaxes();
        for (String word : List.of("w0", "w1", "w3", "w9")) {
          // Two clauses, so the term clause is one that MaxScore drives.
          Query q =
              BlockMaxTermQuery.of(
                  new BooleanQuery.Builder()
                      .add(
                          new BoostQuery(term(searcher, "body", word), 1.7f),
                          BooleanClause.Occur.SHOULD)
                      .add(term(searcher, "title", word), BooleanClause.Occur.SHOULD)
                      .build(),
                  cache,
                  new TermLookup(searcher));
          Query clause = ((BoostQuery) ((BooleanQuery) q).clauses().get(0).getQuery()).getQuery();
          assertThat(clause).isInstanceOf(BlockMaxTermQuery.class);
          Weight weight =
              searcher.createWeight(new BoostQuery(clause, 1.7f), ScoreMode.TOP_SCORES, 1f);
          for (LeafReaderContext leaf : reader.leaves()) {
            checkBounds(weight.scorer(leaf), weight.scorer(leaf), rnd);
          }
        }
      }
    }
  }

  /** Every article's score is within the bound of its block and of any window around it. */
  private static void checkBounds(Scorer walk, Scorer probe, Random rnd) throws IOException {
    DocIdSetIterator it = walk.iterator();
    List<int[]> docs = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
      float s = walk.score();
      docs.add(new int[] {d});
      scores.add(s);
    }
    assertThat(docs).hasSizeGreaterThan(BlockMaxes.MIN_DOCS);
    int checked = 0;
    for (int i = 0; i < docs.size(); i += 1 + rnd.nextInt(7)) {
      int from = docs.get(i)[0];
      int j = Math.min(docs.size() - 1, i + rnd.nextInt(400));
      int upTo = docs.get(j)[0];
      probe.advanceShallow(from);
      float bound = probe.getMaxScore(upTo);
      for (int k = i; k <= j; k++) {
        assertThat(scores.get(k))
            .as("doc %d in [%d, %d]", docs.get(k)[0], from, upTo)
            .isLessThanOrEqualTo(bound);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  private static void assertSame(IndexSearcher searcher, BlockMaxes cache, Random rnd, int n)
      throws IOException {
    int compared = 0;
    int bounded = 0;
    for (int i = 0; i < n; i++) {
      Query q = searcher.rewrite(randomQuery(searcher, rnd));
      Query b = BlockMaxTermQuery.of(q, cache, new TermLookup(searcher));
      bounded += b == q ? 0 : 1;
      TopDocs expected = searcher.search(q, new TopScoreDocCollectorManager(10, 10));
      TopDocs actual = searcher.search(b, new TopScoreDocCollectorManager(10, 10));
      assertThat(summary(actual)).as(q.toString()).isEqualTo(summary(expected));
      compared += expected.scoreDocs.length;
    }
    assertThat(compared).isEqualTo(10 * n);
    assertThat(bounded).isGreaterThan(n * 9 / 10);
  }

  /** A sum of two to six term clauses, boosted terms and field-max pairs, as the builder makes. */
  private static Query randomQuery(IndexSearcher s, Random rnd) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 2 + rnd.nextInt(5);
    for (int c = 0; c < clauses; c++) {
      String word = word(rnd);
      Query q =
          switch (rnd.nextInt(3)) {
            case 0 -> term(s, "body", word);
            case 1 -> new BoostQuery(term(s, "body", word), 0.2f + 3 * rnd.nextFloat());
            default ->
                new BoostQuery(
                    new DisjunctionMaxQuery(
                        List.of(new BoostQuery(term(s, "title", word), 3f), term(s, "body", word)),
                        0.3f),
                    0.5f + rnd.nextFloat());
          };
      b.add(q, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static TermQuery term(IndexSearcher s, String field, String word) throws IOException {
    Term t = new Term(field, word);
    return new TermQuery(t, TermStates.build(s, t, true));
  }

  private static List<String> summary(TopDocs top) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      // Sums may be added in another order: equal to the shown precision.
      out.add(d.doc + ":" + Math.round(d.score * 10000.0) / 10000.0);
    }
    return out;
  }

  private static IndexSearcher searcher(DirectoryReader reader) {
    IndexSearcher s = new IndexSearcher(reader);
    s.setSimilarity(RelevanceModel.PRODUCTION.similarity());
    return s;
  }

  private static IndexWriter writer(Directory dir) throws IOException {
    IndexWriterConfig c = new IndexWriterConfig(new WhitespaceAnalyzer());
    c.setSimilarity(RelevanceModel.PRODUCTION.similarity());
    // Several segments, so blocks are kept per segment and documents carry a base.
    c.setMergePolicy(NoMergePolicy.INSTANCE);
    c.setMaxBufferedDocs(2500);
    return new IndexWriter(dir, c);
  }

  /** Articles whose words follow a steep curve: the first few are in most articles. */
  private static void addArticles(
      IndexWriter w, Random rnd, int from, int count, int minWords, int maxWords)
      throws IOException {
    boolean shortOnes = maxWords < 10;
    for (int i = from; i < from + count; i++) {
      Document d = new Document();
      d.add(new StringField("id", "d" + i, Field.Store.NO));
      d.add(new TextField("title", words(rnd, 2 + rnd.nextInt(6), shortOnes), Field.Store.NO));
      int n = minWords + rnd.nextInt(maxWords - minWords + 1);
      d.add(new TextField("body", words(rnd, n, shortOnes), Field.Store.NO));
      w.addDocument(d);
    }
  }

  private static String words(Random rnd, int n, boolean rareOnly) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(rareOnly ? "x" + rnd.nextInt(5000) : word(rnd)).append(' ');
    }
    return b.toString();
  }

  /** Roughly Zipf: w0 most often, then w1, ... */
  private static String word(Random rnd) {
    return "w" + (int) Math.floor(Math.pow(WORDS, rnd.nextDouble()) - 1);
  }
}
