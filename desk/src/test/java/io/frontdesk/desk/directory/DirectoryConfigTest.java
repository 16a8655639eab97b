package io.frontdesk.desk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import io.frontdesk.desk.notify.NotifyConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryConfigTest {

  @Test
  void nothingSetMeansTheEmbeddedDirectoryAndTheMailDrop() {
    assertThat(DirectoryConfig.load(Settings.of(Map.of())).kind()).isEqualTo("embedded");
    assertThat(NotifyConfig.load(Settings.of(Map.of())).notifier()).isEqualTo("mail-drop");
  }

  @Test
  void activeDirectorySettingsAreReadAndTheSecretIsMasked() {
    DirectoryConfig c =
        DirectoryConfig.load(
            Settings.of(
                Map.of(
                    DirectoryConfig.KIND, "active-directory",
                    DirectoryConfig.URL, "ldaps://dc1.northshire.gov.uk:636",
                    DirectoryConfig.BIND_DN, "CN=svc-frontdesk,DC=northshire,DC=gov,DC=uk",
                    DirectoryConfig.BIND_SECRET, "s3cret-bind",
                    DirectoryConfig.BASE_DN, "OU=Staff,DC=northshire,DC=gov,DC=uk",
                    DirectoryConfig.TIMEOUT_MS, "2500")));
    assertThat(c.ldap().flavour()).isEqualTo(LdapFlavour.ACTIVE_DIRECTORY);
    assertThat(c.ldap().timeout().toMillis()).isEqualTo(2500);
    assertThat(c.toString()).doesNotContain("s3cret-bind");
    assertThatThrownBy(
            () ->
                DirectoryConfig.load(
                    Settings.of(
                        Map.of(
                            DirectoryConfig.KIND, "openldap",
                            DirectoryConfig.URL, "http://x",
                            DirectoryConfig.BIND_DN, "cn=a",
                            DirectoryConfig.BIND_SECRET, "b",
                            DirectoryConfig.BASE_DN, "dc=x"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(DirectoryConfig.URL);
    assertThatThrownBy(
            () -> DirectoryConfig.load(Settings.of(Map.of(DirectoryConfig.KIND, "novell"))))
        .hasMessageContaining(DirectoryConfig.KIND);
  }

  @Test
  void graphDefaultsItsEndpointsFromTheTenantAndMasksTheSecret() {
    DirectoryConfig c =
        DirectoryConfig.load(
            Settings.of(
                Map.of(
                    DirectoryConfig.KIND, "graph",
                    DirectoryConfig.GRAPH_TENANT_ID, "tenant-1",
                    DirectoryConfig.GRAPH_CLIENT_ID, "app-1",
                    DirectoryConfig.GRAPH_CLIENT_SECRET, "graph-s3cret")));
    assertThat(c.graph().graphUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
    assertThat(c.graph().tokenUrl())
        .isEqualTo("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token");
    assertThat(c.toString()).doesNotContain("graph-s3cret");
    assertThatThrownBy(
            () -> DirectoryConfig.load(Settings.of(Map.of(DirectoryConfig.KIND, "graph"))))
        .hasMessageContaining(DirectoryConfig.GRAPH_TENANT_ID);
  }

  @Test
  void notifierChoiceFollowsWhatIsConfigured() {
    NotifyConfig notify =
        NotifyConfig.load(
            Settings.of(
                Map.of(
                    NotifyConfig.NOTIFY_API_KEY, "key-name-secret",
                    NotifyConfig.NOTIFY_SMS_TEMPLATE, "t-1")));
    assertThat(notify.notifier()).isEqualTo("govuk-notify");
    assertThat(notify.toString()).doesNotContain("key-name-secret");
    assertThatThrownBy(
            () ->
                NotifyConfig.load(
                    Settings.of(Map.of(NotifyConfig.SMTP_HOST, "smtp.northshire.gov.uk"))))
        .hasMessageContaining(NotifyConfig.SMTP_FROM);
  }
}
