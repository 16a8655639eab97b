package io.frontdesk.knowledge.semantic;

import io.frontdesk.knowledge.index.ArticleIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Semantic ranking on top of the lexical one: the question is embedded, the lexical top {@code
 * candidates} (already filtered by audience) are ranked by cosine with their title vectors (stored
 * in the index at index time), and the two rankings are fused by reciprocal rank fusion. A k-NN
 * search over the whole index was measured too and not kept (docs/KNOWLEDGE.md).
 */
public final class SemanticRanker {
  /** Measured on the tuning half of StackFAQ and the council set (docs/KNOWLEDGE.md). */
  private static final int CANDIDATES = 100;

  private static final int RRF_K = 60;

  private final TitleVectors titles;
  private final int candidates;
  private final int rrfK;
  private final boolean tiesToLexical;

  /**
   * @param tiesToLexical whether an RRF tie (two rankings that swap two articles) goes to the
   *     lexical order, or else to the semantic one
   */
  public SemanticRanker(TitleVectors titles, int candidates, int rrfK, boolean tiesToLexical) {
    this.titles = titles;
    this.candidates = candidates;
    this.rrfK = rrfK;
    this.tiesToLexical = tiesToLexical;
  }

  /** RRF k 60 over the lexical top 100, ties to the lexical order. */
  public static SemanticRanker standard(TitleVectors titles) {
    return new SemanticRanker(titles, CANDIDATES, RRF_K, true);
  }

  public TitleVectors titles() {
    return titles;
  }

  /** How many lexical hits to ask for. */
  public int candidates() {
    return candidates;
  }

  /** A description for tools ("minilm title embeddings, re-rank of the lexical top 100, ..."). */
  public String describe() {
    return String.format(
        "%s title embeddings, re-rank of the lexical top %d, RRF k %d, ties to the %s order",
        titles.embedder().name(), candidates, rrfK, tiesToLexical ? "lexical" : "semantic");
  }

  /**
   * The lexical hits, re-ordered by fusion with the semantic ranking. The scores stay the lexical
   * ones (what the confident-answer rule reads); the order is the fused one. Only the first {@link
   * #candidates()} are fused, whatever the caller asked for (an evaluation asks for 1,000), so
   * every caller gets the server's ranking; the rest follow in lexical order.
   */
  public ScoreDoc[] fuse(IndexSearcher searcher, String text, ScoreDoc[] all) throws IOException {
    if (all.length < 2) {
      return all;
    }
    ScoreDoc[] lexical = Arrays.copyOf(all, Math.min(all.length, candidates));
    float[] q = titles.embedder().embed(text);
    Map<Integer, float[]> vectors = vectors(searcher, lexical);
    List<ScoreDoc> dense = new ArrayList<>();
    for (ScoreDoc d : lexical) {
      float[] v = vectors.get(d.doc);
      dense.add(
          new ScoreDoc(d.doc, v == null ? -1f : (float) TextEmbedder.dot(q, v), d.shardIndex));
    }
    dense.sort((a, b) -> Float.compare(b.score, a.score));
    Map<Integer, Double> fused = new HashMap<>();
    Map<Integer, Integer> lexicalRank = new HashMap<>();
    Map<Integer, Integer> denseRank = new HashMap<>();
    for (int i = 0; i < lexical.length; i++) {
      fused.merge(lexical[i].doc, 1.0 / (rrfK + i + 1), Double::sum);
      lexicalRank.put(lexical[i].doc, i);
      fused.merge(dense.get(i).doc, 1.0 / (rrfK + i + 1), Double::sum);
      denseRank.put(dense.get(i).doc, i);
    }
    Map<Integer, Integer> tieRank = tiesToLexical ? lexicalRank : denseRank;
    ScoreDoc[] out = all.clone();
    Arrays.sort(
        out,
        0,
        lexical.length,
        Comparator.<ScoreDoc>comparingDouble(d -> -fused.get(d.doc))
            .thenComparingInt(d -> tieRank.get(d.doc)));
    return out;
  }

  /** The stored title vectors of these documents, read leaf by leaf in document order. */
  private static Map<Integer, float[]> vectors(IndexSearcher searcher, ScoreDoc[] docs)
      throws IOException {
    int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<Integer, float[]> out = new HashMap<>();
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (int doc : ids) {
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(ArticleIndex.TITLE_VECTOR);
      }
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        BytesRef b = values.binaryValue();
        out.put(doc, TitleVectors.decode(b.bytes, b.offset, b.length));
      }
    }
    return out;
  }
}
