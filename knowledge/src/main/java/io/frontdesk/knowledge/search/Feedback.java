package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.Shown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback in the manner of RM3, training-free: the top articles of a first pass
 * are taken as relevant, their words (title, tags and stored excerpt, analysed like the index) are
 * weighed by how often they occur there, by the first-pass score of the article and by their
 * rarity, and the best few are added to the question with a small weight. Only articles that
 * already match the question are reordered: the expansion is optional, never required.
 */
final class Feedback {
  private static final Set<String> READ = Set.of(ArticleIndex.TAGS);

  private final Analyzer analyzer;
  private final RelevanceModel model;

  Feedback(Analyzer analyzer, RelevanceModel model) {
    this.analyzer = analyzer;
    this.model = model;
  }

  /** The expansion clause, or null when the first pass gives nothing to learn from. */
  Query expansion(IndexSearcher searcher, Set<String> asked, ScoreDoc[] first) {
    int k = Math.min(model.feedbackDocs(), first.length);
    if (k == 0) {
      return null;
    }
    try {
      StoredFields stored = searcher.storedFields();
      double total = 0;
      for (int i = 0; i < k; i++) {
        total += first[i].score;
      }
      Map<String, Double> weight = new HashMap<>();
      Shown[] shown = Shown.read(searcher.getIndexReader(), first, k);
      for (int i = 0; i < k; i++) {
        Document d = stored.document(first[i].doc, READ);
        Map<String, Integer> tf = new HashMap<>();
        String text =
            shown[i].title() + " . " + d.get(ArticleIndex.TAGS) + " . " + shown[i].excerpt();
        int length = count(text, tf);
        double docWeight = first[i].score / total;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
          weight.merge(e.getKey(), docWeight * e.getValue() / Math.max(1, length), Double::sum);
        }
      }
      int n = searcher.getIndexReader().numDocs();
      List<Map.Entry<String, Double>> ranked = new ArrayList<>();
      for (Map.Entry<String, Double> e : weight.entrySet()) {
        if (asked.contains(e.getKey()) || e.getKey().length() < 3) {
          continue;
        }
        int df = searcher.getIndexReader().docFreq(new Term(ArticleIndex.BODY, e.getKey()));
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        ranked.add(Map.entry(e.getKey(), e.getValue() * idf));
      }
      ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
      if (ranked.isEmpty()) {
        return null;
      }
      double best = ranked.get(0).getValue();
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (int i = 0; i < Math.min(model.feedbackTerms(), ranked.size()); i++) {
        String t = ranked.get(i).getKey();
        float w = (float) (model.feedbackWeight() * ranked.get(i).getValue() / best);
        b.add(
            new BoostQuery(new TermQuery(new Term(ArticleIndex.TITLE, t)), 2 * w),
            BooleanClause.Occur.SHOULD);
        b.add(
            new BoostQuery(new TermQuery(new Term(ArticleIndex.BODY, t)), w),
            BooleanClause.Occur.SHOULD);
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int count(String text, Map<String, Integer> tf) throws IOException {
    int n = 0;
    try (TokenStream ts = analyzer.tokenStream(ArticleIndex.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tf.merge(term.toString(), 1, Integer::sum);
        n++;
      }
      ts.end();
    }
    return n;
  }
}
