package io.frontdesk.deploy.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.deploy.FrontdeskServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With MICROSOFT_APP_ID set, /api/messages takes only valid Bot Framework tokens. A loopback OpenID
 * metadata and JWKS server publishes our test keys (one endorsed for msteams, one for another
 * channel); tokens are signed here. Every forged variant gets a 401.
 */
class BotAuthIT {
  static final String APP_ID = "0d3b8f5e-6f1a-4c8e-9d2b-5a7c1e9f3b21";
  static final String ISSUER = "https://api.botframework.com";
  static Vertx vertx;
  static HttpServer openId;
  static FakeConnector connector;
  static FrontdeskServer server;
  static BotClient client;
  static KeyPair teamsKey;
  static KeyPair otherChannelKey;
  static KeyPair unpublishedKey;
  @TempDir static Path data;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    teamsKey = g.generateKeyPair();
    otherChannelKey = g.generateKeyPair();
    unpublishedKey = g.generateKeyPair();
    JsonObject jwks =
        new JsonObject()
            .put(
                "keys",
                new JsonArray()
                    .add(jwk("teams", teamsKey, "msteams"))
                    .add(jwk("webchat", otherChannelKey, "webchat")));
    openId =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  String base = "http://127.0.0.1:" + req.localAddress().port();
                  JsonObject body =
                      req.path().endsWith("/keys")
                          ? jwks
                          : new JsonObject()
                              .put("issuer", ISSUER)
                              .put("jwks_uri", base + "/keys")
                              .put(
                                  "id_token_signing_alg_values_supported",
                                  new JsonArray().add("RS256"));
                  req.response().putHeader("Content-Type", "application/json").end(body.encode());
                })
            .listen(0, "127.0.0.1")
            .await();
    connector = new FakeConnector(vertx);
    Settings settings =
        Settings.of(
            Map.of(
                "PORT",
                "0",
                "FRONTDESK_DATA_DIR",
                data.toString(),
                "MICROSOFT_APP_ID",
                APP_ID,
                "MICROSOFT_APP_PASSWORD",
                "not-a-real-secret",
                "FRONTDESK_BOT_OPENID_METADATA",
                "http://127.0.0.1:" + openId.actualPort() + "/v1/.well-known/openidconfiguration"));
    server = FrontdeskServer.start(FrontdeskConfig.load(settings), settings, true);
    client = new BotClient(server.port());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1));
    }
    connector.close();
    openId.close().await();
    vertx.close().await();
  }

  static JsonObject jwk(String kid, KeyPair k, String channel) {
    RSAPublicKey pub = (RSAPublicKey) k.getPublic();
    return new JsonObject()
        .put("kty", "RSA")
        .put("use", "sig")
        .put("kid", kid)
        .put("n", b64(pub.getModulus()))
        .put("e", b64(pub.getPublicExponent()))
        .put("endorsements", new JsonArray().add(channel));
  }

  static String b64(BigInteger v) {
    byte[] bytes = v.toByteArray();
    if (bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String token(String kid, KeyPair key, UnaryOperator<JWTCreator.Builder> change) {
    Instant now = Instant.now();
    JWTCreator.Builder b =
        JWT.create()
            .withKeyId(kid)
            .withIssuer(ISSUER)
            .withAudience(APP_ID)
            .withClaim("serviceurl", connector.serviceUrl())
            .withNotBefore(now.minusSeconds(60))
            .withIssuedAt(now.minusSeconds(60))
            .withExpiresAt(now.plusSeconds(3600));
    return "Bearer "
        + change
            .apply(b)
            .sign(
                Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
  }

  static int post(String authorization) throws Exception {
    JsonObject a =
        BotClient.expectReplies(
            BotClient.personal("help", connector.serviceUrl())
                .put("id", UUID.randomUUID().toString()));
    return client.post(a.encode(), authorization).status();
  }

  @Test
  void aValidTokenIsAccepted() throws Exception {
    assertThat(post(token("teams", teamsKey, b -> b))).isEqualTo(200);
  }

  @Test
  void forgedTokensAreRejected() throws Exception {
    assertThat(post(null)).as("no token").isEqualTo(401);
    assertThat(post("Bearer not-a-jwt")).as("not a JWT").isEqualTo(401);
    assertThat(post(token("teams", teamsKey, b -> b.withAudience("someone-else"))))
        .as("wrong audience")
        .isEqualTo(401);
    assertThat(post(token("teams", teamsKey, b -> b.withIssuer("https://evil.example"))))
        .as("wrong issuer")
        .isEqualTo(401);
    assertThat(
            post(
                token(
                    "teams",
                    teamsKey,
                    b ->
                        b.withNotBefore(Instant.now().minusSeconds(7200))
                            .withIssuedAt(Instant.now().minusSeconds(7200))
                            .withExpiresAt(Instant.now().minusSeconds(3600)))))
        .as("expired")
        .isEqualTo(401);
    assertThat(post(token("nobody", unpublishedKey, b -> b))).as("unknown key").isEqualTo(401);
    assertThat(post(token("teams", unpublishedKey, b -> b))).as("bad signature").isEqualTo(401);
    assertThat(
            post(token("teams", teamsKey, b -> b.withClaim("serviceurl", "https://evil.example/"))))
        .as("serviceUrl mismatch")
        .isEqualTo(401);
    assertThat(post(token("webchat", otherChannelKey, b -> b)))
        .as("key not endorsed for msteams")
        .isEqualTo(401);
  }
}
