package io.frontdesk.core.metrics;

import com.mongodb.event.CommandListener;
import com.mongodb.event.ConnectionPoolListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * One Prometheus registry for the process: Vert.x HTTP metrics (labelled by route, never by raw
 * path, so ids in URLs cannot explode the series count), JVM metrics, and the Mongo driver's
 * command and pool metrics. Modules add their own meters through {@link #registry()}.
 *
 * <p>The server-side time of every request ({@value #SERVER_TIME}: from the request's headers
 * arriving to the response's last byte being written, by route, method and status) is a histogram
 * with the fixed buckets {@link #SERVER_TIME_BUCKETS_MS}, so p50/p95/p99 per route can be read from
 * {@code /metrics} ({@code vertx_http_server_response_time_seconds_bucket}) and by benchmarks.
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** Vert.x's timer of each request, from its headers arriving to its response ending. */
  public static final String SERVER_TIME = "vertx.http.server.response.time";

  /**
   * Bucket bounds of {@link #SERVER_TIME}, in milliseconds: fine around page-latency targets (50 ms
   * is a bound), coarse beyond; 26 series per route, method and status.
   */
  public static final double[] SERVER_TIME_BUCKETS_MS = {
    1, 2, 3, 4, 5, 6, 8, 10, 12.5, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 300, 500, 1000,
    2500, 5000, 10000
  };

  public Metrics() {
    // Before any meter exists: a filter configures meters as they are registered.
    registry.config().meterFilter(serverTimeHistogram());
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private static MeterFilter serverTimeHistogram() {
    // A timer's bucket bounds are in nanoseconds.
    double[] nanos = Arrays.stream(SERVER_TIME_BUCKETS_MS).map(ms -> ms * 1_000_000).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!SERVER_TIME.equals(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(nanos)
            .build()
            .merge(config);
      }
    };
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Vert.x options with metrics switched on; pass with {@link #vertxMetricsFactory()}. */
  public VertxOptions vertxOptions() {
    return new VertxOptions()
        .setMetricsOptions(
            new MicrometerMetricsOptions()
                .setEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE)));
  }

  public VertxMetricsFactory vertxMetricsFactory() {
    return new MicrometerMetricsFactory(registry);
  }

  public CommandListener mongoCommandListener() {
    return new MongoMetricsCommandListener(registry);
  }

  public ConnectionPoolListener mongoPoolListener() {
    return new MongoMetricsConnectionPoolListener(registry);
  }

  public Handler<RoutingContext> scrapeHandler() {
    return PrometheusScrapingHandler.create(registry);
  }

  public void close() {
    gc.close();
    registry.close();
  }
}
