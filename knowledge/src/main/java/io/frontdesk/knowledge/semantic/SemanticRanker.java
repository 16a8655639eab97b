package io.frontdesk.knowledge.semantic;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Semantic ranking on top of the lexical one: the question is embedded, and its cosine with each
 * candidate article's title vector (stored in the index at index time) gives a second ranking,
 * fused with the lexical one by reciprocal rank fusion. The candidates are the lexical top {@code
 * candidates} ({@link Mode#RERANK}), plus, in {@link Mode#KNN}, the nearest titles of the whole
 * index that the reader may see (a Lucene vector search with the audience filter).
 */
public final class SemanticRanker {
  /** Where the semantic ranking's candidates come from. */
  public enum Mode {
    RERANK,
    KNN
  }

  private final TitleVectors titles;
  private final Mode mode;
  private final int candidates;
  private final int rrfK;
  private final boolean tiesToLexical;

  /**
   * @param tiesToLexical whether an RRF tie (two rankings that swap two articles) goes to the
   *     lexical order, or else to the semantic one
   */
  public SemanticRanker(
      TitleVectors titles, Mode mode, int candidates, int rrfK, boolean tiesToLexical) {
    this.titles = titles;
    this.mode = mode;
    this.candidates = candidates;
    this.rrfK = rrfK;
    this.tiesToLexical = tiesToLexical;
  }

  /** RRF k 60 (the usual constant) over the lexical top 100; measured in docs/KNOWLEDGE.md. */
  public static SemanticRanker standard(TitleVectors titles) {
    return new SemanticRanker(titles, Mode.RERANK, 100, 60, TIES_TO_LEXICAL);
  }

  private static final boolean TIES_TO_LEXICAL = true;

  public TitleVectors titles() {
    return titles;
  }

  /** How many lexical hits to ask for. */
  public int candidates() {
    return candidates;
  }

  /** A description for tools ("minilm, rerank of the lexical top 100, RRF k 60"). */
  public String describe() {
    return String.format(
        "%s title embeddings, %s of the lexical top %d, RRF k %d",
        titles.embedder().name(),
        mode == Mode.RERANK ? "re-rank" : "k-NN fused with",
        candidates,
        rrfK);
  }

  /**
   * The lexical hits, re-ordered by fusion with the semantic ranking. The scores stay the lexical
   * ones (what the confident-answer rule reads); the order is the fused one. Only the first {@link
   * #candidates()} are fused, whatever the caller asked for (an evaluation asks for 1,000), so
   * every caller gets the server's ranking; the rest follow in lexical order.
   */
  public ScoreDoc[] fuse(
      IndexSearcher searcher, String text, ScoreDoc[] all, Audience audience, String exclude)
      throws IOException {
    if (all.length == 0 && mode == Mode.RERANK) {
      return all;
    }
    ScoreDoc[] lexical = Arrays.copyOf(all, Math.min(all.length, candidates));
    float[] q = titles.embedder().embed(text);
    Map<Integer, Double> fused = new HashMap<>();
    Map<Integer, ScoreDoc> byDoc = new HashMap<>();
    Map<Integer, Integer> lexicalRank = new HashMap<>();
    for (int i = 0; i < lexical.length; i++) {
      fused.merge(lexical[i].doc, 1.0 / (rrfK + i + 1), Double::sum);
      byDoc.put(lexical[i].doc, lexical[i]);
      lexicalRank.put(lexical[i].doc, i);
    }
    List<ScoreDoc> dense = new ArrayList<>();
    if (mode == Mode.RERANK) {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      for (ScoreDoc d : lexical) {
        float[] v = vector(leaves, d.doc);
        dense.add(new ScoreDoc(d.doc, v == null ? -1f : (float) TextEmbedder.dot(q, v)));
      }
      dense.sort((a, b) -> Float.compare(b.score, a.score));
    } else {
      Query filter = filter(audience, exclude);
      dense.addAll(
          Arrays.asList(
              searcher.search(
                      new KnnFloatVectorQuery(ArticleIndex.TITLE_VECTOR, q, candidates, filter),
                      candidates)
                  .scoreDocs));
    }
    for (int i = 0; i < dense.size(); i++) {
      fused.merge(dense.get(i).doc, 1.0 / (rrfK + i + 1), Double::sum);
      byDoc.putIfAbsent(dense.get(i).doc, new ScoreDoc(dense.get(i).doc, 0f));
    }
    Map<Integer, Integer> denseRank = new HashMap<>();
    for (int i = 0; i < dense.size(); i++) {
      denseRank.put(dense.get(i).doc, i);
    }
    Map<Integer, Integer> tieRank = tiesToLexical ? lexicalRank : denseRank;
    List<ScoreDoc> out = new ArrayList<>(byDoc.values());
    out.sort(
        (a, b) -> {
          int c = Double.compare(fused.get(b.doc), fused.get(a.doc));
          return c != 0
              ? c
              : Integer.compare(
                  tieRank.getOrDefault(a.doc, Integer.MAX_VALUE),
                  tieRank.getOrDefault(b.doc, Integer.MAX_VALUE));
        });
    for (int i = lexical.length; i < all.length; i++) {
      if (!byDoc.containsKey(all[i].doc)) {
        out.add(all[i]);
      }
    }
    return out.toArray(new ScoreDoc[0]);
  }

  private static float[] vector(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(ArticleIndex.TITLE_VECTOR);
    if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
      return null;
    }
    return values.vectorValue();
  }

  private static Query filter(Audience audience, String exclude) {
    List<BytesRef> allowed = new ArrayList<>();
    for (Audience a : audience.visible()) {
      allowed.add(new BytesRef(a.wire()));
    }
    BooleanQuery.Builder b =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
            .add(new TermInSetQuery(ArticleIndex.AUDIENCE, allowed), BooleanClause.Occur.FILTER);
    if (exclude != null) {
      b.add(new TermQuery(new Term(ArticleIndex.ID, exclude)), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }
}
