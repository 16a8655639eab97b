package io.frontdesk.knowledge.search;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.feedback.QueryLog;
import io.vertx.core.Future;

/** Search for readers: validation, the engine (off the event loop), and the query log. */
public final class SearchService {
  public static final int MAX_QUERY = 500;
  public static final int MAX_LIMIT = 50;

  /** How many recent searches are kept for a question asked again; 0 turns the cache off. */
  public static final String CACHE_SIZE = "FRONTDESK_KB_SEARCH_CACHE";

  public static final int DEFAULT_CACHE_SIZE = 2_000;

  /**
   * Threads that run searches (a pool of their own); 0 runs them on the shared worker pool. A
   * search is pure CPU, so more threads than cores only time-slice them against each other and
   * against the event loops, which lengthens every page's tail.
   */
  public static final String THREADS = "FRONTDESK_KB_SEARCH_THREADS";

  /** One per core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  private final SearchEngine engine;
  private final QueryLog log;
  private final Blocking blocking;
  private final ResultCache cache;

  /** Without a result cache. */
  public SearchService(SearchEngine engine, QueryLog log, Blocking blocking) {
    this(engine, log, blocking, ResultCache.off());
  }

  public SearchService(SearchEngine engine, QueryLog log, Blocking blocking, ResultCache cache) {
    this.engine = engine;
    this.log = log;
    this.blocking = blocking;
    this.cache = cache;
  }

  public Future<SearchResponse> search(SearchRequest req) {
    String q = req.query() == null ? "" : req.query().strip();
    if (q.isEmpty()) {
      return Future.failedFuture(ApiException.badRequest("q is empty: type a question"));
    }
    if (q.length() > MAX_QUERY) {
      return Future.failedFuture(
          ApiException.badRequest("q is over " + MAX_QUERY + " characters: shorten the question"));
    }
    Audience audience;
    try {
      audience = Audience.parseReader(req.audience());
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    int limit = req.limit() <= 0 ? 10 : Math.min(req.limit(), MAX_LIMIT);
    // A question asked again is answered from the cache where it was asked (a map look-up and a
    // queued log entry), without waiting in the search pool's queue behind searches that run.
    if (log.writesBehind()) {
      SearchEngine.Result hit = cache.peek(q, audience, limit, req.snippets());
      if (hit != null) {
        String id = log.record(q, audience, req.userId(), req.channel(), hit);
        return Future.succeededFuture(new SearchResponse(q, hit.answer(), hit.hits(), id));
      }
    }
    return blocking.call(
        () -> {
          // Every search is logged, a repeated one too: the log counts questions, not work.
          boolean snippets = req.snippets();
          SearchEngine.Result r =
              cache.get(
                  q,
                  audience,
                  limit,
                  snippets,
                  () -> engine.search(q, audience, limit, null, snippets));
          String id = log.record(q, audience, req.userId(), req.channel(), r);
          return new SearchResponse(q, r.answer(), r.hits(), id);
        });
  }
}
