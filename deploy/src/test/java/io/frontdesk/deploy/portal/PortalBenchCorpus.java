package io.frontdesk.deploy.portal;

import io.frontdesk.knowledge.eval.SyntheticCorpus;
import io.frontdesk.knowledge.index.IndexedArticle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The articles {@link PortalBenchmark} imports and the pages its clients ask for.
 *
 * <ul>
 *   <li>{@code synthetic} (the default since session 13): {@code kb bench}'s {@link
 *       SyntheticCorpus}, articles with the word statistics of real text (a Zipf vocabulary of
 *       30,000 words, so a common word is in many articles and a specific one in few) and its
 *       questions ("how do i reset my outlook mailbox in Tralo", some misspelt), each about an
 *       article of the corpus.
 *   <li>{@code uniform} (sessions 10 to 12): every body word drawn uniformly from 63 IT words, so
 *       each word of a question is in 98 % of the articles and every two-word question matches
 *       nearly all of them; kept so the earlier figures can be reproduced.
 * </ul>
 */
interface PortalBenchCorpus {
  /** Markdown files with front matter, by file name. */
  Map<String, String> files(int n);

  /** The path of a search results page, chosen with {@code rnd}. */
  String searchPath(Random rnd);

  /** The path of an article page, chosen with {@code rnd}. */
  String articlePath(Random rnd);

  static PortalBenchCorpus named(String name, int articles) {
    return switch (name) {
      case "synthetic" -> new Synthetic(articles);
      case "uniform" -> new Uniform(articles);
      default ->
          throw new IllegalArgumentException(
              "corpus must be synthetic or uniform, got '" + name + "'");
    };
  }

  /** kb bench's corpus and questions. */
  final class Synthetic implements PortalBenchCorpus {
    private final List<IndexedArticle> articles;

    Synthetic(int n) {
      articles = new SyntheticCorpus().articles(n, new Random(42));
    }

    @Override
    public Map<String, String> files(int n) {
      Map<String, String> files = new LinkedHashMap<>();
      for (IndexedArticle a : articles) {
        files.put(
            a.id() + ".md",
            "---\nid: "
                + a.id()
                + "\ntitle: "
                + a.title()
                + "\ntags: ["
                + String.join(", ", a.tags())
                + "]\nservice: "
                + a.service()
                + "\naudience: "
                + a.audience().wire()
                + "\n---\n"
                + a.body());
      }
      return files;
    }

    @Override
    public String searchPath(Random rnd) {
      String q = SyntheticCorpus.question(articles.get(rnd.nextInt(articles.size())), rnd);
      return "/kb?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Override
    public String articlePath(Random rnd) {
      return "/kb/" + articles.get(rnd.nextInt(articles.size())).id();
    }
  }

  /** The first portal bench's corpus: 63 words, uniform. */
  final class Uniform implements PortalBenchCorpus {
    private static final String[] WORDS =
        ("password account laptop printer outlook email teams vpn wifi monitor keyboard mouse phone"
                + " mailbox calendar meeting drive folder file sharepoint onedrive licence software"
                + " update driver badge door parking payroll expenses invoice school network server"
                + " browser certificate authenticator headset camera microphone screen docking charger"
                + " battery scanner toner signature permission access request form reset install"
                + " connect sync share restore unlock approve print configure enable archive")
            .split(" ");

    private final int articles;

    Uniform(int articles) {
      this.articles = articles;
    }

    /** Published articles of realistic length (about 250 words), a third for each audience. */
    @Override
    public Map<String, String> files(int n) {
      Random rnd = new Random(42);
      String[] audiences = {"staff", "all", "schools"};
      Map<String, String> files = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 5; p++) {
          body.append("## Step ").append(p + 1).append("\n\n");
          for (int w = 0; w < 50; w++) {
            body.append(WORDS[rnd.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
          }
          body.append("\n\n");
        }
        String title =
            WORDS[rnd.nextInt(WORDS.length)]
                + " "
                + WORDS[rnd.nextInt(WORDS.length)]
                + " help "
                + i;
        files.put(
            "bench-" + i + ".md",
            "---\nid: bench-"
                + i
                + "\ntitle: "
                + Character.toUpperCase(title.charAt(0))
                + title.substring(1)
                + "\ntags: [bench]\nservice: Accounts and access\naudience: "
                + audiences[i % 3]
                + "\n---\n"
                + body);
      }
      return files;
    }

    @Override
    public String searchPath(Random rnd) {
      return "/kb?q=" + WORDS[rnd.nextInt(WORDS.length)] + "+" + WORDS[rnd.nextInt(WORDS.length)];
    }

    @Override
    public String articlePath(Random rnd) {
      return "/kb/bench-" + rnd.nextInt(articles);
    }
  }
}
