package io.frontdesk.deploy;

import io.frontdesk.core.CoreRoutes;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.health.HealthRegistry;
import io.frontdesk.core.http.HttpErrors;
import io.frontdesk.core.http.RequestLog;
import io.frontdesk.core.metrics.Metrics;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.deploy.wiring.BotWiring;
import io.frontdesk.deploy.wiring.DeskWiring;
import io.frontdesk.deploy.wiring.FulfilmentWiring;
import io.frontdesk.deploy.wiring.KnowledgeDraftsAdapter;
import io.frontdesk.deploy.wiring.KnowledgeWiring;
import io.frontdesk.deploy.wiring.PortalWiring;
import io.frontdesk.deploy.wiring.Wiring;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: one Vert.x instance, one store, one HTTP port for the bot, the portal and the
 * API. Start-up fails (and cleans up) if the store cannot be opened or the port cannot be bound.
 */
public final class FrontdeskServer {
  private static final Logger LOG = LoggerFactory.getLogger(FrontdeskServer.class);

  /** A collection of our own that records facts about the store itself (e.g. demo seeding). */
  static final String META = "meta";

  /** Collections that modules fill at start-up, before demo seeding looks at the store. */
  private static final java.util.Set<String> SEEDED_AT_START =
      java.util.Set.of(
          io.frontdesk.knowledge.search.SynonymService.COLLECTION,
          io.frontdesk.portal.auth.PortalKeys.COLLECTION);

  private final ServerContext ctx;
  private final List<Wiring> wirings;
  private final HttpServer http;

  private FrontdeskServer(ServerContext ctx, List<Wiring> wirings, HttpServer http) {
    this.ctx = ctx;
    this.wirings = wirings;
    this.http = http;
  }

  /** Starts everything and blocks until the server is listening (or start-up failed). */
  public static FrontdeskServer start(FrontdeskConfig config, Settings settings, boolean demo) {
    long t0 = System.nanoTime();
    Metrics metrics = new Metrics();
    Vertx vertx =
        Vertx.builder()
            .with(metrics.vertxOptions())
            .withMetrics(metrics.vertxMetricsFactory())
            .build();
    MongoStore store = null;
    try {
      store =
          MongoStore.open(
              new MongoStore.Options(
                  config.mongoUri(),
                  config.dataDir(),
                  config.mongoDatabase(),
                  List.of(metrics.mongoCommandListener()),
                  List.of(metrics.mongoPoolListener())));
      long storeMs = (System.nanoTime() - t0) / 1_000_000;
      HealthRegistry health = new HealthRegistry(vertx);
      MongoStore s = store;
      health.register(
          "store",
          () -> {
            s.ping();
            return null;
          });
      ServerContext ctx =
          new ServerContext(
              vertx, config, settings, store, health, metrics, Blocking.on(vertx), demo);
      long w0 = System.nanoTime();
      List<Wiring> wirings = wire(ctx);
      long wireMs = (System.nanoTime() - w0) / 1_000_000;

      // Emptiness is judged before any module starts: a module's start may write its defaults
      // (counters, policies), and those must not make a fresh store look used.
      Future<Boolean> seed =
          demo ? ctx.blocking().call(() -> isEmpty(ctx.store())) : Future.succeededFuture(false);
      Future<Void> started = seed.mapEmpty();
      // Time per phase for the ready line, so a slow start says where its time went.
      Map<String, Long> phases = new LinkedHashMap<>();
      phases.put("store", storeMs);
      phases.put("wiring", wireMs);
      for (Wiring w : wirings) {
        started = started.compose(v -> timed(phases, name(w), w::start));
      }
      if (demo) {
        started = started.compose(v -> seedDemo(ctx, wirings, seed.result(), phases));
      }
      Router root = Router.router(vertx);
      root.route().handler(new RequestLog());
      wirings.forEach(w -> w.mountAuthentication(root));
      root.route("/*").subRouter(new CoreRoutes(vertx, health, metrics).router());
      wirings.forEach(w -> w.mount(root));
      root.route().last().handler(c -> c.fail(404));
      root.route().failureHandler(HttpErrors::handle);

      HttpServer http =
          vertx.createHttpServer(
              new HttpServerOptions()
                  .setCompressionSupported(true)
                  .setIdleTimeout(120)
                  // Vert.x offers cleartext HTTP/2 upgrades by default. Browsers never take them
                  // and the Bot Connector comes through TLS at the proxy; only the JDK test client
                  // did, and one request on an upgraded connection hung until the idle timeout.
                  .setHttp2ClearTextEnabled(false));
      HttpServer listening =
          started
              .compose(v -> http.requestHandler(root).listen(config.port()))
              .compose(h -> health.start().map(h))
              .await(60, TimeUnit.SECONDS);
      LOG.info(
          "Frontdesk ready on port {} in {} ms ({}); ms per phase: {}",
          listening.actualPort(),
          (System.nanoTime() - t0) / 1_000_000,
          config.baseUrl(),
          phases);
      return new FrontdeskServer(ctx, wirings, listening);
    } catch (Exception e) {
      if (store != null) {
        store.close();
      }
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static Future<Void> timed(
      Map<String, Long> phases, String name, java.util.function.Supplier<Future<Void>> phase) {
    long t = System.nanoTime();
    return phase.get().onSuccess(v -> phases.put(name, (System.nanoTime() - t) / 1_000_000));
  }

  private static String name(Wiring w) {
    return w.getClass().getSimpleName().replace("Wiring", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Every module, in dependency order. */
  private static List<Wiring> wire(ServerContext ctx) {
    List<Wiring> wirings = new ArrayList<>();
    KnowledgeWiring knowledge = new KnowledgeWiring(ctx);
    ctx.health().register("index", knowledge::checkIndex);
    wirings.add(knowledge);
    DeskWiring desk = new DeskWiring(ctx);
    desk.knowledgeDrafts(new KnowledgeDraftsAdapter(knowledge.articleService()));
    wirings.add(desk);
    FulfilmentWiring fulfilment = new FulfilmentWiring(ctx, desk);
    wirings.add(fulfilment);
    wirings.add(new BotWiring(ctx, knowledge, desk, fulfilment));
    wirings.add(new PortalWiring(ctx, knowledge, desk, fulfilment));
    return wirings;
  }

  private static Future<Void> seedDemo(
      ServerContext ctx, List<Wiring> wirings, boolean empty, Map<String, Long> phases) {
    if (!empty) {
      LOG.info("--demo: the store already holds data, so no demo data was added");
      return Future.succeededFuture();
    }
    Future<Void> seeded = Future.succeededFuture();
    for (Wiring w : wirings) {
      seeded = seeded.compose(v -> timed(phases, "demo " + name(w), w::seedDemo));
    }
    return seeded.compose(
        v ->
            ctx.blocking()
                .run(
                    () ->
                        ctx.store()
                            .database()
                            .getCollection(META)
                            .insertOne(
                                new Document("_id", "demo")
                                    .append("seededAt", new java.util.Date()))));
  }

  /**
   * Empty means no document in any collection (indexes may already exist), apart from what the
   * modules write themselves at start-up (default synonyms, the portal's key), so that a store
   * first started without --demo still takes the demo data.
   */
  static boolean isEmpty(MongoStore store) {
    for (String name : store.database().listCollectionNames()) {
      if (SEEDED_AT_START.contains(name)) {
        continue;
      }
      if (store.database().getCollection(name).countDocuments() > 0) {
        return false;
      }
    }
    return true;
  }

  public int port() {
    return http.actualPort();
  }

  public ServerContext context() {
    return ctx;
  }

  /** A module's wiring, for tests and tools that need its services. */
  public <T extends Wiring> java.util.Optional<T> wiring(Class<T> type) {
    return wirings.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * Stops accepting, gives in-flight requests up to {@code drain} to finish, then closes every
   * module, the store and Vert.x.
   */
  public void stop(Duration drain) {
    ctx.health().stop();
    try {
      http.shutdown(drain.toMillis(), TimeUnit.MILLISECONDS)
          .await(drain.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("HTTP server did not drain in time: {}", e.toString());
    }
    for (int i = wirings.size() - 1; i >= 0; i--) {
      try {
        wirings.get(i).stop().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", wirings.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    try {
      ctx.store().close();
    } finally {
      try {
        ctx.vertx().close().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Vert.x did not close in time: {}", e.toString());
      }
      ctx.metrics().close();
    }
  }
}
