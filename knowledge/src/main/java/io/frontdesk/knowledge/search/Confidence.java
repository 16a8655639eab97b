package io.frontdesk.knowledge.search;

/**
 * The confident-answer decision. The features are cheap and explainable: how much of the question
 * (IDF-weighted) the top article covers, and how far the top score stands above the next one.
 * Thresholds come from the measurements in docs/BENCHMARKS.md (StackFAQ held-out-answer runs and
 * the council question set), chosen for precision: a wrong confident answer costs more than a "here
 * are some articles".
 *
 * @param minCoverage share of the question's weight the top article must match
 * @param minMargin (top - second) / top
 * @param minConcepts questions with fewer concepts than this are too vague to answer outright
 */
public record Confidence(double minCoverage, double minMargin, int minConcepts) {
  public static final Confidence PRODUCTION = new Confidence(0.6, 0.30, 1);

  /**
   * The measured features of one search.
   *
   * @param agrees false when semantic ranking put another article first than the lexical ranking
   *     (coverage and margin are the lexical top's): then no answer is confident
   */
  public record Features(
      double coverage, double margin, double topScore, int concepts, boolean agrees) {
    public Features(double coverage, double margin, double topScore, int concepts) {
      this(coverage, margin, topScore, concepts, true);
    }

    Features disagreeing() {
      return new Features(coverage, margin, topScore, concepts, false);
    }
  }

  public boolean confident(Features f) {
    return f.agrees()
        && f.concepts() >= minConcepts
        && f.coverage() >= minCoverage
        && f.margin() >= minMargin;
  }
}
