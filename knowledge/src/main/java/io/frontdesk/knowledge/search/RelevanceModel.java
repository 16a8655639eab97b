package io.frontdesk.knowledge.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The tuned weights of the production ranking, in one place so the server, {@code kb eval} and
 * {@code kb bench} share them. Values come from the StackFAQ measurements in docs/BENCHMARKS.md
 * (tuned on the even-numbered threads, checked on the odd ones) and the council question set.
 *
 * @param combinedFields a single word is scored by BM25F over title, tags and body together
 *     (Lucene's CombinedFieldQuery, field weights as term-frequency multipliers) instead of the
 *     best of three per-field BM25 scores
 * @param dropFiller the question's conversational filler ("I'd like to", "is there an easy way",
 *     "does anyone know") is left out of the query; the index keeps those words
 * @param pairWeight proximity in the manner of the sequential dependence model: each pair of
 *     neighbouring question words found close together in the title or body adds this weight (0 =
 *     off)
 * @param pairSlop how far apart the pair's words may be
 * @param pairBody pairs are looked for in the body too, not only the title
 * @param pairTerms pairs are looked up as terms of the pairs fields (words at most {@code
 *     KnowledgeAnalyzer.PAIR_GAP} positions apart, either order) instead of as sloppy phrases; a
 *     phrase can only be the title's, as the body is indexed without positions, so turning this off
 *     needs {@code pairBody} off
 * @param rareBoost each question word's clause is weighed by its body IDF relative to a word in one
 *     article of ten, to this power (0 = off: BM25's own IDF only)
 * @param feedbackDocs pseudo-relevance feedback: how many top articles of a first pass lend words
 *     to the question (0 = off)
 * @param feedbackTerms how many of their words are added
 * @param feedbackWeight the added words' weight against the question's own
 * @param splitBody a word's title and tags matches and its body matches are scored as two field-max
 *     groups added up, the body's weighed by this, instead of one field-max over all three (0 =
 *     off)
 */
public record RelevanceModel(
    float titleWeight,
    float tagsWeight,
    float bodyWeight,
    float synonymWeight,
    float fuzzyWeight,
    float fieldTie,
    float titlePhraseWeight,
    float titleK1,
    float titleB,
    float bodyK1,
    float bodyB,
    boolean combinedFields,
    boolean dropFiller,
    float pairWeight,
    int pairSlop,
    boolean pairBody,
    boolean pairTerms,
    float rareBoost,
    int feedbackDocs,
    int feedbackTerms,
    float feedbackWeight,
    float splitBody) {
  public RelevanceModel {
    if (pairWeight > 0 && pairBody && !pairTerms) {
      // Said when the model is made rather than by Lucene at the first search.
      throw new IllegalArgumentException(
          "pairBody needs pairTerms: the body is indexed without positions, so its pairs cannot"
              + " be phrases");
    }
  }

  public static final RelevanceModel PRODUCTION =
      new RelevanceModel(
          3.0f, 2.0f, 1.0f, 0.8f, 0.6f, 0.3f, 1.0f, 1.2f, 0.5f, 1.2f, 0.75f, false, false, 0.1f, 2,
          true, true, 0.25f, 0, 0, 0f, 0.7f);

  /** This model with concepts scored as split groups ({@code > 0}) or one field-max (0). */
  public RelevanceModel withSplitBody(float split) {
    return new RelevanceModel(
        titleWeight,
        tagsWeight,
        bodyWeight,
        synonymWeight,
        fuzzyWeight,
        fieldTie,
        titlePhraseWeight,
        titleK1,
        titleB,
        bodyK1,
        bodyB,
        combinedFields,
        dropFiller,
        pairWeight,
        pairSlop,
        pairBody,
        pairTerms,
        rareBoost,
        feedbackDocs,
        feedbackTerms,
        feedbackWeight,
        split);
  }

  /** Short fields (title, tags) are normalised less for length than the body. */
  public Similarity similarity() {
    // Each field's term scorers are reused across weights and searches (ReusedScorers).
    Similarity title = new ReusedScorers(new BM25Similarity(titleK1, titleB));
    Similarity body = new ReusedScorers(new BM25Similarity(bodyK1, bodyB));
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return field.equals("body") || field.equals("body_pairs") ? body : title;
      }
    };
  }
}
