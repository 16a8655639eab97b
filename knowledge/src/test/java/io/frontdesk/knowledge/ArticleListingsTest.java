package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleListings;
import io.frontdesk.knowledge.article.ArticleListings.Listed;
import io.frontdesk.knowledge.article.ArticleRepository;
import io.frontdesk.knowledge.article.ArticleViews;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Popular articles and browse by service: recent counts only, audience rule, short cache. */
class ArticleListingsTest {
  static final Principal ANNA = KnowledgeFixture.principal("anna:STAFF,CHAMPION");
  static final Principal BEN = KnowledgeFixture.principal("ben:STAFF,CHAMPION");

  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  Vertx vertx;
  MongoStore store;
  KnowledgeFixture kb;
  @TempDir Path indexDir;
  TestClock clock = new TestClock();
  ArticleListings listings;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = TestStores.fresh();
    kb = new KnowledgeFixture(vertx, store.database(), indexDir, false);
    listings =
        new ArticleListings(
            kb.repo, store.database(), Blocking.on(vertx), clock, 30, Duration.ofMinutes(1));
    publish("vpn-setup", "Connect to the VPN", "Network", Audience.STAFF);
    publish("add-printer", "Add a printer", "Printing", Audience.ALL);
    publish("school-wifi", "School wifi", "Network", Audience.SCHOOLS);
    publish("toner", "Order toner", "Printing", Audience.ALL);
  }

  @AfterEach
  void stop() throws Exception {
    kb.close();
    store.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private void publish(String id, String title, String service, Audience audience) {
    await(
        kb.articles.createDraft(
            ANNA,
            new ArticleInput(
                id,
                title,
                "Steps for " + title + ".",
                List.of(),
                service,
                audience,
                Optional.empty())));
    await(kb.articles.submit(ANNA, id));
    await(kb.articles.approve(BEN, id));
  }

  private void view(String id, String audience, int times) {
    for (int i = 0; i < times; i++) {
      await(kb.articles.published(id, audience));
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void mostViewedCountsOnlyTheWindowAndKeepsToTheReadersAudience() {
    view("vpn-setup", "staff", 5);
    view("school-wifi", "schools", 3);
    view("add-printer", "staff", 2);
    // 100 views forty days ago are outside the 30-day window.
    String old = LocalDate.now(ZoneOffset.UTC).minusDays(40).toString();
    kb.repo
        .articles()
        .updateOne(
            new Document("_id", "toner"),
            new Document("$set", new Document(ArticleRepository.VIEWS_BY_DAY + "." + old, 100)));
    kb.repo
        .views()
        .collection()
        .updateOne(
            new Document("_id", "toner"),
            new Document("$set", new Document(ArticleViews.BY_DAY + "." + old, 100)),
            new com.mongodb.client.model.UpdateOptions().upsert(true));

    assertThat(await(listings.popular("staff", 5)).mostViewed())
        .extracting(Listed::id)
        .containsExactly("vpn-setup", "add-printer");
    assertThat(await(listings.popular("schools", 5)).mostViewed())
        .extracting(Listed::id)
        .containsExactly("school-wifi", "add-printer");
    assertThat(await(listings.popular("schools", 1)).mostViewed()).hasSize(1);
    // The expired day was removed from the article.
    Document toner = kb.repo.find("toner").orElseThrow();
    assertThat(toner.get(ArticleRepository.VIEWS_BY_DAY, Document.class)).doesNotContainKey(old);
    Document counts = kb.repo.views().collection().find(new Document("_id", "toner")).first();
    assertThat(counts.get(ArticleViews.BY_DAY, Document.class)).doesNotContainKey(old);
  }

  @Test
  void mostHelpfulCountsRecentHelpfulRatingsOnly() {
    await(kb.feedback.rate("toner", true, Optional.empty(), Optional.empty(), Optional.of("a")));
    await(kb.feedback.rate("toner", true, Optional.empty(), Optional.empty(), Optional.of("b")));
    await(
        kb.feedback.rate("vpn-setup", true, Optional.empty(), Optional.empty(), Optional.empty()));
    await(
        kb.feedback.rate(
            "add-printer", false, Optional.empty(), Optional.empty(), Optional.empty()));

    assertThat(await(listings.popular("staff", 5)).mostHelpful())
        .extracting(Listed::id, Listed::helpful)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("toner", 2L),
            org.assertj.core.groups.Tuple.tuple("vpn-setup", 1L));
    assertThat(await(listings.popular("schools", 5)).mostHelpful())
        .extracting(Listed::id)
        .containsExactly("toner");
  }

  @Test
  void theListsAreCachedForAShortTime() {
    view("toner", "staff", 1);
    assertThat(await(listings.popular("staff", 5)).mostViewed())
        .extracting(Listed::id)
        .containsExactly("toner");
    view("vpn-setup", "staff", 3);
    assertThat(await(listings.popular("staff", 5)).mostViewed())
        .as("still the cached lists")
        .extracting(Listed::id)
        .containsExactly("toner");
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    // Stale: the reader still gets the old lists at once, and a reload starts behind them.
    assertThat(await(listings.popular("staff", 5)).mostViewed())
        .extracting(Listed::id)
        .containsExactly("toner");
    List<String> renewed = List.of("vpn-setup", "toner");
    assertThat(
            eventually(
                () ->
                    await(listings.popular("staff", 5)).mostViewed().stream()
                        .map(Listed::id)
                        .toList(),
                renewed))
        .isEqualTo(renewed);
  }

  /** Asks until the answer is the expected one (after the background reload), up to 10 s. */
  private static <T> T eventually(java.util.function.Supplier<T> ask, T expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    T now = ask.get();
    while (!now.equals(expected) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      now = ask.get();
    }
    return now;
  }

  @Test
  void browseByServiceListsEachServicesArticlesForTheReader() {
    assertThat(await(listings.services("schools")))
        .containsExactly(
            new ArticleListings.Service("Network", 1), new ArticleListings.Service("Printing", 2));
    assertThat(await(listings.inService("staff", "Network")))
        .extracting(Listed::id)
        .containsExactly("vpn-setup");
    assertThat(await(listings.inService("schools", "printing")))
        .extracting(Listed::title)
        .containsExactly("Add a printer", "Order toner");
    assertThatThrownBy(() -> await(listings.inService("staff", "Nothing here")))
        .isInstanceOf(ApiException.class);
    // An archived article leaves the lists (once the cache is renewed).
    await(kb.articles.archive(ANNA, "vpn-setup"));
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    List<ArticleListings.Service> printingOnly =
        List.of(new ArticleListings.Service("Printing", 2));
    assertThat(eventually(() -> await(listings.services("staff")), printingOnly))
        .isEqualTo(printingOnly);
    assertThatThrownBy(() -> await(listings.inService("staff", "Network")))
        .isInstanceOf(ApiException.class);
  }
}
