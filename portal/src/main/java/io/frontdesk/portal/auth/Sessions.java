package io.frontdesk.portal.auth;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Portal sessions and CSRF protection.
 *
 * <p>As a handler it runs early on the root router (before the desk and knowledge APIs): it reads
 * the session cookie, loads the session from MongoDB, signs out a session idle for longer than the
 * idle timeout (or older than the absolute timeout), and puts the {@link Principal} on the context
 * with {@link Principals#set}. Once a minute per session it reloads the user, so a disabled user or
 * changed roles take effect quickly.
 *
 * <p>The cookie is HttpOnly, SameSite=Lax and (over HTTPS) Secure; its value is a random 256-bit id
 * whose hash is the store's key. The id is replaced at sign-in (no session fixation). Every visitor
 * who sees a form gets an id, signed in or not, and the CSRF token is an HMAC of it, so sign-in and
 * forgot-password forms are protected too.
 */
public final class Sessions implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
  public static final String COOKIE = "fd_session";
  public static final String CSRF_FIELD = "csrf";

  /** The header that carries the CSRF token on an API write made with the session cookie. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final String RAW_KEY = "frontdesk.portal.sid";
  private static final String HASH_KEY = "frontdesk.portal.sidHash";

  private final SessionRepository repo;
  private final UserRepository users;
  private final Blocking blocking;
  private final Tokens tokens;
  private final byte[] csrfKey;

  /**
   * One keyed HMAC per thread, reused for every page's CSRF token: looking the algorithm up and
   * keying it per page was about 1 % of a page's CPU (docs/BENCHMARKS.md, "Portal: fourth pass").
   */
  private final ThreadLocal<Mac> csrfMac = ThreadLocal.withInitial(this::newCsrfMac);

  private final boolean secure;
  private final Duration idle;
  private final Duration absolute;
  private final Clock clock;
  private final String origin;

  /**
   * @param origin the portal's own origin (scheme://host[:port]); API writes carrying the session
   *     cookie from any other origin are treated as anonymous
   */
  public Sessions(
      SessionRepository repo,
      UserRepository users,
      Blocking blocking,
      Tokens tokens,
      byte[] csrfKey,
      boolean secure,
      Duration idle,
      Duration absolute,
      Clock clock,
      String origin) {
    this.repo = repo;
    this.users = users;
    this.blocking = blocking;
    this.tokens = tokens;
    this.csrfKey = csrfKey.clone();
    this.secure = secure;
    this.idle = idle;
    this.absolute = absolute;
    this.clock = clock;
    this.origin = origin;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/assets/")) {
      ctx.next();
      return;
    }
    Cookie c = ctx.request().getCookie(COOKIE);
    if (c == null || c.getValue().length() != 43) {
      ctx.next();
      return;
    }
    String raw = c.getValue();
    String hash = Tokens.hash(raw);
    ctx.put(RAW_KEY, raw);
    ctx.put(HASH_KEY, hash);
    Optional<Principal> known = repo.cached(hash).flatMap(this::current);
    if (known.isPresent()) {
      // Read from the store seconds ago and still valid: no store round trip, no worker hop.
      if (!unprovenApiWrite(ctx)) {
        Principals.set(ctx, known.get());
      }
      ctx.next();
      return;
    }
    // The lookup is asynchronous: hold a request body back for the BodyHandler further down,
    // which resumes the request itself. Should no BodyHandler run, the body is drained at the end.
    if (!ctx.request().isEnded()) {
      ctx.request().pause();
      ctx.addEndHandler(v -> drain(ctx));
    }
    blocking
        .call(() -> load(hash))
        .onComplete(
            r -> {
              if (r.failed()) {
                ctx.fail(r.cause());
                return;
              }
              if (unprovenApiWrite(ctx)) {
                // A session cookie alone does not authorise a write to the API: another site's
                // form or script could send it too.
                ctx.next();
                return;
              }
              r.result().ifPresent(p -> Principals.set(ctx, p));
              ctx.next();
            });
  }

  private static void drain(RoutingContext ctx) {
    try {
      if (!ctx.request().isEnded()) {
        ctx.request().resume();
      }
    } catch (IllegalStateException alreadyRead) {
      // Nothing left to drain.
    }
  }

  /**
   * An API write (any method but GET, HEAD and OPTIONS under /api/) that the session cookie would
   * authorise, but that comes from another origin or lacks this browser's CSRF token in the {@value
   * #CSRF_HEADER} header. The APIs take JSON, so a cross-site HTML form cannot set that header, and
   * the same-origin policy keeps the token from other sites' scripts.
   */
  private boolean unprovenApiWrite(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      return false;
    }
    if (!ctx.request().path().startsWith("/api/")) {
      return false;
    }
    String origin = ctx.request().getHeader("Origin");
    String fetchSite = ctx.request().getHeader("Sec-Fetch-Site");
    String raw = ctx.get(RAW_KEY);
    return (origin != null && !origin.equals(this.origin))
        || (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none"))
        || raw == null
        || !Tokens.same(hmac(raw), ctx.request().getHeader(CSRF_HEADER));
  }

  /**
   * The principal of a cached session that has neither timed out nor is due to be touched (the
   * store path does both); empty sends the request to the store.
   */
  private Optional<Principal> current(SessionRepository.StoredSession session) {
    Instant now = clock.instant();
    if (session.lastSeen().plus(TOUCH_EVERY).isAfter(now)
        && session.createdAt().plus(absolute).isAfter(now)) {
      return Optional.of(session.principal());
    }
    return Optional.empty();
  }

  /** The session's principal, or empty if there is none or it has timed out. Blocking. */
  private Optional<Principal> load(String hash) {
    Optional<SessionRepository.StoredSession> s = repo.find(hash);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    SessionRepository.StoredSession session = s.get();
    if (session.lastSeen().plus(idle).isBefore(now)
        || session.createdAt().plus(absolute).isBefore(now)) {
      repo.delete(hash);
      return Optional.empty();
    }
    if (session.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
      return Optional.of(session.principal());
    }
    Optional<User> user = users.byId(session.principal().id());
    if (user.isEmpty() || user.get().disabled()) {
      repo.delete(hash);
      return Optional.empty();
    }
    Principal fresh = user.get().principal();
    repo.touch(hash, fresh, now);
    return Optional.of(fresh);
  }

  /**
   * Signs a verified user in: any earlier session of this browser is removed and a new id issued,
   * so an id planted before sign-in is useless afterwards.
   *
   * @param method how the identity was verified: "password", "oidc" or "demo"
   */
  public Future<Principal> signIn(RoutingContext ctx, User user, String method) {
    if (user.disabled()) {
      return Future.failedFuture(ApiException.forbidden("This account is disabled."));
    }
    String old = ctx.get(HASH_KEY);
    String raw = tokens.random();
    String hash = Tokens.hash(raw);
    Principal p = user.principal();
    return blocking
        .run(
            () -> {
              if (old != null) {
                repo.delete(old);
              }
              repo.insert(hash, p, method, clock.instant());
            })
        .map(
            v -> {
              setCookie(ctx, raw);
              Principals.set(ctx, p);
              LOG.info("Portal sign-in: user={} method={}", p.id(), method);
              return p;
            });
  }

  /** Ends the session and gives the browser a fresh anonymous id. */
  public Future<Void> signOut(RoutingContext ctx) {
    String old = ctx.get(HASH_KEY);
    return blocking
        .run(
            () -> {
              if (old != null) {
                repo.delete(old);
              }
            })
        .onSuccess(v -> setCookie(ctx, tokens.random()));
  }

  /** The CSRF token for this browser, issuing an anonymous session id if it has none yet. */
  public String csrfToken(RoutingContext ctx) {
    String raw = ctx.get(RAW_KEY);
    if (raw == null) {
      raw = tokens.random();
      setCookie(ctx, raw);
    }
    return hmac(raw);
  }

  /**
   * Handler for every portal POST: the form's {@value #CSRF_FIELD} must match this browser's token.
   * Needs the body parsed first.
   */
  public void verifyCsrf(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD) {
      ctx.next();
      return;
    }
    String raw = ctx.get(RAW_KEY);
    String sent = ctx.request().getFormAttribute(CSRF_FIELD);
    if (raw == null || !Tokens.same(hmac(raw), sent)) {
      ctx.fail(
          ApiException.forbidden(
              "This form has expired or was not sent from this site. Go back, reload the page"
                  + " and try again."));
      return;
    }
    ctx.next();
  }

  private void setCookie(RoutingContext ctx, String raw) {
    ctx.put(RAW_KEY, raw);
    ctx.put(HASH_KEY, Tokens.hash(raw));
    ctx.response()
        .addCookie(
            Cookie.cookie(COOKIE, raw)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX));
  }

  private String hmac(String raw) {
    // doFinal resets the Mac for the next token on this thread.
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(csrfMac.get().doFinal(("csrf:" + raw).getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newCsrfMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  public SessionRepository repository() {
    return repo;
  }
}
