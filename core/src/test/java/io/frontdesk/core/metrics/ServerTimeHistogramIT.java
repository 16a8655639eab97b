package io.frontdesk.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every request's server-side time lands in a histogram labelled by route pattern (never the raw
 * path), with the fixed buckets, so p99 per page can be read from /metrics and by the benchmarks.
 */
class ServerTimeHistogramIT {

  @Test
  void requestTimesAreHistogramsByRoute() throws Exception {
    Metrics metrics = new Metrics();
    Vertx vertx =
        Vertx.builder()
            .with(metrics.vertxOptions())
            .withMetrics(metrics.vertxMetricsFactory())
            .build();
    try {
      Router router = Router.router(vertx);
      router.get("/kb/:id").handler(ctx -> ctx.response().end("article " + ctx.pathParam("id")));
      router.get("/metrics").handler(metrics.scrapeHandler());
      HttpServer server =
          vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
      WebClient client = WebClient.create(vertx);
      for (String id : new String[] {"a", "b", "c"}) {
        assertThat(
                client
                    .get(server.actualPort(), "localhost", "/kb/" + id)
                    .send()
                    .await(10, TimeUnit.SECONDS)
                    .statusCode())
            .isEqualTo(200);
      }
      // The timer is recorded when the response ends, just after the client has its answer.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      Timer timer = null;
      while (timer == null || timer.count() < 3) {
        assertThat(System.nanoTime()).as("three requests timed").isLessThan(deadline);
        timer = metrics.registry().find(Metrics.SERVER_TIME).tag("route", "/kb/:id").timer();
        Thread.onSpinWait();
      }
      var counts = timer.takeSnapshot().histogramCounts();
      assertThat(Arrays.stream(counts).mapToDouble(c -> c.bucket(TimeUnit.MILLISECONDS)).toArray())
          .containsExactly(Metrics.SERVER_TIME_BUCKETS_MS);
      // Cumulative: the last bound (10 s) holds every request.
      assertThat(counts[counts.length - 1].count()).isEqualTo(3.0);

      String scraped =
          client
              .get(server.actualPort(), "localhost", "/metrics")
              .send()
              .await(10, TimeUnit.SECONDS)
              .bodyAsString();
      assertThat(scraped)
          .contains("vertx_http_server_response_time_seconds_bucket{")
          .contains("route=\"/kb/:id\"")
          .contains("le=\"0.05\"")
          .doesNotContain("/kb/a");
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      metrics.close();
    }
  }
}
