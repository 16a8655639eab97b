package io.frontdesk.knowledge.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.store.WriteBehind;
import io.frontdesk.core.store.WriteBehinds;
import io.frontdesk.core.testing.StallableStore;
import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.article.ArticleViews;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.SearchEngine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The query log and view counts when the store stops answering (a proxy that forwards nothing). Its
 * batches share the write-behind worker with every other buffer, the bot's claims and transcripts
 * among them, so a batch gives up at its own deadline instead of holding the worker on the socket;
 * once the store answers again the next batches are written. The database here has no deadline of
 * its own, as in production: the buffer's is what ends the wait.
 */
class AnalyticsStallIT {
  static final SearchEngine.Result NONE =
      new SearchEngine.Result(List.of(), Optional.empty(), new Confidence.Features(0, 0, 0, 1));

  final StallableStore stallable = new StallableStore(600_000);
  final WriteBehinds buffers = stallable.buffers();

  @AfterEach
  void close() throws Exception {
    stallable.close();
  }

  @Test
  @Timeout(60)
  void aStalledStoreCostsTheBatchNotTheSharedWorker() throws Exception {
    QueryLog log = new QueryLog(stallable.throughProxy(), buffers, Duration.ofMillis(300));
    List<List<String>> others = new ArrayList<>();
    WriteBehind<String> other = buffers.create("other", others::add);

    stallable.freeze();
    log.record("printer jammed", Audience.STAFF, Optional.empty(), "portal", NONE);
    other.offer("written after the stalled batch");
    buffers.flush().await(30, TimeUnit.SECONDS);
    assertThat(stallable.failed("kb_queries")).as("the stalled batch was given up").isEqualTo(1);
    assertThat(others).as("the next buffer on the worker was written").hasSize(1);

    stallable.thaw();
    String id = log.record("vpn drops", Audience.STAFF, Optional.empty(), "portal", NONE);
    buffers.flush().await(30, TimeUnit.SECONDS);
    assertThat(
            stallable
                .direct()
                .database()
                .getCollection(QueryLog.COLLECTION)
                .find(new Document("_id", id)))
        .hasSize(1);
  }

  @Test
  @Timeout(60)
  void viewCountsGiveUpAStalledBatchAndCountAgainAfter() throws Exception {
    ArticleViews views =
        new ArticleViews(stallable.throughProxy(), buffers, Duration.ofMillis(300));
    stallable.freeze();
    views.count("vpn", LocalDate.of(2026, 12, 2));
    buffers.flush().await(30, TimeUnit.SECONDS);
    assertThat(stallable.failed("kb_views")).isEqualTo(1);

    stallable.thaw();
    views.count("vpn", LocalDate.of(2026, 12, 2));
    buffers.flush().await(30, TimeUnit.SECONDS);
    Document counts =
        stallable
            .direct()
            .database()
            .getCollection(ArticleViews.COLLECTION)
            .find(new Document("_id", "vpn"))
            .first();
    assertThat(counts.get("views")).as("the stalled view is lost, and counted").isEqualTo(1L);
  }
}
