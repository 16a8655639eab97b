package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.Synonyms;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;

/**
 * Developer tool (not a test): StackFAQ figures on the tuning half (even-numbered threads), the
 * held-out half (odd-numbered) and the whole, and the council set, for ranking variants given as
 * {@code name:field=value,field=value} over {@link RelevanceModel#PRODUCTION}. Parameters are
 * chosen on the tuning half only; the held-out half is read once a choice is made.
 */
public final class RelevanceLab {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--council-grid")) {
      councilGrid(
          args.length > 1 ? with(RelevanceModel.PRODUCTION, args[1]) : RelevanceModel.PRODUCTION);
      return;
    }
    if (args[0].equals("--stackfaq-confidence")) {
      RelevanceModel m =
          args.length > 2 ? with(RelevanceModel.PRODUCTION, args[2]) : RelevanceModel.PRODUCTION;
      StackFaq faq = StackFaq.read(Path.of(args[1]));
      ConfidenceReport.print(new StackFaqEval(m, Synonyms.defaults()).observe(faq), System.out);
      return;
    }
    StackFaq faq = StackFaq.read(Path.of(args[0]));
    for (int i = 1; i < args.length; i++) {
      String[] nv = args[i].split(":", 2);
      String changes = nv.length > 1 ? nv[1] : "";
      KnowledgeAnalyzer.Stemmer stem = KnowledgeAnalyzer.Stemmer.PORTER;
      if (changes.startsWith("stem=")) {
        String[] sc = changes.split(",", 2);
        stem = KnowledgeAnalyzer.Stemmer.valueOf(sc[0].substring(5));
        changes = sc.length > 1 ? sc[1] : "";
      }
      KnowledgeAnalyzer.Stemmer stemmer = stem;
      Supplier<Analyzer> analyzer = () -> new KnowledgeAnalyzer(stemmer);
      RelevanceModel m =
          changes.isEmpty() ? RelevanceModel.PRODUCTION : with(RelevanceModel.PRODUCTION, changes);
      StackFaqEval e = new StackFaqEval(m, Synonyms.defaults(), analyzer);
      List<StackFaqEval.Outcome> thread = e.outcomes(faq, false);
      List<StackFaqEval.Outcome> qa = e.outcomes(faq, true);
      System.out.printf(
          Locale.ROOT,
          "%-14s thread tune %.3f held %.3f all %.3f | qa tune %.3f held %.3f all %.3f | %s%n",
          nv[0],
          map(thread, o -> o.thread() % 2 == 0),
          map(thread, o -> o.thread() % 2 == 1),
          map(thread, o -> true),
          map(qa, o -> o.thread() % 2 == 0),
          map(qa, o -> o.thread() % 2 == 1),
          map(qa, o -> true),
          council(m, analyzer).line());
      if (System.getProperty("misses") != null) {
        for (StackFaqEval.Outcome o : thread) {
          if (o.thread() % 2 == 0 && o.rr() < 1) {
            System.out.println(
                "  miss t" + o.thread() + " rr=" + o.rr() + " top=" + o.top() + " : " + o.query());
          }
        }
      }
    }
  }

  /** The confident-answer thresholds over a grid, on the council set. */
  static void councilGrid(RelevanceModel m) throws IOException {
    for (double cov : new double[] {0.4, 0.5, 0.6, 0.7}) {
      for (double margin : new double[] {0.15, 0.2, 0.25, 0.3, 0.35, 0.4}) {
        CouncilEval.Report r =
            new CouncilEval(
                    m, new Confidence(cov, margin, 1), Synonyms.defaults(), KnowledgeAnalyzer::new)
                .run(articles(), questions());
        System.out.printf(
            Locale.ROOT,
            "coverage>=%.2f margin>=%.2f answered-right=%.3f confident-wrong=%.3f declined=%.3f%n",
            cov,
            margin,
            r.confidentRight(),
            r.confidentWrong(),
            r.declined());
      }
    }
  }

  private static double map(List<StackFaqEval.Outcome> all, Predicate<StackFaqEval.Outcome> part) {
    return StackFaqEval.metrics(all.stream().filter(part).toList()).map();
  }

  static CouncilEval.Report council(RelevanceModel m, Supplier<Analyzer> analyzer)
      throws IOException {
    return new CouncilEval(m, Confidence.PRODUCTION, Synonyms.defaults(), analyzer)
        .run(articles(), questions());
  }

  static List<CouncilEval.Question> questions() throws IOException {
    return CouncilEval.parse(resource("eval/council-questions.tsv"));
  }

  static List<String> articles() throws IOException {
    List<String> articles = new ArrayList<>();
    for (String name : resource("demo/articles/INDEX").split("\n")) {
      if (!name.isBlank()) {
        articles.add(resource("demo/articles/" + name.strip()));
      }
    }
    return articles;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RelevanceLab.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The model with the named components changed ({@code titleWeight=4,combinedFields=true}). */
  static RelevanceModel with(RelevanceModel base, String changes) throws Exception {
    if (changes.isBlank()) {
      // "name:" with no changes: the base model under another name.
      return base;
    }
    RecordComponent[] rc = RelevanceModel.class.getRecordComponents();
    Object[] values = new Object[rc.length];
    Class<?>[] types = new Class<?>[rc.length];
    for (int i = 0; i < rc.length; i++) {
      values[i] = rc[i].getAccessor().invoke(base);
      types[i] = rc[i].getType();
    }
    for (String change : changes.split(",")) {
      String[] kv = change.split("=");
      int i = 0;
      while (i < rc.length && !rc[i].getName().equals(kv[0])) {
        i++;
      }
      if (i == rc.length || kv.length != 2) {
        throw new IllegalArgumentException("not a component=value change: " + change);
      }
      values[i] =
          types[i] == float.class
              ? (Object) Float.parseFloat(kv[1])
              : types[i] == int.class
                  ? (Object) Integer.parseInt(kv[1])
                  : (Object) Boolean.parseBoolean(kv[1]);
    }
    return RelevanceModel.class.getDeclaredConstructor(types).newInstance(values);
  }
}
