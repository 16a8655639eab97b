package io.frontdesk.knowledge.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis tuned for short questions. Used for indexing and for queries alike, so the
 * stemmed forms always meet. Synonyms are not applied here but when the query is built, so a
 * Champion's edit to the synonym map takes effect without a reindex.
 */
public final class KnowledgeAnalyzer extends Analyzer {
  /**
   * Lucene's English stop set minus the words that carry meaning in a help-desk question: "not",
   * "no" and contractions are kept so "can't log in" differs from "log in".
   */
  public static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    set.removeAll(List.of("not", "no"));
    // Question filler that matches almost every article and so only adds noise to the ranking.
    set.addAll(
        List.of(
            "i",
            "me",
            "my",
            "we",
            "our",
            "you",
            "your",
            "do",
            "does",
            "did",
            "how",
            "what",
            "can",
            "am",
            "is",
            "are",
            "was",
            "been",
            "has",
            "have",
            "had",
            "should",
            "would",
            "could",
            "which",
            "when",
            "where",
            "why",
            "who",
            "its",
            "im",
            "it's",
            "i'm",
            "from",
            "about",
            "so",
            "get",
            "please",
            "hi",
            "hello",
            "thanks",
            "want",
            "need",
            "any",
            "way",
            "there",
            "here",
            "some",
            "possible",
            "using",
            "use"));
    return CharArraySet.unmodifiableSet(set);
  }

  /** The stemmer: Porter in production (docs/KNOWLEDGE.md has the comparison). */
  public enum Stemmer {
    PORTER,
    KSTEM,
    MINIMAL
  }

  /**
   * The word pairs of the pairs fields ({@link PairFilter}): each word with the next {@value
   * #PAIR_WINDOW} words at most {@value #PAIR_GAP} positions on.
   */
  public static final int PAIR_WINDOW = 1;

  public static final int PAIR_GAP = 3;

  /** The body's pairs come from its first words only (a whole body's would double the build). */
  public static final int BODY_PAIR_WORDS = 80;

  private final Stemmer stemmer;
  private final int pairWindow;
  private final int pairGap;

  public KnowledgeAnalyzer() {
    this(Stemmer.PORTER);
  }

  public KnowledgeAnalyzer(Stemmer stemmer) {
    this(stemmer, PAIR_WINDOW, PAIR_GAP);
  }

  /** With another pair window (measurements). */
  public KnowledgeAnalyzer(Stemmer stemmer, int pairWindow, int pairGap) {
    // Per field: the pairs fields have their own chain (the default reuses one chain for all).
    super(PER_FIELD_REUSE_STRATEGY);
    this.stemmer = stemmer;
    this.pairWindow = pairWindow;
    this.pairGap = pairGap;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream ts = new EnglishPossessiveFilter(source);
    ts = new LowerCaseFilter(ts);
    ts = new ASCIIFoldingFilter(ts);
    ts = new StopFilter(ts, STOP_WORDS);
    // Porter rather than a lighter stemmer: questions paraphrase ("syncing", "synced", "sync").
    ts =
        switch (stemmer) {
          case PORTER -> new PorterStemFilter(ts);
          case KSTEM -> new KStemFilter(ts);
          case MINIMAL -> new EnglishMinimalStemFilter(ts);
        };
    if (ArticleIndex.isPairs(fieldName)) {
      ts =
          new PairFilter(
              ts,
              pairWindow,
              pairGap,
              fieldName.equals(ArticleIndex.BODY_PAIRS) ? BODY_PAIR_WORDS : 0);
    }
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
