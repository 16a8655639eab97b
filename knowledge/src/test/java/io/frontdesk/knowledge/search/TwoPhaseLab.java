package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.eval.SyntheticCorpus;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * Developer tool (not a test): a two-phase search measured against the production top hits on the
 * {@code kb bench} corpus. Phase one ranks by the parts of the bound query that read only the short
 * fields (title, tags, title pairs) and keeps the top K; phase two scores those K exactly with the
 * production query. Prints, per K, the CPU of both (question by question, interleaved) and how
 * often the production top 10 is found whole. Args: size, index dir (kept), K values.
 */
public final class TwoPhaseLab {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Random rnd = new Random(42);
    SyntheticCorpus corpus = new SyntheticCorpus();
    List<IndexedArticle> docs = corpus.articles(n, rnd);
    List<String> queries = SyntheticCorpus.questions(docs, 1000, rnd);
    RelevanceModel model = RelevanceModel.PRODUCTION;
    try (ArticleIndex index =
        ArticleIndex.open(Path.of(args[1]), new KnowledgeAnalyzer(), model.similarity())) {
      if (index.size() != n) {
        index.rebuild(docs, n);
      }
      Synonyms syn = new Synonyms(Synonyms.defaults(), index.analyzer());
      QueryBuilder builder = new QueryBuilder(index.analyzer(), model);
      TopHits top = new TopHits();
      for (int a = 2; a < args.length; a++) {
        int k = Integer.parseInt(args[a]);
        long[] prod = new long[1000];
        long[] two = new long[1000];
        int whole = 0;
        int sameTop = 0;
        IndexSearcher s = index.acquire();
        try {
          for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 1000; i++) {
              QueryBuilder.Built built = builder.build(queries.get(i), syn, s);
              if (built.isEmpty()) {
                continue;
              }
              long c0 = THREADS.getCurrentThreadCpuTime();
              TopDocs p = top.search(s, built.query(), 10, Audience.STAFF, null);
              long c1 = THREADS.getCurrentThreadCpuTime();
              ScoreDoc[] t = twoPhase(s, top, built.query(), k);
              long c2 = THREADS.getCurrentThreadCpuTime();
              if (round == 1) {
                prod[i] = c1 - c0;
                two[i] = c2 - c1;
                Set<Integer> want = new HashSet<>();
                Arrays.stream(p.scoreDocs).forEach(d -> want.add(d.doc));
                Set<Integer> got = new HashSet<>();
                Arrays.stream(t).limit(10).forEach(d -> got.add(d.doc));
                whole += got.equals(want) ? 1 : 0;
                sameTop +=
                    p.scoreDocs.length > 0 && t.length > 0 && t[0].doc == p.scoreDocs[0].doc
                        ? 1
                        : 0;
              }
            }
          }
        } finally {
          index.release(s);
        }
        Arrays.sort(prod);
        Arrays.sort(two);
        System.out.printf(
            Locale.ROOT,
            "K=%d production top hits CPU p50 %.2f p90 %.2f p99 %.2f | two-phase p50 %.2f p90 %.2f"
                + " p99 %.2f ms | top 10 found whole %d, same top hit %d of 1000%n",
            k,
            prod[500] / 1e6,
            prod[900] / 1e6,
            prod[990] / 1e6,
            two[500] / 1e6,
            two[900] / 1e6,
            two[990] / 1e6,
            whole,
            sameTop);
      }
    }
  }

  private static ScoreDoc[] twoPhase(IndexSearcher s, TopHits top, Query query, int k)
      throws Exception {
    Query bound = ScoreBound.of(query);
    BooleanQuery.Builder first = new BooleanQuery.Builder();
    for (BooleanClause c : ((BooleanQuery) bound).clauses()) {
      Set<Term> terms = new HashSet<>();
      c.getQuery().visit(QueryVisitor.termCollector(terms));
      if (terms.stream()
          .noneMatch(
              t ->
                  t.field().equals(ArticleIndex.BODY)
                      || t.field().equals(ArticleIndex.BODY_PAIRS))) {
        first.add(c);
      }
    }
    ScoreDoc[] cand = top.search(s, first.build(), k, Audience.STAFF, null).scoreDocs;
    ScoreDoc[] sorted = cand.clone();
    Arrays.sort(sorted, Comparator.comparingInt(d -> d.doc));
    Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    List<ScoreDoc> out = new ArrayList<>();
    Scorer scorer = null;
    int leafIndex = -1;
    for (ScoreDoc d : sorted) {
      int li = ReaderUtil.subIndex(d.doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        scorer = w.scorer(leaf);
        leafIndex = li;
      }
      int inLeaf = d.doc - leaf.docBase;
      if (scorer != null
          && (scorer.docID() == inLeaf
              || (scorer.docID() < inLeaf && scorer.iterator().advance(inLeaf) == inLeaf))) {
        out.add(new ScoreDoc(d.doc, scorer.score()));
      }
    }
    out.sort((x, y) -> Float.compare(y.score, x.score));
    return out.toArray(new ScoreDoc[0]);
  }
}
