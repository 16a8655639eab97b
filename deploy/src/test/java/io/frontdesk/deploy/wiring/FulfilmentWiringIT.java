package io.frontdesk.deploy.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.health.HealthRegistry;
import io.frontdesk.core.metrics.Metrics;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.deploy.ServerContext;
import io.frontdesk.desk.directory.EmbeddedDirectory;
import io.frontdesk.desk.fulfilment.FulfilmentKind;
import io.frontdesk.desk.fulfilment.Outcome;
import io.frontdesk.desk.fulfilment.StartRequest;
import io.frontdesk.desk.ticket.Channel;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo path as {@code serve} wires it: no directory or notifier configured, so the embedded
 * directory and the mail drop; a reset read from the mail drop file, then a bind with the new
 * password. Also: bad directory settings stop start-up with a message naming the variable.
 */
class FulfilmentWiringIT {

  @Test
  void withNothingConfiguredTheDemoResetsARealLdapAccountUsingTheMailDrop(@TempDir Path data)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    Settings settings = Settings.of(Map.of(FrontdeskConfig.DATA_DIR, data.toString()));
    Metrics metrics = new Metrics();
    try (MongoStore store = TestStores.fresh()) {
      ServerContext ctx =
          new ServerContext(
              vertx,
              FrontdeskConfig.load(settings),
              settings,
              store,
              new HealthRegistry(vertx),
              metrics,
              Blocking.on(vertx),
              true);
      DeskWiring desk = new DeskWiring(ctx);
      FulfilmentWiring fulfil = new FulfilmentWiring(ctx, desk);
      desk.start().await();
      fulfil.start().await();
      desk.seedDemo().await();
      try {
        var priya = desk.users().byId("u-priya-shah").orElseThrow().principal();
        Outcome sent =
            fulfil
                .service()
                .start(new StartRequest(priya, FulfilmentKind.RESET, Channel.PORTAL, true));
        assertThat(sent.status()).isEqualTo(Outcome.Status.CODE_SENT);
        List<Path> drops;
        try (var files = Files.list(data.resolve("maildrop"))) {
          drops = files.toList();
        }
        assertThat(drops).hasSize(1);
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(Files.readString(drops.get(0)));
        assertThat(m.find()).isTrue();
        Outcome done = fulfil.service().verify(priya, sent.flowId(), m.group(1));
        assertThat(done.status()).isEqualTo(Outcome.Status.PASSWORD_RESET);
        EmbeddedDirectory dir = fulfil.embeddedDirectory();
        String dn = EmbeddedDirectory.dnOf(desk.users().byId("u-priya-shah").orElseThrow());
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", dir.port())) {
          assertThat(c.bind(dn, done.temporaryPassword()).getResultCode())
              .isEqualTo(ResultCode.SUCCESS);
        }
        assertThat(
                metrics
                    .registry()
                    .get("frontdesk_fulfilment_outcomes")
                    .tag("kind", "reset")
                    .tag("outcome", "password-reset")
                    .counter()
                    .count())
            .isEqualTo(1.0);
        var tom = desk.users().byId("u-tom-hughes").orElseThrow().principal();
        assertThat(
                fulfil
                    .service()
                    .start(new StartRequest(tom, FulfilmentKind.UNLOCK, Channel.TEAMS, true))
                    .status())
            .isEqualTo(Outcome.Status.CODE_SENT);
      } finally {
        fulfil.stop().await();
        desk.stop().await();
      }
    } finally {
      vertx.close().await();
      metrics.close();
    }
  }

  @Test
  void badDirectorySettingsNameTheVariable() {
    assertThatThrownBy(
            () ->
                io.frontdesk.desk.directory.DirectoryConfig.load(
                    Settings.of(
                        Map.of(
                            "FRONTDESK_DIRECTORY_KIND", "active-directory",
                            "FRONTDESK_DIRECTORY_URL", "ldap://dc1:389"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("FRONTDESK_DIRECTORY_URL")
        .hasMessageContaining("ldaps://");
    assertThatThrownBy(
            () ->
                io.frontdesk.desk.directory.DirectoryConfig.load(
                    Settings.of(Map.of("FRONTDESK_DIRECTORY_KIND", "openldap"))))
        .hasMessageContaining("FRONTDESK_DIRECTORY_URL is required");
    assertThatThrownBy(
            () ->
                io.frontdesk.desk.notify.NotifyConfig.load(
                    Settings.of(Map.of("FRONTDESK_NOTIFIER", "govuk-notify"))))
        .hasMessageContaining("FRONTDESK_NOTIFY_API_KEY");
  }
}
