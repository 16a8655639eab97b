package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The result cache reuses the engine's result only for the same question, audience, limit and
 * snippet choice, and only while the snapshot (index reader, synonyms) is unchanged.
 */
class ResultCacheTest {
  final AtomicReference<Object> snapshot = new AtomicReference<>("reader-1");
  final AtomicInteger runs = new AtomicInteger();

  SearchEngine.Result run() {
    runs.incrementAndGet();
    SearchHit hit = new SearchHit("a-" + runs.get(), "Title", "snippet", 1.0, "/kb/a", "Email");
    return new SearchEngine.Result(
        List.of(hit), Optional.of(hit), new Confidence.Features(1, 1, 1, 1));
  }

  @Test
  void reusesOnlyTheSameQuestionOnTheSameSnapshot() {
    ResultCache cache = new ResultCache(snapshot::get, 100);
    SearchEngine.Result first = cache.get("vpn", Audience.STAFF, 10, true, this::run);
    assertThat(cache.get("vpn", Audience.STAFF, 10, true, this::run).hits())
        .isEqualTo(first.hits());
    assertThat(runs).hasValue(1);

    cache.get("vpn", Audience.SCHOOLS, 10, true, this::run);
    cache.get("vpn", Audience.STAFF, 3, true, this::run);
    cache.get("vpn", Audience.STAFF, 10, false, this::run);
    cache.get("vpn broken", Audience.STAFF, 10, true, this::run);
    assertThat(runs).as("each differs").hasValue(5);

    snapshot.set("reader-2"); // an article was published: the index reader changed
    SearchEngine.Result fresh = cache.get("vpn", Audience.STAFF, 10, true, this::run);
    assertThat(runs).hasValue(6);
    assertThat(fresh.hits().get(0).id()).isEqualTo("a-6");
  }

  @Test
  void offRunsEverySearch() {
    ResultCache off = ResultCache.off();
    off.get("vpn", Audience.STAFF, 10, true, this::run);
    off.get("vpn", Audience.STAFF, 10, true, this::run);
    assertThat(runs).hasValue(2);
  }

  @Test
  void staysBounded() {
    ResultCache cache = new ResultCache(snapshot::get, 3);
    for (int i = 0; i < 10; i++) {
      cache.get("q" + i, Audience.STAFF, 10, true, this::run);
    }
    cache.get("q9", Audience.STAFF, 10, true, this::run);
    assertThat(runs).as("the newest entry is kept").hasValue(10);
  }

  @Test
  void keepsTheBusiestQuestionsWhenFullAndCountsHits() {
    ResultCache cache = new ResultCache(snapshot::get, 4);
    for (int i = 0; i < 20; i++) {
      cache.get("locked out", Audience.STAFF, 10, true, this::run); // asked between every other
      cache.get("q" + i, Audience.STAFF, 10, true, this::run);
    }
    assertThat(runs).as("the busy question ran once, each other question once").hasValue(21);
    assertThat(cache.hits()).isEqualTo(19);
    assertThat(cache.misses()).isEqualTo(21);

    for (int i = 0; i < 20; i++) {
      cache.get("other" + i, Audience.STAFF, 10, true, this::run);
    }
    cache.get("locked out", Audience.STAFF, 10, true, this::run);
    assertThat(runs).as("not asked for many questions: dropped, still bounded").hasValue(42);
  }
}
