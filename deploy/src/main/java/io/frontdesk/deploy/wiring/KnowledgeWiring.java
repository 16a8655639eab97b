package io.frontdesk.deploy.wiring;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.deploy.ServerContext;
import io.frontdesk.knowledge.KnowledgeRoutes;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.article.Excerpts;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.feedback.QueryLog;
import io.frontdesk.knowledge.importing.ArticleExporter;
import io.frontdesk.knowledge.importing.ArticleImporter;
import io.frontdesk.knowledge.importing.ImportReport;
import io.frontdesk.knowledge.importing.QnaTsvImporter;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexCompaction;
import io.frontdesk.knowledge.index.IndexSync;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.ResultCache;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchService;
import io.frontdesk.knowledge.search.SynonymService;
import io.frontdesk.knowledge.semantic.MiniLmEmbedder;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import io.frontdesk.knowledge.semantic.SemanticSetting;
import io.frontdesk.knowledge.semantic.StoredTitleVectors;
import io.frontdesk.knowledge.semantic.TextEmbedder;
import io.frontdesk.knowledge.semantic.TitleVectors;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge module: the index under {@code $FRONTDESK_DATA_DIR/index}, the services the bot and
 * portal call ({@link #searchService()}, {@link #articleService()}, {@link #feedbackService()}),
 * the /api/kb routes, and the demo articles.
 */
public final class KnowledgeWiring implements Wiring {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWiring.class);
  static final String DEMO_DIR = "demo/articles";

  /** How often synonym edits made by other processes are picked up. */
  static final long SYNONYM_RELOAD_MS = 5000;

  private final Vertx vertx;
  private final Blocking blocking;
  private final ArticleRepository repo;
  private final ArticleIndex index;
  private final IndexSync sync;
  private final IndexCompaction compaction;
  private final SynonymService synonyms;
  private final QueryLog queryLog;
  private final SearchService search;
  private final ResultCache searchCache;
  private final ArticleService articles;
  private final FeedbackService feedback;
  private final SearchEngine engine;
  private final WriteBehinds analytics;
  private long reloadTimer = -1;

  public KnowledgeWiring(ServerContext ctx) {
    this(
        ctx.vertx(),
        ctx.store(),
        ctx.config().dataDir().resolve("index"),
        ctx.config().baseUrl(),
        ctx.blocking(),
        WriteBehinds.batched(
            ctx.vertx(), WriteBehinds.Options.load(ctx.settings()), ctx.metrics().registry()),
        Duration.ofSeconds(
            ctx.settings()
                .integer(
                    ArticleService.CACHE_SECONDS, ArticleService.DEFAULT_CACHE_SECONDS, 0, 300)),
        ctx.settings()
            .integer(SearchService.CACHE_SIZE, SearchService.DEFAULT_CACHE_SIZE, 0, 100_000),
        ctx.settings()
            .integer(
                ArticleService.CACHE_ENTRIES, ArticleService.DEFAULT_CACHE_ENTRIES, 0, 1_000_000),
        ctx.settings().integer(SearchService.THREADS, SearchService.defaultThreads(), 0, 64),
        Duration.ofSeconds(
            ctx.settings()
                .integer(
                    IndexCompaction.QUIET_SECONDS, IndexCompaction.DEFAULT_QUIET_SECONDS, 0, 3600)),
        SemanticSetting.load(ctx.settings()));
    // How often a search is answered from the result cache (hit) or runs (miss).
    for (String result : List.of("hit", "miss")) {
      FunctionCounter.builder(
              "frontdesk.kb.search.cache",
              searchCache,
              c -> result.equals("hit") ? c.hits() : c.misses())
          .description("Searches answered from the result cache (hit) or run by the engine (miss)")
          .tag("result", result)
          .register(ctx.metrics().registry());
    }
    // Each search visits every segment; IndexCompaction merges them into one when writes stop.
    Gauge.builder("frontdesk.kb.index.segments", index, ArticleIndex::segments)
        .description("Segments of the search index that every search visits")
        .register(ctx.metrics().registry());
  }

  /** For tools: the query log and view counts are written at once, and nothing is cached. */
  public KnowledgeWiring(
      Vertx vertx, MongoStore store, Path indexDir, String baseUrl, Blocking blocking) {
    this(vertx, store, indexDir, baseUrl, blocking, new SemanticSetting(SemanticSetting.DEFAULT));
  }

  /** For tools, with the semantic ranking setting. */
  public KnowledgeWiring(
      Vertx vertx,
      MongoStore store,
      Path indexDir,
      String baseUrl,
      Blocking blocking,
      SemanticSetting semantic) {
    this(
        vertx,
        store,
        indexDir,
        baseUrl,
        blocking,
        WriteBehinds.direct(),
        Duration.ZERO,
        0,
        0,
        0,
        Duration.ZERO,
        semantic);
  }

  public KnowledgeWiring(
      Vertx vertx,
      MongoStore store,
      Path indexDir,
      String baseUrl,
      Blocking blocking,
      WriteBehinds analytics,
      Duration articleCache,
      int searchCache,
      int articleCacheEntries,
      int searchThreads,
      Duration mergeQuiet,
      SemanticSetting semantic) {
    this.vertx = vertx;
    this.blocking = blocking;
    this.analytics = analytics;
    KnowledgeAnalyzer analyzer = new KnowledgeAnalyzer();
    RelevanceModel model = RelevanceModel.PRODUCTION;
    MarkdownRenderer markdown = new MarkdownRenderer();
    Clock clock = Clock.systemUTC();
    this.repo = new ArticleRepository(store.database(), analytics);
    TitleVectors vectors =
        semantic.check().on() ? new StoredTitleVectors(embedder(semantic), store.database()) : null;
    this.index = ArticleIndex.open(indexDir, analyzer, model.similarity(), vectors);
    this.sync = new IndexSync(repo, index, markdown, !store.isEmbedded());
    this.compaction = new IndexCompaction(index, mergeQuiet, IndexCompaction.INTERVAL);
    this.synonyms = new SynonymService(store.database(), analyzer, blocking);
    this.queryLog = new QueryLog(store.database(), analytics);
    this.engine =
        new SearchEngine(
            index,
            model,
            synonyms::current,
            Confidence.PRODUCTION,
            baseUrl,
            vectors == null ? null : SemanticRanker.standard(vectors));
    this.searchCache = ResultCache.following(index, synonyms, searchCache);
    this.search =
        new SearchService(
            engine,
            queryLog,
            searchThreads > 0 ? Blocking.pool(vertx, "kb-search", searchThreads) : blocking,
            this.searchCache);
    this.articles =
        new ArticleService(
            repo,
            sync,
            markdown,
            new Excerpts(markdown, analyzer),
            blocking,
            clock,
            articleCache,
            articleCacheEntries);
    this.feedback = new FeedbackService(store.database(), repo, queryLog, blocking, clock);
  }

  /** The embedder a checked, switched-on setting names (only minilm is offered). */
  public static TextEmbedder embedder(SemanticSetting semantic) {
    return new MiniLmEmbedder();
  }

  @Override
  public Future<Void> start() {
    return blocking
        .run(this::startBlocking)
        .onSuccess(
            v ->
                reloadTimer =
                    vertx.setPeriodic(
                        SYNONYM_RELOAD_MS, id -> blocking.run(synonyms::reloadBlocking)));
  }

  /** Collections, indexes, synonyms and the search index (rebuilt if behind). Blocking. */
  public void startBlocking() {
    repo.init();
    queryLog.init();
    feedback.init();
    synonyms.initBlocking();
    sync.start();
    compaction.start();
  }

  @Override
  public void mount(Router root) {
    root.route("/*")
        .subRouter(new KnowledgeRoutes(vertx, search, articles, feedback, synonyms).router());
  }

  @Override
  public Future<Void> seedDemo() {
    return blocking.call(
        () -> {
          ImportReport r = importer().importFiles(demoArticles(), "demo");
          LOG.info(
              "Demo articles: {} added, {} updated, {} rejected",
              r.added(),
              r.updated(),
              r.rejected().size());
          r.rejected()
              .forEach(x -> LOG.warn("Demo article {} rejected: {}", x.source(), x.reason()));
          return (Void) null;
        });
  }

  /** Health: the index is open and searchable, and follows the store. Blocking. */
  public Void checkIndex() {
    index.size();
    String problem = sync.problem();
    if (problem != null) {
      throw new IllegalStateException("index cannot follow the store: " + problem);
    }
    return null;
  }

  @Override
  public Future<Void> stop() {
    if (reloadTimer >= 0) {
      vertx.cancelTimer(reloadTimer);
    }
    // The query log and view counts queued before the HTTP drain reach the store before it closes.
    return analytics
        .close()
        .otherwise(
            e -> {
              LOG.warn("Search analytics not flushed: {}", e.toString());
              return null;
            })
        .compose(v -> blocking.run(this::closeBlocking));
  }

  /**
   * Writes the queued query log and view counts; completes when they are in the store (for tests
   * and tools that read the store directly; the module's own readers flush first).
   */
  public Future<Void> flushAnalytics() {
    return analytics.flush();
  }

  /** Stops following the store, commits and closes the index. Blocking. */
  public void closeBlocking() {
    sync.close();
    compaction.close();
    index.close();
  }

  /** The search result cache, for its hit and miss counts. */
  public ResultCache searchCache() {
    return searchCache;
  }

  public SearchService searchService() {
    return search;
  }

  public ArticleRepository repository() {
    return repo;
  }

  public ArticleService articleService() {
    return articles;
  }

  public FeedbackService feedbackService() {
    return feedback;
  }

  public SynonymService synonymService() {
    return synonyms;
  }

  /** The synchronous engine (commands and benchmarks; never on the event loop). */
  public SearchEngine engine() {
    return engine;
  }

  public ArticleIndex index() {
    return index;
  }

  public ArticleImporter importer() {
    return new ArticleImporter(articles);
  }

  public QnaTsvImporter qnaImporter() {
    return new QnaTsvImporter(articles, "IT service desk");
  }

  public ArticleExporter exporter() {
    return new ArticleExporter(articles);
  }

  /**
   * The demo articles on the classpath: the names listed in {@code demo/articles/INDEX} if it
   * exists, else every {@code *.md} in that resource directory (file system or jar). None is fine.
   */
  static Map<String, String> demoArticles() throws IOException {
    ClassLoader cl = KnowledgeWiring.class.getClassLoader();
    Map<String, String> files = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    try (InputStream in = cl.getResourceAsStream(DEMO_DIR + "/INDEX")) {
      if (in != null) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> l.endsWith(".md") && !l.startsWith("#"))
            .forEach(names::add);
      }
    }
    if (names.isEmpty()) {
      names.addAll(listDirectory(cl.getResource(DEMO_DIR)));
    }
    for (String n : names) {
      try (InputStream in = cl.getResourceAsStream(DEMO_DIR + "/" + n)) {
        files.put(n, in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static List<String> listDirectory(URL url) throws IOException {
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return list(fs.getPath(DEMO_DIR));
        }
      }
      return list(Path.of(uri));
    } catch (java.net.URISyntaxException | java.nio.file.FileSystemAlreadyExistsException e) {
      LOG.warn("Cannot list demo articles at {}: {}", url, e.toString());
      return List.of();
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md"))
          .sorted()
          .toList();
    }
  }
}
