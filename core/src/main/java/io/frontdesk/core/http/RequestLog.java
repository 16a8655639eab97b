package io.frontdesk.core.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request a correlation id (the caller's {@value #HEADER} if it is safe to echo,
 * otherwise a new one), returns it in the response header, and writes one access-log line when the
 * response ends. The line carries the path but never the query string, which can hold search text
 * or tokens.
 */
public final class RequestLog implements Handler<RoutingContext> {
  public static final String HEADER = "X-Correlation-Id";
  private static final String KEY = "correlationId";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Logger ACCESS = LoggerFactory.getLogger("frontdesk.access");

  @Override
  public void handle(RoutingContext ctx) {
    String incoming = ctx.request().getHeader(HEADER);
    String id = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : newId();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    long start = System.nanoTime();
    ctx.addBodyEndHandler(
        v ->
            ACCESS.info(
                "{} {} {} {}ms id={}",
                ctx.request().method(),
                ctx.request().path(),
                ctx.response().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000,
                id));
    ctx.next();
  }

  /**
   * A random id in UUID form. Not {@code UUID.randomUUID()}: that draws from the shared
   * SecureRandom, a lock every request takes; a correlation id only has to be unique, not secret.
   */
  static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  public static String correlationId(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
