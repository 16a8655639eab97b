package io.frontdesk.knowledge;

import com.mongodb.client.MongoDatabase;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.article.Excerpts;
import io.frontdesk.knowledge.article.MarkdownRenderer;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.feedback.QueryLog;
import io.frontdesk.knowledge.importing.ArticleImporter;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexSync;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.SearchEngine;
import io.frontdesk.knowledge.search.SearchService;
import io.frontdesk.knowledge.search.SynonymService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The knowledge module assembled as deploy's KnowledgeWiring does it, for tests: real store, real
 * index on disk, optional HTTP server. A test principal comes from the header {@code X-Test-User:
 * id:ROLE,ROLE[:schoolId]}, standing in for the portal's session handler.
 */
final class KnowledgeFixture implements AutoCloseable {
  final ArticleRepository repo;
  final ArticleIndex index;
  final IndexSync sync;
  final SynonymService synonyms;
  final QueryLog log;
  final SearchEngine engine;
  final SearchService search;
  final ArticleService articles;
  final FeedbackService feedback;
  final ArticleImporter importer;
  private final Vertx vertx;
  private HttpServer server;

  KnowledgeFixture(Vertx vertx, MongoDatabase db, Path indexDir, boolean changeStreams) {
    this(vertx, db, indexDir, changeStreams, java.time.Duration.ZERO);
  }

  /** With the in-process cache of published articles on ({@code articleCache} above zero). */
  KnowledgeFixture(
      Vertx vertx,
      MongoDatabase db,
      Path indexDir,
      boolean changeStreams,
      java.time.Duration articleCache) {
    this.vertx = vertx;
    Blocking blocking = Blocking.on(vertx);
    KnowledgeAnalyzer analyzer = new KnowledgeAnalyzer();
    MarkdownRenderer md = new MarkdownRenderer();
    RelevanceModel model = RelevanceModel.PRODUCTION;
    repo = new ArticleRepository(db);
    index = ArticleIndex.open(indexDir, analyzer, model.similarity());
    sync = new IndexSync(repo, index, md, changeStreams);
    synonyms = new SynonymService(db, analyzer, blocking);
    log = new QueryLog(db);
    engine =
        new SearchEngine(index, model, synonyms::current, Confidence.PRODUCTION, "http://test");
    search = new SearchService(engine, log, blocking);
    articles =
        new ArticleService(
            repo, sync, md, new Excerpts(md, analyzer), blocking, Clock.systemUTC(), articleCache);
    feedback = new FeedbackService(db, repo, log, blocking, Clock.systemUTC());
    importer = new ArticleImporter(articles);
    repo.init();
    log.init();
    feedback.init();
    synonyms.initBlocking();
    sync.start();
  }

  int listen() throws Exception {
    Router root = Router.router(vertx);
    root.route()
        .handler(
            ctx -> {
              String h = ctx.request().getHeader("X-Test-User");
              if (h != null) {
                Principals.set(ctx, principal(h));
              }
              ctx.next();
            });
    root.route("/*")
        .subRouter(new KnowledgeRoutes(vertx, search, articles, feedback, synonyms).router());
    root.route().failureHandler(HttpErrors::handle);
    server = vertx.createHttpServer().requestHandler(root).listen(0).await(10, TimeUnit.SECONDS);
    return server.actualPort();
  }

  static Principal principal(String spec) {
    String[] p = spec.split(":");
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(p[1].split(",")).map(Role::valueOf).forEach(roles::add);
    return new Principal(
        p[0],
        p[0],
        p[0] + "@example.org",
        roles,
        p.length > 2 ? Optional.of(p[2]) : Optional.empty());
  }

  @Override
  public void close() throws Exception {
    if (server != null) {
      server.close().await(5, TimeUnit.SECONDS);
    }
    sync.close();
    index.close();
  }
}
