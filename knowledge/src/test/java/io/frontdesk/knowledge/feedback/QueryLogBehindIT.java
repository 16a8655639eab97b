package io.frontdesk.knowledge.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.SearchEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The query log and view counts written behind: nothing reaches the store until a flush (here the
 * timer never fires), then the search is there with the click and rating queued after it, and the
 * views of one article are one increment.
 */
class QueryLogBehindIT {
  final Vertx vertx = Vertx.vertx();
  final MongoStore store = TestStores.fresh();
  final WriteBehinds buffers =
      WriteBehinds.batched(
          vertx, new WriteBehinds.Options(1000, 1000, 600_000), new SimpleMeterRegistry());

  @AfterEach
  void close() {
    vertx.close().await();
    store.close();
  }

  @Test
  void aSearchItsClickAndItsRatingArriveTogetherInOrder() throws Exception {
    QueryLog log = new QueryLog(store.database(), buffers);
    SearchEngine.Result none =
        new SearchEngine.Result(List.of(), Optional.empty(), new Confidence.Features(0, 0, 0, 1));
    String id = log.record("Printer JAMMED!", Audience.STAFF, Optional.of("u-1"), "portal", none);
    log.clicked(id, "printer-jam");
    log.rated(id, "printer-jam", false);
    assertThat(log.collection().countDocuments()).as("queued, not written").isZero();

    buffers.flush().await(5, TimeUnit.SECONDS);
    Document d = log.collection().find(new Document("_id", id)).first();
    assertThat(d.getString("normalised")).isEqualTo("printer jammed");
    assertThat(d.getList("clicked", String.class)).containsExactly("printer-jam");
    assertThat(d.getList("rated", Document.class).get(0).getBoolean("helpful")).isFalse();
  }

  @Test
  void viewsOfOneArticleAreOneIncrementOnItsCountsNotOnTheArticle() throws Exception {
    ArticleRepository repo = new ArticleRepository(store.database(), buffers);
    // Two views counted on the article itself by an earlier version: still part of the total.
    repo.insert(new Document("_id", "vpn").append("views", 2L));
    for (int i = 0; i < 5; i++) {
      repo.countView("vpn", java.time.LocalDate.of(2026, 12, 1));
    }
    assertThat(repo.views().total(repo.find("vpn").orElseThrow())).as("queued").isEqualTo(2L);
    repo.flushViews();
    assertThat(repo.views().total(repo.find("vpn").orElseThrow())).isEqualTo(7);
    Document counts = repo.views().collection().find(new Document("_id", "vpn")).first();
    assertThat(counts.get("views")).isEqualTo(5L);
    assertThat(counts.get("viewsByDay", Document.class).get("2026-12-01")).isEqualTo(5L);
    assertThat(repo.find("vpn").orElseThrow().get("views"))
        .as("the article document is not rewritten for a view")
        .isEqualTo(2L);
  }
}
