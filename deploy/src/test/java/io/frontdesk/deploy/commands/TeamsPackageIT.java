package io.frontdesk.deploy.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.frontdesk.bot.commands.CommandSpec;
import io.frontdesk.bot.commands.StandardCommands;
import io.frontdesk.core.config.Settings;
import io.frontdesk.deploy.Command;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code teams-package} writes a zip whose manifest validates against Microsoft's official Teams
 * manifest schema, taken at test time from the npm package that ships it (pinned), with valid
 * icons, and whose command list is the bot's own.
 */
class TeamsPackageIT {
  static final String SCHEMA_PACKAGE = "@microsoft/app-manifest@1.1.2";
  static final String APP_ID = "0d3b8f5e-6f1a-4c8e-9d2b-5a7c1e9f3b21";
  static Path schemaFile;
  @TempDir static Path packages;

  /** npm pack into target/ once; later runs reuse it. */
  @BeforeAll
  static void fetchSchema() throws Exception {
    Path dir = Path.of("target", "teams-schema").toAbsolutePath();
    schemaFile = dir.resolve("package/build/json-schemas/teams/v1.19/MicrosoftTeams.schema.json");
    if (Files.exists(schemaFile)) {
      return;
    }
    Files.createDirectories(dir);
    run(dir, "npm", "pack", SCHEMA_PACKAGE, "--silent");
    try (var s = Files.list(dir)) {
      Path tgz = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
      run(dir, "tar", "xzf", tgz.getFileName().toString());
    }
    assertThat(schemaFile).as("the schema from " + SCHEMA_PACKAGE).exists();
  }

  static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      p.getInputStream().transferTo(System.out);
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", cmd) + " finished").isTrue();
      assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  static Map<String, byte[]> packageFor(String... args) throws Exception {
    Path zip = Files.createTempDirectory(packages, "teams-").resolve("frontdesk-teams.zip");
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--out", zip.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        new TeamsPackageCommand()
            .run(all, Settings.of(Map.of()), new PrintStream(out), new PrintStream(out));
    assertThat(code).isZero();
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        files.put(e.getName(), z.readAllBytes());
      }
    }
    return files;
  }

  @Test
  void thePackageValidatesAgainstTheOfficialSchema() throws Exception {
    Map<String, byte[]> files =
        packageFor("--app-id", APP_ID, "--base-url", "https://frontdesk.northshire.gov.uk");
    assertThat(files).containsOnlyKeys("manifest.json", "color.png", "outline.png");
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(files.get("manifest.json"));
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(manifest);
    assertThat(errors).isEmpty();
    assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
    assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
    assertThat(
            manifest.path("composeExtensions").get(0).path("commands").get(0).path("id").asText())
        .isEqualTo("searchArticles");
    assertThat(manifest.path("validDomains").get(0).asText())
        .isEqualTo("frontdesk.northshire.gov.uk");

    // The schema is not toothless: a manifest without an id fails it.
    ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).remove("id");
    assertThat(schema.validate(manifest)).isNotEmpty();
  }

  @Test
  void theIconsAreTheSizesTeamsRequires() throws Exception {
    Map<String, byte[]> files =
        packageFor("--app-id", APP_ID, "--base-url", "https://frontdesk.northshire.gov.uk");
    BufferedImage color = ImageIO.read(new ByteArrayInputStream(files.get("color.png")));
    BufferedImage outline = ImageIO.read(new ByteArrayInputStream(files.get("outline.png")));
    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
    // The outline icon is white on transparent.
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        assertThat(alpha == 0 || (argb & 0xFFFFFF) == 0xFFFFFF).isTrue();
      }
    }
  }

  @Test
  void theManifestListsTheBotsOwnCommands() throws Exception {
    Set<String> names = new HashSet<>(Set.of("help"));
    for (CommandSpec s : StandardCommands.of(null).registry().specs()) {
      names.add(s.name());
    }
    JsonNode manifest =
        new ObjectMapper()
            .readTree(
                packageFor("--app-id", APP_ID, "--base-url", "https://frontdesk.example.gov.uk")
                    .get("manifest.json"));
    Set<String> listed = new HashSet<>();
    for (JsonNode list : manifest.path("bots").get(0).path("commandLists")) {
      for (JsonNode c : list.path("commands")) {
        listed.add(c.path("title").asText());
      }
    }
    // Every listed command is one the bot has (Teams shows at most ten per list, so "comment"
    // is left to help); the self-service ones are there.
    assertThat(names).containsAll(listed);
    assertThat(listed)
        .contains("help", "report a problem", "reset my password", "unlock my account");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    TeamsPackageCommand c = new TeamsPackageCommand();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    Settings none = Settings.of(Map.of());
    assertThatThrownBy(() -> c.run(List.of("--app-id", "nope", "--out", "x.zip"), none, sink, sink))
        .isInstanceOf(Command.UsageException.class)
        .hasMessageContaining("GUID");
    assertThatThrownBy(() -> c.run(List.of("--app-id", APP_ID), none, sink, sink))
        .isInstanceOf(Command.UsageException.class)
        .hasMessageContaining("--out");
    assertThatThrownBy(
            () ->
                c.run(
                    List.of("--app-id", APP_ID, "--out", "x.zip", "--base-url", "http://insecure"),
                    none,
                    sink,
                    sink))
        .isInstanceOf(Command.UsageException.class)
        .hasMessageContaining("https");
  }
}
