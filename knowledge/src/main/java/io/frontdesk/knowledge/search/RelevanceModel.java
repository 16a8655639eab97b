package io.frontdesk.knowledge.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The tuned weights of the production ranking, in one place so the server, {@code kb eval} and
 * {@code kb bench} share them. Values come from the StackFAQ measurements in docs/BENCHMARKS.md.
 */
public record RelevanceModel(
    float titleWeight,
    float tagsWeight,
    float bodyWeight,
    float synonymWeight,
    float fuzzyWeight,
    float fieldTie,
    float titlePhraseWeight,
    float bodyPhraseWeight,
    float titleK1,
    float titleB,
    float bodyK1,
    float bodyB) {

  public static final RelevanceModel PRODUCTION =
      new RelevanceModel(3.0f, 2.0f, 1.0f, 0.8f, 0.6f, 0.3f, 1.0f, 0f, 1.2f, 0.5f, 1.2f, 0.75f);

  /** Short fields (title, tags) are normalised less for length than the body. */
  public Similarity similarity() {
    BM25Similarity title = new BM25Similarity(titleK1, titleB);
    BM25Similarity body = new BM25Similarity(bodyK1, bodyB);
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return field.equals("body") ? body : title;
      }
    };
  }
}
