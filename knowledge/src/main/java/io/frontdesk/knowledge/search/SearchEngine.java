package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.Shown;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Synchronous search over the index: the one ranking path used by the server, {@code kb search},
 * {@code kb eval} and {@code kb bench}. Call it off the event loop.
 */
public final class SearchEngine {
  private final ArticleIndex index;
  private final QueryBuilder builder;
  private final TopHits topHits;
  private final RelevanceModel model;
  private final Feedback feedback;
  private final Supplier<Synonyms> synonyms;
  private final Confidence confidence;
  private final String baseUrl;
  private final SemanticRanker semantic;

  /** A ranked result with the confidence features of the search. */
  public record Result(
      List<SearchHit> hits, Optional<SearchHit> answer, Confidence.Features features) {}

  public SearchEngine(
      ArticleIndex index,
      RelevanceModel model,
      Supplier<Synonyms> synonyms,
      Confidence confidence,
      String baseUrl) {
    this(index, model, synonyms, confidence, baseUrl, null);
  }

  /** With semantic ranking fused into the lexical one ({@code semantic} null: lexical only). */
  public SearchEngine(
      ArticleIndex index,
      RelevanceModel model,
      Supplier<Synonyms> synonyms,
      Confidence confidence,
      String baseUrl,
      SemanticRanker semantic) {
    this(index, model, synonyms, confidence, baseUrl, semantic, true);
  }

  /**
   * For developer comparisons ({@code TailLab}'s "plain" variant): {@code blockMaxes} false bounds
   * term clauses with Lucene's own impacts instead of the cached block maxima ({@link BlockMaxes}).
   * The results are the same either way.
   */
  public SearchEngine(
      ArticleIndex index,
      RelevanceModel model,
      Supplier<Synonyms> synonyms,
      Confidence confidence,
      String baseUrl,
      SemanticRanker semantic,
      boolean blockMaxes) {
    this.topHits = new TopHits(blockMaxes);
    this.semantic = semantic;
    this.index = index;
    this.builder = new QueryBuilder(index.analyzer(), model);
    this.model = model;
    this.feedback = new Feedback(index.analyzer(), model);
    this.synonyms = synonyms;
    this.confidence = confidence;
    this.baseUrl = baseUrl;
  }

  /**
   * Ranks the articles the audience may see.
   *
   * @param exclude an article id to leave out (evaluation of unanswerable questions), or null
   * @param snippets false skips marking matches (evaluation): each hit gets the lead instead
   */
  public Result search(
      String text, Audience audience, int limit, String exclude, boolean snippets) {
    IndexSearcher searcher = index.acquire();
    try {
      TermLookup terms = new TermLookup(searcher);
      QueryBuilder.Built built = builder.build(text, synonyms.get(), terms);
      if (built.isEmpty()) {
        return new Result(List.of(), Optional.empty(), new Confidence.Features(0, 0, 0, 0));
      }
      Query query = built.query();
      TopDocs top =
          topHits.search(
              terms,
              query,
              Math.max(Math.max(limit, 2), Math.max(model.feedbackDocs(), candidates())),
              audience,
              exclude);
      if (model.feedbackDocs() > 0) {
        Query more = feedback.expansion(searcher, Set.copyOf(built.tokens()), top.scoreDocs);
        if (more != null) {
          query =
              new BooleanQuery.Builder()
                  .add(query, BooleanClause.Occur.MUST)
                  .add(more, BooleanClause.Occur.SHOULD)
                  .build();
          top = topHits.search(terms, query, Math.max(limit, 2), audience, exclude);
        }
      }
      ScoreDoc[] docs = top.scoreDocs;
      Confidence.Features f = features(terms, built, docs);
      if (semantic != null) {
        ScoreDoc[] fused = semantic.fuse(searcher, text, docs);
        // The semantic ranking may only withhold a confident answer, never pick another one.
        if (docs.length == 0 || fused.length == 0 || fused[0].doc != docs[0].doc) {
          f = f.disagreeing();
        }
        docs = fused;
      }
      CharArraySet marked = snippets ? Snippets.marks(built.query()) : CharArraySet.EMPTY_SET;
      List<SearchHit> hits = new ArrayList<>();
      Shown[] shown = Shown.read(searcher.getIndexReader(), docs, Math.min(limit, docs.length));
      for (int i = 0; i < shown.length; i++) {
        Shown d = shown[i];
        String passage = snippets ? Snippets.cut(d, marked) : null;
        String snippet = passage != null ? passage : lead(d.excerpt());
        hits.add(
            new SearchHit(
                d.id(),
                d.title(),
                snippet,
                Math.round(docs[i].score * 1000.0) / 1000.0,
                baseUrl + "/kb/" + d.id(),
                d.service()));
      }
      Optional<SearchHit> answer =
          !hits.isEmpty() && confidence.confident(f) ? Optional.of(hits.get(0)) : Optional.empty();
      return new Result(hits, answer, f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  private int candidates() {
    return semantic == null ? 0 : semantic.candidates();
  }

  /** Which ranking this engine runs, for tools. */
  public String ranking() {
    return semantic == null ? "lexical" : "lexical + semantic (" + semantic.describe() + ")";
  }

  private Confidence.Features features(TermLookup terms, QueryBuilder.Built built, ScoreDoc[] docs)
      throws IOException {
    IndexSearcher searcher = terms.searcher();
    if (docs.length == 0) {
      return new Confidence.Features(0, 0, 0, built.concepts().size());
    }
    double top = docs[0].score;
    double second = docs.length > 1 ? docs[1].score : 0;
    int n = searcher.getIndexReader().numDocs();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[0].doc, leaves));
    int inLeaf = docs[0].doc - leaf.docBase;
    double total = 0;
    double matched = 0;
    DocMatch match = new DocMatch(terms, leaf, inLeaf);
    for (QueryBuilder.Concept c : built.concepts()) {
      double idf = idf(terms, c, n);
      total += idf;
      // Does the top article match this concept? Asked of that one document only, without
      // scoring, instead of running a filtered count query per concept over the whole index.
      if (match.matches(c.query())) {
        matched += idf;
      }
    }
    double coverage = total == 0 ? 0 : matched / total;
    return new Confidence.Features(coverage, (top - second) / top, top, built.concepts().size());
  }

  /**
   * A concept's weight: the IDF of its rarest-in-body form (unknown words weigh like rare ones).
   * The document frequencies come from the query's own look-ups (the same counts the reader gives,
   * without seeking each term again).
   */
  private static double idf(TermLookup terms, QueryBuilder.Concept c, int n) {
    int df = 0;
    for (List<String> form : c.forms()) {
      for (String t : form) {
        df = Math.max(df, terms.docFreq(ArticleIndex.BODY, t));
        df = Math.max(df, terms.docFreq(ArticleIndex.TITLE, t));
      }
    }
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private static String lead(String body) {
    String text = body == null ? "" : body.strip();
    if (text.length() > 200) {
      int cut = text.lastIndexOf(' ', 200);
      text = text.substring(0, cut > 100 ? cut : 200) + " …";
    }
    return escape(text);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), b);
    return b.toString();
  }

  /** Appends {@code s[from, to)} HTML-escaped to {@code b}. */
  static void escape(String s, int from, int to, StringBuilder b) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
  }
}
