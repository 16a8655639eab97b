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

  private final SearchEngine engine;
  private final QueryLog log;
  private final Blocking blocking;

  public SearchService(SearchEngine engine, QueryLog log, Blocking blocking) {
    this.engine = engine;
    this.log = log;
    this.blocking = blocking;
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
    return blocking.call(
        () -> {
          SearchEngine.Result r = engine.search(q, audience, limit, null, true);
          String id = log.record(q, audience, req.userId(), req.channel(), r);
          return new SearchResponse(q, r.answer(), r.hits(), id);
        });
  }
}
