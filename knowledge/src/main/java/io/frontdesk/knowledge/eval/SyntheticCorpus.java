package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.IndexedArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generated IT articles for {@code kb bench}, with the word statistics of real text: a few hundred
 * words each, about half function words, and content words drawn from a Zipf distribution over a
 * vocabulary of about 30,000 words (IT nouns and verbs first, then a long tail of generated names),
 * so a common word is in many articles and a specific one in few, as in a real knowledge base. Each
 * article is about a verb, two nouns and a specific topic word, which its title names and its body
 * repeats. Deterministic for a seed.
 */
public final class SyntheticCorpus {
  static final String[] NOUNS =
      ("password account laptop printer outlook email teams vpn wifi monitor keyboard mouse phone "
              + "mailbox calendar meeting drive folder file sharepoint onedrive licence software update "
              + "driver badge door parking payroll expenses invoice school network server browser "
              + "chrome edge certificate token authenticator headset camera microphone screen docking "
              + "station charger battery adapter scanner label toner paper desk chair login profile "
              + "signature distribution list group permission access request form portal ticket")
          .split(" ");
  static final String[] VERBS =
      ("reset change install remove connect sync open share restore recover unlock request "
              + "approve print scan forward archive delete configure enable disable move rename")
          .split(" ");
  private static final String[] FILLER =
      ("the a your this that when if then you should will can it to of in on for with from by "
              + "please check first make sure select click choose wait until after before again")
          .split(" ");
  private static final int TAIL = 30_000;

  private final String[] vocab;
  private final double[] cdf;

  public SyntheticCorpus() {
    Set<String> words = new LinkedHashSet<>();
    words.addAll(Arrays.asList(NOUNS));
    words.addAll(Arrays.asList(VERBS));
    Random r = new Random(7);
    String[] on = "b c d f g h k l m n p r s t v z br cr dr fl gr pl st tr".split(" ");
    String[] nuc = "a e i o u ai ea io".split(" ");
    while (words.size() < NOUNS.length + VERBS.length + TAIL) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + r.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(on[r.nextInt(on.length)]).append(nuc[r.nextInt(nuc.length)]);
      }
      words.add(w.toString());
    }
    vocab = words.toArray(new String[0]);
    // Zipf-Mandelbrot: p(rank) ~ 1 / (rank + 2.7).
    cdf = new double[vocab.length];
    double sum = 0;
    for (int i = 0; i < vocab.length; i++) {
      sum += 1.0 / (i + 1 + 2.7);
      cdf[i] = sum;
    }
    for (int i = 0; i < cdf.length; i++) {
      cdf[i] /= sum;
    }
  }

  private String zipf(Random rnd, int fromRank) {
    double lo = fromRank == 0 ? 0 : cdf[fromRank - 1];
    double u = lo + rnd.nextDouble() * (1 - lo);
    int k = Arrays.binarySearch(cdf, u);
    return vocab[Math.min(vocab.length - 1, k >= 0 ? k : -k - 1)];
  }

  /** Article {@code i}: id {@code a<i>}, 150 to 400 words of body. */
  public IndexedArticle article(int i, Random rnd) {
    String verb = VERBS[rnd.nextInt(VERBS.length)];
    String n1 = NOUNS[rnd.nextInt(NOUNS.length)];
    String n2 = NOUNS[rnd.nextInt(NOUNS.length)];
    String topic = zipf(rnd, NOUNS.length + VERBS.length);
    String title = cap(verb) + " your " + n1 + " " + n2 + " in " + cap(topic);
    StringBuilder body = new StringBuilder();
    int words = 150 + rnd.nextInt(250);
    String[] subject = {verb, n1, n2, topic};
    for (int w = 0; w < words; w++) {
      int k = rnd.nextInt(20);
      body.append(
          k < 9
              ? FILLER[rnd.nextInt(FILLER.length)]
              : k < 11 ? subject[rnd.nextInt(subject.length)] : zipf(rnd, 0));
      body.append(w % 15 == 14 ? ". " : " ");
    }
    Audience aud = Audience.values()[rnd.nextInt(3)];
    return new IndexedArticle(
        "a" + i, title, List.of(n1, n2, verb), body.toString(), "Service " + (i % 40), aud, i + 1);
  }

  /** Articles 0 to n - 1, drawn in order from {@code rnd} (a mutable list). */
  public List<IndexedArticle> articles(int n, Random rnd) {
    List<IndexedArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(article(i, rnd));
    }
    return out;
  }

  /** {@code count} questions, each about an article of {@code docs} chosen with {@code rnd}. */
  public static List<String> questions(List<IndexedArticle> docs, int count, Random rnd) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(question(docs.get(rnd.nextInt(docs.size())), rnd));
    }
    return out;
  }

  /** A question a person might type about the article: its subject words, sometimes misspelt. */
  public static String question(IndexedArticle a, Random rnd) {
    String[] t = a.title().toLowerCase(Locale.ROOT).split(" ");
    String n1 = t[2];
    if (rnd.nextInt(4) == 0 && n1.length() > 4) {
      n1 = n1.substring(0, 2) + n1.substring(3);
    }
    return "how do i " + t[0] + " my " + n1 + " " + t[3] + " in " + t[5];
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
