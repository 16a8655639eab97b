package io.frontdesk.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.security.Principals;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session lifetime with a clock the test moves: idle and absolute timeouts, a disabled user signed
 * out, changed roles picked up, over a real store and a real HTTP server.
 */
class SessionsIT {
  static final class MovingClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  Vertx vertx;
  MongoStore store;
  UserRepository users;
  SessionRepository repo;
  MovingClock clock = new MovingClock();
  Sessions sessions;
  HttpServer server;
  WebClient web;
  String cookie;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = TestStores.fresh();
    users = new UserRepository(store.database());
    repo = new SessionRepository(store.database());
    users.save(user(EnumSet.of(Role.SCHOOL_CONTACT), false));
    sessions =
        new Sessions(
            repo,
            users,
            Blocking.on(vertx),
            new Tokens(),
            new byte[32],
            false,
            Duration.ofMinutes(30),
            Duration.ofHours(12),
            clock,
            "http://localhost");
    Router r = Router.router(vertx);
    r.route().handler(sessions);
    r.get("/sign-in")
        .handler(
            ctx ->
                sessions
                    .signIn(ctx, users.byId("u-1").orElseThrow(), "test")
                    .onSuccess(p -> ctx.end("ok")));
    r.get("/who")
        .handler(
            ctx ->
                ctx.end(
                    Principals.current(ctx)
                        .map(p -> p.id() + " " + p.roles())
                        .orElse("anonymous")));
    server = vertx.createHttpServer().requestHandler(r).listen(0).await();
    web = WebClient.create(vertx);
    HttpResponse<Buffer> signIn = get("/sign-in", null);
    cookie = signIn.cookies().get(0).split(";")[0];
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    store.close();
  }

  static User user(EnumSet<Role> roles, boolean disabled) {
    return new User(
        "u-1",
        "Ann Office",
        "ann@school.sch.uk",
        null,
        null,
        roles,
        "school-1",
        null,
        false,
        disabled,
        List.of(),
        null);
  }

  HttpResponse<Buffer> get(String path, String cookieHeader) {
    var req = web.get(server.actualPort(), "localhost", path);
    if (cookieHeader != null) {
      req.putHeader("Cookie", cookieHeader);
    }
    return req.send().await();
  }

  String who() {
    return get("/who", cookie).bodyAsString();
  }

  @Test
  void anIdleSessionEndsAndAnActiveOneLastsUntilTheAbsoluteLimit() {
    assertThat(who()).startsWith("u-1");
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertThat(who()).as("used within the idle limit").startsWith("u-1");
    for (int i = 0; i < 27; i++) { // 29 + 27 x 25 minutes = 11 h 44
      clock.now = clock.now.plus(Duration.ofMinutes(25));
      assertThat(who()).startsWith("u-1");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(25));
    assertThat(who()).as("past 12 hours in all").isEqualTo("anonymous");
    assertThat(repo.count()).isZero();
  }

  @Test
  void idleForLongerThanTheLimitSignsOut() {
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThat(who()).isEqualTo("anonymous");
  }

  @Test
  void aDisabledUserIsSignedOutAndChangedRolesAreSeenWithinAMinute() {
    users.save(user(EnumSet.of(Role.SCHOOL_ADMIN), false));
    clock.now = clock.now.plus(Duration.ofSeconds(61));
    assertThat(who()).contains("SCHOOL_ADMIN");
    users.save(user(EnumSet.of(Role.SCHOOL_ADMIN), true));
    clock.now = clock.now.plus(Duration.ofSeconds(61));
    assertThat(who()).isEqualTo("anonymous");
  }

  @Test
  void aForgedOrUnknownCookieIsAnonymous() {
    assertThat(get("/who", "fd_session=" + "A".repeat(43)).bodyAsString()).isEqualTo("anonymous");
    assertThat(get("/who", "fd_session=short").bodyAsString()).isEqualTo("anonymous");
  }
}
