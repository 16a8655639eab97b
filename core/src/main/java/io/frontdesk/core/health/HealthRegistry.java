package io.frontdesk.core.health;

import io.frontdesk.core.async.Blocking;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness, as {@code GET /health} reports it. Each part (store, index, ...) registers a blocking
 * check; a timer runs them off the event loop every {@value #INTERVAL_MS} ms and keeps the result,
 * so a health probe is answered at once and cannot pile load onto a struggling store. The server is
 * ready only when every registered part passed its latest check.
 */
public final class HealthRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRegistry.class);
  public static final long INTERVAL_MS = 1000;

  private final Blocking blocking;
  private final Map<String, Callable<Void>> checks = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<String, Boolean> checked = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile long timerId = -1;

  public HealthRegistry(Vertx vertx) {
    this.blocking = Blocking.pool(vertx, "frontdesk-health", 1);
  }

  /** Registers a part; the check throws (with a short reason) when the part is not usable. */
  public void register(String part, Callable<Void> check) {
    checks.put(part, check);
  }

  /** Starts the periodic checks and runs the first round now. */
  public Future<Void> start() {
    timerId = blocking.vertx().setPeriodic(INTERVAL_MS, id -> checkNow());
    return checkNow();
  }

  public void stop() {
    if (timerId >= 0) {
      blocking.vertx().cancelTimer(timerId);
    }
  }

  /** Runs every check once (skipped if a round is still running). */
  public Future<Void> checkNow() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return blocking
        .run(
            () ->
                checks.forEach(
                    (part, check) -> {
                      try {
                        check.call();
                        if (failures.remove(part) != null) {
                          LOG.info("Health: {} is back", part);
                        }
                      } catch (Exception e) {
                        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                        if (failures.put(part, reason) == null) {
                          LOG.warn("Health: {} is failing: {}", part, reason);
                        }
                      }
                      checked.put(part, true);
                    }))
        .onComplete(ar -> running.set(false));
  }

  public boolean ready() {
    return !checks.isEmpty() && failures.isEmpty() && checked.keySet().containsAll(checks.keySet());
  }

  /** {"status":"UP"} or {"status":"DOWN","failing":{"store":"reason",...}}. */
  public JsonObject report() {
    if (ready()) {
      return new JsonObject().put("status", "UP");
    }
    Map<String, Object> failing = new LinkedHashMap<>();
    checks.keySet().stream()
        .sorted()
        .forEach(
            part -> {
              if (failures.containsKey(part)) {
                failing.put(part, failures.get(part));
              } else if (!checked.containsKey(part)) {
                failing.put(part, "starting");
              }
            });
    if (checks.isEmpty()) {
      failing.put("server", "starting");
    }
    return new JsonObject().put("status", "DOWN").put("failing", new JsonObject(failing));
  }
}
