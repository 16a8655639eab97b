package io.frontdesk.deploy.commands;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.io.Directories;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.deploy.Command;
import io.frontdesk.deploy.wiring.KnowledgeWiring;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.eval.ConfidenceReport;
import io.frontdesk.knowledge.eval.SpeedBench;
import io.frontdesk.knowledge.eval.StackFaq;
import io.frontdesk.knowledge.eval.StackFaqEval;
import io.frontdesk.knowledge.importing.ImportReport;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.Synonyms;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import io.frontdesk.knowledge.semantic.SemanticSetting;
import io.frontdesk.knowledge.semantic.TitleVectors;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * {@code kb ...}: import, export, search and the relevance and speed benchmarks, on the store that
 * {@code serve} uses. With the embedded store the data directory is locked by a running server, so
 * stop it first (or point both at a MongoDB with FRONTDESK_MONGO_URI).
 */
public final class KbCommand implements Command {
  @Override
  public String name() {
    return "kb";
  }

  @Override
  public List<String> usage() {
    return List.of(
        "kb import DIR              import every *.md article under DIR as published",
        "kb import-qna FILE.tsv     import a QnA Maker / custom question answering TSV export",
        "kb export DIR              write every published article to DIR as Markdown",
        "kb search [--audience staff|schools] QUERY...   ranked results; first line answer: <id>|none",
        "kb eval stackfaq FILE [--confidence]           StackFAQ MAP/MRR/P@1/P@5/Hit@5",
        "kb bench [--quick] [SIZE...] speed benchmark on synthetic articles (default 10000 100000)");
  }

  @Override
  public int run(List<String> args, Settings settings, PrintStream out, PrintStream err)
      throws Exception {
    if (args.isEmpty()) {
      throw new UsageException("say what to do");
    }
    quietLogs(err);
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "import" -> withKnowledge(settings, k -> importDir(k, one(rest, "DIR"), out, err));
      case "import-qna" -> withKnowledge(settings, k -> importQna(k, one(rest, "FILE"), out, err));
      case "export" -> withKnowledge(settings, k -> export(k, one(rest, "DIR"), out));
      case "search" -> search(settings, rest, out);
      case "eval" -> eval(rest, SemanticSetting.load(settings), out, err);
      case "bench" -> bench(rest, out);
      default -> throw new UsageException("unknown kb command '" + args.get(0) + "'");
    };
  }

  /**
   * The command's output is for people and scripts: logging goes to stderr, warnings and worse
   * only. Works when logging has not started yet (the console appender binds System.out then).
   */
  private static void quietLogs(PrintStream err) {
    System.setOut(err);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
  }

  private interface Task {
    int run(KnowledgeWiring k) throws Exception;
  }

  private static int withKnowledge(Settings settings, Task task) throws Exception {
    FrontdeskConfig config = FrontdeskConfig.load(settings);
    Vertx vertx = Vertx.vertx();
    try (MongoStore store =
        MongoStore.open(
            new MongoStore.Options(
                config.mongoUri(),
                config.dataDir(),
                config.mongoDatabase(),
                List.of(),
                List.of()))) {
      KnowledgeWiring k =
          new KnowledgeWiring(
              vertx,
              store,
              config.dataDir().resolve("index"),
              config.baseUrl(),
              Blocking.on(vertx),
              SemanticSetting.load(settings));
      try {
        k.startBlocking();
        return task.run(k);
      } finally {
        k.closeBlocking();
      }
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  private static String one(List<String> rest, String what) {
    if (rest.size() != 1) {
      throw new UsageException("give exactly one " + what);
    }
    return rest.get(0);
  }

  private static int importDir(KnowledgeWiring k, String dir, PrintStream out, PrintStream err)
      throws Exception {
    ImportReport r = k.importer().importDirectory(Path.of(dir), "kb-import");
    return printReport(r, out, err);
  }

  private static int importQna(KnowledgeWiring k, String file, PrintStream out, PrintStream err)
      throws Exception {
    String tsv = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    return printReport(
        k.qnaImporter().importTsv(Path.of(file).getFileName().toString(), tsv), out, err);
  }

  private static int printReport(ImportReport r, PrintStream out, PrintStream err) {
    out.printf(
        Locale.ROOT,
        "added: %d%nupdated: %d%nrejected: %d%n",
        r.added(),
        r.updated(),
        r.rejected().size());
    for (ImportReport.Rejection x : r.rejected()) {
      out.println("rejected " + x.source() + ": " + x.reason());
    }
    return r.rejected().isEmpty() ? 0 : 1;
  }

  private static int export(KnowledgeWiring k, String dir, PrintStream out) throws Exception {
    int n = k.exporter().export(Path.of(dir));
    out.println("exported: " + n);
    return 0;
  }

  private static int search(Settings settings, List<String> rest, PrintStream out)
      throws Exception {
    String audience = "staff";
    List<String> words = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).equals("--audience") && i + 1 < rest.size()) {
        audience = rest.get(++i);
      } else {
        words.add(rest.get(i));
      }
    }
    String query = String.join(" ", words).strip();
    if (query.isEmpty()) {
      throw new UsageException("give a question to search for");
    }
    if (query.length() > 500) {
      throw new UsageException("the question is over 500 characters");
    }
    Audience reader;
    try {
      reader = Audience.parseReader(audience);
    } catch (ApiException e) {
      throw new UsageException(e.getMessage());
    }
    return withKnowledge(
        settings,
        k -> {
          SearchEngine.Result r = k.engine().search(query, reader, 10, null, false);
          out.println("answer: " + r.answer().map(SearchHit::id).orElse("none"));
          for (SearchHit h : r.hits()) {
            out.printf(Locale.ROOT, "%s\t%.3f\t%s%n", h.id(), h.score(), h.title());
          }
          return 0;
        });
  }

  private static int eval(
      List<String> rest, SemanticSetting semantic, PrintStream out, PrintStream err)
      throws Exception {
    if (rest.size() < 2 || !rest.get(0).equals("stackfaq")) {
      throw new UsageException("usage: kb eval stackfaq FILE [--confidence]");
    }
    StackFaq faq = StackFaq.read(Path.of(rest.get(1)));
    // The ranking the server would run with the same setting; stdout stays the CONTRACT lines.
    SemanticRanker ranker =
        semantic.check().on()
            ? SemanticRanker.standard(TitleVectors.inMemory(KnowledgeWiring.embedder(semantic)))
            : null;
    StackFaqEval e =
        new StackFaqEval(
            RelevanceModel.PRODUCTION, Synonyms.defaults(), KnowledgeAnalyzer::new, ranker);
    err.println(
        "ranking: "
            + (ranker == null
                ? "lexical (" + SemanticSetting.KEY + "=off)"
                : "lexical + semantic, "
                    + ranker.describe()
                    + " ("
                    + SemanticSetting.KEY
                    + "="
                    + semantic.mode()
                    + "; the model was trained on Stack Exchange pairs: these figures may flatter"
                    + " it, the council set is the uncontaminated check)"));
    out.println(e.thread(faq).line("thread"));
    out.println(e.qa(faq).line("qa"));
    if (rest.contains("--confidence")) {
      ConfidenceReport.print(e.observe(faq), out);
    }
    return 0;
  }

  private static int bench(List<String> rest, PrintStream out) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    boolean quick = false;
    for (String s : rest) {
      if (s.equals("--quick")) {
        quick = true;
        continue;
      }
      try {
        sizes.add(Integer.parseInt(s));
      } catch (NumberFormatException e) {
        throw new UsageException("sizes must be whole numbers, got '" + s + "'");
      }
    }
    if (sizes.isEmpty()) {
      sizes = quick ? List.of(100_000) : List.of(10_000, 100_000);
    }
    Path tmp = Files.createTempDirectory("kb-bench-");
    try (MongoStore store = MongoStore.embedded(tmp.resolve("store"), "bench")) {
      new SpeedBench(store, tmp).run(sizes, quick, out);
    } finally {
      Directories.deleteTree(tmp);
    }
    return 0;
  }
}
