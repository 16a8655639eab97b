package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.feedback.QueryLog;
import io.frontdesk.knowledge.search.ResultCache;
import io.frontdesk.knowledge.search.SearchHit;
import io.frontdesk.knowledge.search.SearchRequest;
import io.frontdesk.knowledge.search.SearchResponse;
import io.frontdesk.knowledge.search.SearchService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search-result cache over the real index: a question asked again gets the same results, and an
 * article published in between shows up at once (the cache follows the index reader).
 */
class CachedSearchIT {
  static final Principal ANNA = KnowledgeFixture.principal("anna:STAFF,CHAMPION");
  static final Principal BEN = KnowledgeFixture.principal("ben:STAFF,CHAMPION");

  Vertx vertx;
  MongoStore store;
  KnowledgeFixture kb;
  @TempDir Path indexDir;
  SearchService cached;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = TestStores.fresh();
    kb = new KnowledgeFixture(vertx, store.database(), indexDir, false);
    cached =
        new SearchService(
            kb.engine,
            kb.log,
            Blocking.on(vertx),
            ResultCache.following(kb.index, kb.synonyms, 100));
  }

  @AfterEach
  void stop() throws Exception {
    kb.close();
    store.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(10, TimeUnit.SECONDS);
  }

  List<String> ids(String q) throws Exception {
    return await(cached.search(new SearchRequest(q, "staff", 10, Optional.empty(), "test")))
        .results()
        .stream()
        .map(SearchHit::id)
        .toList();
  }

  void publish(String id, String title) throws Exception {
    await(
        kb.articles.createDraft(
            ANNA,
            new ArticleInput(
                id,
                title,
                "Hold the **power** button on the projector for ten seconds.",
                List.of("projector"),
                "Hardware",
                Audience.STAFF,
                Optional.empty())));
    await(kb.articles.submit(ANNA, id));
    await(kb.articles.approve(BEN, id));
  }

  @Test
  void aPublishedArticleIsFoundAtOnceDespiteTheCache() throws Exception {
    publish("projector-reset", "Reset the meeting room projector");
    assertThat(ids("projector")).containsExactly("projector-reset");
    assertThat(ids("projector")).containsExactly("projector-reset");

    publish("projector-lamp", "Projector lamp warning");
    assertThat(ids("projector")).containsExactlyInAnyOrder("projector-reset", "projector-lamp");
    assertThat(kb.log.collection().countDocuments()).as("every search logged").isEqualTo(3);
  }

  @Test
  void aQuestionAskedAgainIsAnsweredAtOnceWithoutTheSearchPoolAndStillLogged() throws Exception {
    WriteBehinds behind =
        WriteBehinds.batched(
            vertx, new WriteBehinds.Options(1_000, 100, 50), new SimpleMeterRegistry());
    QueryLog log = new QueryLog(store.database(), behind);
    ResultCache cache = ResultCache.following(kb.index, kb.synonyms, 100);
    SearchService search = new SearchService(kb.engine, log, Blocking.on(vertx), cache);
    publish("projector-reset", "Reset the meeting room projector");
    SearchRequest req = new SearchRequest("projector", "staff", 10, Optional.empty(), "test");

    Future<SearchResponse> first = search.search(req);
    assertThat(first.isComplete()).as("the first search runs on a worker").isFalse();
    SearchResponse ran = await(first);
    Future<SearchResponse> again = search.search(req);
    assertThat(again.isComplete()).as("answered from the cache where it was asked").isTrue();
    assertThat(again.result().results()).isEqualTo(ran.results());
    assertThat(again.result().queryId()).isNotEqualTo(ran.queryId());
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);

    await(behind.close());
    assertThat(log.collection().countDocuments()).as("both searches logged").isEqualTo(2);
  }
}
