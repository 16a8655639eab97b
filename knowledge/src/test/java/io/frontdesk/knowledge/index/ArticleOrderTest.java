package io.frontdesk.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.search.RelevanceModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * A forced merge groups the articles whose titles share words, so that a title word's articles fill
 * a few blocks instead of all of them; a natural merge or a single segment is left alone.
 */
class ArticleOrderTest {

  @Test
  void theCompactionMergeGroupsArticlesByTitleWords() throws Exception {
    try (ArticleIndex index = index()) {
      // Printer and wifi articles alternate as they are written, in several segments.
      index.addAll(articles(0, 1_000));
      index.commit();
      index.addAll(articles(1_000, 2_500));
      index.commit();
      assertThat(index.segments()).isGreaterThan(1);
      assertThat(index.compact()).isFalse();
      assertThat(runs(index, "printer")).as("as written").isGreaterThan(600);

      index.mergeToOneSegment();

      assertThat(index.segments()).isEqualTo(1);
      assertThat(diagnostic(index)).isEqualTo("true");
      assertThat(index.compact()).isTrue();
      // A handful of runs of printer articles instead of one per article.
      assertThat(runs(index, "printer")).isLessThan(20);
      assertThat(count(index, "printer")).isEqualTo(1_250);
    }
  }

  @Test
  void aRebuiltIndexIsOneSegmentAsWrittenThenGroupedOnItsOwn() throws Exception {
    try (ArticleIndex index = index()) {
      index.rebuild(articles(0, 2_500), 2_500);
      // The rebuild's own merge keeps the written order: it is the fast path at start-up.
      assertThat(index.segments()).isEqualTo(1);
      assertThat(diagnostic(index)).isNotEqualTo("true");
      assertThat(index.compact()).isFalse();

      index.mergeToOneSegment();

      assertThat(index.segments()).isEqualTo(1);
      assertThat(diagnostic(index)).isEqualTo("true");
      assertThat(runs(index, "printer")).isLessThan(20);
      assertThat(index.size()).isEqualTo(2_500);
    }
  }

  @Test
  void aSmallIndexIsLeftAsWritten() throws Exception {
    try (ArticleIndex index = index()) {
      index.rebuild(articles(0, 500), 500);
      assertThat(index.compact()).isTrue();
      index.mergeToOneSegment();
      assertThat(diagnostic(index)).isNotEqualTo("true");
    }
  }

  private static ArticleIndex index() {
    return ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
  }

  private static List<IndexedArticle> articles(int from, int to) {
    List<IndexedArticle> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String title = i % 2 == 0 ? "Printer jam on floor " + i : "Wifi drops in room " + i;
      out.add(
          new IndexedArticle(
              "a" + i, title, List.of(), "Body text " + i, "IT", Audience.ALL, i + 1));
    }
    return out;
  }

  /** How many runs of consecutive documents with {@code word} in the title the segment has. */
  private static int runs(ArticleIndex index, String word) throws Exception {
    int runs = 0;
    for (FixedBitSet bits : titleBits(index, word)) {
      for (int d = 0; d < bits.length(); d++) {
        if (bits.get(d) && (d == 0 || !bits.get(d - 1))) {
          runs++;
        }
      }
    }
    return runs;
  }

  private static int count(ArticleIndex index, String word) throws Exception {
    return titleBits(index, word).stream().mapToInt(FixedBitSet::cardinality).sum();
  }

  private static List<FixedBitSet> titleBits(ArticleIndex index, String word) throws Exception {
    IndexSearcher s = index.acquire();
    try {
      List<FixedBitSet> out = new ArrayList<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        LeafReader r = leaf.reader();
        FixedBitSet bits = new FixedBitSet(r.maxDoc());
        PostingsEnum pe = r.postings(new Term(ArticleIndex.TITLE, word), PostingsEnum.NONE);
        if (pe != null) {
          for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
            bits.set(d);
          }
        }
        out.add(bits);
      }
      return out;
    } finally {
      index.release(s);
    }
  }

  private static String diagnostic(ArticleIndex index) {
    IndexSearcher s = index.acquire();
    try {
      LeafReader r = s.getIndexReader().leaves().get(0).reader();
      return ((SegmentReader) r)
          .getSegmentInfo()
          .info
          .getDiagnostics()
          .get(ArticleOrder.DIAGNOSTIC);
    } finally {
      index.release(s);
    }
  }
}
