package io.frontdesk.portal.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Role;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.portal.PortalConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Sign-in with OpenID Connect (Microsoft Entra ID, or any provider with discovery), for staff
 * through the council's provider and for the users of a school configured with its own: the
 * authorization-code flow with PKCE, a state bound to the browser, and a nonce, the same for every
 * provider. The state records which provider it was issued for, and only that provider's token
 * endpoint and keys complete it. The id token is verified by vertx-auth-oauth2 (signature from the
 * provider's keys, issuer, audience, expiry); this class then checks the nonce and, for staff when
 * configured, the tenant ({@code tid}).
 *
 * <p>A staff member is found by their Entra object id ({@code oid}, stable, unlike the UPN), else
 * by UPN for a first sign-in of a known account, else created as a staff member. A school user is
 * found by {@link SchoolIdentities}, which keeps them to the provider's school.
 */
public final class OidcSignIn {
  public static final String STATES = "portal_oidc_states";

  /** The key of the council's provider; a school's is {@code school:<id>}. */
  public static final String STAFF = "staff";

  static final Duration STATE_TTL = Duration.ofMinutes(10);

  /** Where to send the browser, and the state value to put in its cookie. */
  public record Start(String url, String state) {}

  private final Vertx vertx;
  private final Optional<PortalConfig.Oidc> staff;
  private final Map<String, PortalConfig.SchoolOidc> schools;
  private final String redirectUri;
  private final UserRepository users;
  private final SchoolIdentities schoolIdentities;
  private final MongoCollection<Document> states;
  private final Blocking blocking;
  private final Tokens tokens;
  private final Clock clock;
  private final Map<String, Future<OAuth2Auth>> discovered = new ConcurrentHashMap<>();

  public OidcSignIn(
      Vertx vertx,
      Optional<PortalConfig.Oidc> staff,
      List<PortalConfig.SchoolOidc> schools,
      String baseUrl,
      UserRepository users,
      SchoolIdentities schoolIdentities,
      MongoDatabase db,
      Blocking blocking,
      Tokens tokens,
      Clock clock) {
    this.vertx = vertx;
    this.staff = staff;
    this.schools = new HashMap<>();
    schools.forEach(s -> this.schools.put(schoolKey(s.schoolId()), s));
    this.redirectUri = baseUrl + "/auth/callback";
    this.users = users;
    this.schoolIdentities = schoolIdentities;
    this.states = db.getCollection(STATES);
    this.blocking = blocking;
    this.tokens = tokens;
    this.clock = clock;
  }

  public static String schoolKey(String schoolId) {
    return "school:" + schoolId;
  }

  /** The provider's settings, if there is a provider with this key. */
  private Optional<PortalConfig.Oidc> settings(String key) {
    return STAFF.equals(key)
        ? staff
        : Optional.ofNullable(schools.get(key)).map(PortalConfig.SchoolOidc::oidc);
  }

  /** The provider, discovered on first use (and again after a failure). */
  private Future<OAuth2Auth> provider(String key) {
    PortalConfig.Oidc oidc = settings(key).orElseThrow();
    Future<OAuth2Auth> p =
        discovered.compute(
            key,
            (k, old) ->
                old != null && !old.failed()
                    ? old
                    : OpenIDConnectAuth.discover(
                        vertx,
                        new OAuth2Options()
                            .setClientId(oidc.clientId())
                            .setClientSecret(oidc.clientSecret())
                            .setSite(oidc.issuer())));
    return p.recover(
        e ->
            Future.failedFuture(
                ApiException.unavailable(
                    (STAFF.equals(key) ? "Council" : "Your school's")
                        + " sign-in is not available at the moment. Try again shortly.")));
  }

  /** Begins a staff sign-in; {@code next} is where to return afterwards (already made safe). */
  public Future<Start> start(String next) {
    return start(STAFF, next);
  }

  /** Begins a sign-in with the provider of this key ({@link #STAFF} or a school's). */
  public Future<Start> start(String key, String next) {
    if (settings(key).isEmpty()) {
      return Future.failedFuture(ApiException.notFound("There is no such sign-in."));
    }
    String state = tokens.random();
    String nonce = tokens.random();
    String verifier = tokens.random() + tokens.random();
    return blocking
        .run(
            () ->
                states.insertOne(
                    new Document("_id", Tokens.hash(state))
                        .append("provider", key)
                        .append("nonce", nonce)
                        .append("verifier", verifier)
                        .append("next", next)
                        .append("expiresAt", Date.from(clock.instant().plus(STATE_TTL)))))
        .compose(v -> provider(key))
        .map(
            auth ->
                new Start(
                    auth.authorizeURL(
                        // vertx-auth-oauth2 5.0 writes only state, scope and the additional
                        // parameters into the URL, so the rest goes there too.
                        new OAuth2AuthorizationURL()
                            .setScopes(List.of("openid", "profile", "email"))
                            .setState(state)
                            .setAdditionalParameters(
                                Map.of(
                                    "redirect_uri",
                                    redirectUri,
                                    "code_challenge",
                                    challenge(verifier),
                                    "code_challenge_method",
                                    "S256",
                                    "nonce",
                                    nonce))),
                    state));
  }

  /** The verified sign-in's user, and where to go next. */
  public record Result(User user, String next) {}

  /**
   * Completes a sign-in from the callback.
   *
   * @param cookieState the state this browser was given at the start
   */
  public Future<Result> finish(String state, String cookieState, String code) {
    if (state == null || code == null || !Tokens.same(state, cookieState)) {
      return Future.failedFuture(
          ApiException.badRequest("The sign-in did not start in this browser. Try again."));
    }
    return blocking
        .call(
            () ->
                Optional.ofNullable(
                        states.findOneAndDelete(
                            Filters.and(
                                Filters.eq("_id", Tokens.hash(state)),
                                Filters.gt("expiresAt", Date.from(clock.instant())))))
                    .orElseThrow(
                        () -> ApiException.badRequest("The sign-in took too long. Try again.")))
        .compose(
            saved -> {
              String key = saved.getString("provider");
              if (key == null || settings(key).isEmpty()) {
                return Future.failedFuture(
                    ApiException.badRequest("The sign-in did not start here. Try again."));
              }
              return provider(key)
                  .compose(
                      auth ->
                          auth.authenticate(
                              new Oauth2Credentials()
                                  .setFlow(OAuth2FlowType.AUTH_CODE)
                                  .setCode(code)
                                  .setRedirectUri(redirectUri)
                                  .setCodeVerifier(saved.getString("verifier"))))
                  .recover(
                      e ->
                          Future.failedFuture(
                              ApiException.forbidden(
                                  "The sign-in could not be verified. Try again.")))
                  .compose(
                      u -> {
                        JsonObject claims = u.attributes().getJsonObject("idToken");
                        if (claims == null
                            || !Tokens.same(saved.getString("nonce"), claims.getString("nonce"))) {
                          return Future.failedFuture(
                              ApiException.forbidden("The sign-in could not be verified."));
                        }
                        PortalConfig.SchoolOidc school = schools.get(key);
                        if (school != null) {
                          return blocking.call(
                              () ->
                                  new Result(
                                      schoolIdentities.person(school, claims),
                                      saved.getString("next")));
                        }
                        Optional<String> tenant = staff.orElseThrow().tenantId();
                        if (tenant.isPresent() && !tenant.get().equals(claims.getString("tid"))) {
                          return Future.failedFuture(
                              ApiException.forbidden(
                                  "That account is not from this council's directory."));
                        }
                        return blocking.call(
                            () -> new Result(person(claims), saved.getString("next")));
                      });
            });
  }

  /** Finds or creates the staff member the verified claims describe. Blocking. */
  private User person(JsonObject claims) {
    String oid = Optional.ofNullable(claims.getString("oid")).orElse(claims.getString("sub"));
    if (oid == null || oid.isBlank()) {
      throw ApiException.forbidden("Council sign-in gave no account id.");
    }
    Optional<User> byOid = users.byAadObjectId(oid);
    if (byOid.isPresent()) {
      return byOid.get();
    }
    String upn =
        Optional.ofNullable(claims.getString("preferred_username")).orElse(claims.getString("upn"));
    Optional<User> byUpn = users.byUpn(upn).filter(u -> u.aadObjectId() == null);
    if (byUpn.isPresent()) {
      User u = byUpn.get();
      User linked =
          new User(
              u.id(),
              u.displayName(),
              u.email(),
              u.upn(),
              oid,
              u.roles(),
              u.schoolId(),
              u.lineManagerId(),
              u.privileged(),
              u.disabled(),
              u.groups(),
              u.passwordHash());
      users.save(linked);
      return linked;
    }
    if (users.byUpn(upn).isPresent()) {
      // The UPN belongs to another directory object: never merge two identities.
      throw ApiException.forbidden("This account cannot sign in here; contact the service desk.");
    }
    String name =
        Optional.ofNullable(claims.getString("name")).orElse(upn == null ? "Staff member" : upn);
    String email = Optional.ofNullable(claims.getString("email")).orElse(upn);
    User fresh =
        new User(
            "u-" + java.util.UUID.randomUUID(),
            name,
            email,
            upn,
            oid,
            EnumSet.of(Role.STAFF),
            null,
            null,
            false,
            false,
            List.of(),
            null);
    users.save(fresh);
    return fresh;
  }

  static String challenge(String verifier) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
