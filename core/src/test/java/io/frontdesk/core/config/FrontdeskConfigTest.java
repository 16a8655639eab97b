package io.frontdesk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontdeskConfigTest {

  @Test
  void defaultsMatchTheContract() {
    FrontdeskConfig c = FrontdeskConfig.load(Settings.of(Map.of()));
    assertThat(c.port()).isEqualTo(3978);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
    assertThat(c.mongoUri()).isEmpty();
    assertThat(c.baseUrl()).isEqualTo("http://localhost:3978");
    assertThat(c.logFormat()).isEqualTo("text");
    assertThat(c.bot().localMode()).isTrue();
  }

  @Test
  void baseUrlDefaultFollowsPortAndLosesTrailingSlash() {
    assertThat(FrontdeskConfig.load(Settings.of(Map.of("PORT", "8080"))).baseUrl())
        .isEqualTo("http://localhost:8080");
    assertThat(
            FrontdeskConfig.load(
                    Settings.of(Map.of("FRONTDESK_BASE_URL", "https://help.example.gov.uk/")))
                .baseUrl())
        .isEqualTo("https://help.example.gov.uk");
  }

  @Test
  void badValuesNameTheVariableAndWhatItExpects() {
    assertThatThrownBy(() -> FrontdeskConfig.load(Settings.of(Map.of("PORT", "eighty"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PORT")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> FrontdeskConfig.load(Settings.of(Map.of("PORT", "70000"))))
        .hasMessageContaining("PORT must be a whole number from 0 to 65535");
    assertThatThrownBy(
            () -> FrontdeskConfig.load(Settings.of(Map.of("FRONTDESK_MONGO_URI", "localhost"))))
        .hasMessageContaining("FRONTDESK_MONGO_URI")
        .hasMessageContaining("mongodb://");
    assertThatThrownBy(
            () -> FrontdeskConfig.load(Settings.of(Map.of("FRONTDESK_LOG_FORMAT", "xml"))))
        .hasMessageContaining("FRONTDESK_LOG_FORMAT must be one of json, text");
    assertThatThrownBy(
            () -> FrontdeskConfig.load(Settings.of(Map.of("FRONTDESK_BASE_URL", "ftp://x"))))
        .hasMessageContaining("FRONTDESK_BASE_URL");
    assertThatThrownBy(() -> FrontdeskConfig.load(Settings.of(Map.of("MICROSOFT_APP_ID", "abc"))))
        .hasMessageContaining("MICROSOFT_APP_PASSWORD must be set");
  }

  @Test
  void environmentOverridesTheConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("frontdesk.properties");
    Files.writeString(file, "PORT=4000\nFRONTDESK_LOG_FORMAT=json\n");
    Settings s = Settings.from(Map.of("FRONTDESK_CONFIG", file.toString(), "PORT", "4001"));
    FrontdeskConfig c = FrontdeskConfig.load(s);
    assertThat(c.port()).isEqualTo(4001);
    assertThat(c.logFormat()).isEqualTo("json");
  }

  @Test
  void anUnreadableConfigFileIsNamed(@TempDir Path dir) {
    String missing = dir.resolve("nope.properties").toString();
    assertThatThrownBy(() -> Settings.from(Map.of("FRONTDESK_CONFIG", missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("FRONTDESK_CONFIG")
        .hasMessageContaining(missing);
  }

  @Test
  void theAppPasswordNeverShowsInToString() {
    FrontdeskConfig c =
        FrontdeskConfig.load(
            Settings.of(
                Map.of("MICROSOFT_APP_ID", "id-1", "MICROSOFT_APP_PASSWORD", "s3cret-value")));
    assertThat(c.toString()).doesNotContain("s3cret-value");
    assertThat(Redaction.uri("mongodb://fd:hunter2@db1:27017/x"))
        .isEqualTo("mongodb://fd:****@db1:27017/x");
  }
}
