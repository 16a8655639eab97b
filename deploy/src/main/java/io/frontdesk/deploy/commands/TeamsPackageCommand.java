package io.frontdesk.deploy.commands;

import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.deploy.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code teams-package --app-id ID --out FILE [--base-url URL]}: the Teams app package to sideload
 * or upload to the tenant's app catalogue: deploy/teams/manifest.json with the Azure Bot's app id
 * and the public address filled in, and its two icons, in one zip.
 */
public final class TeamsPackageCommand implements Command {
  static final String TEMPLATE_DIR = "teams/";
  static final List<String> FILES = List.of("manifest.json", "color.png", "outline.png");
  private static final String GUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  @Override
  public String name() {
    return "teams-package";
  }

  @Override
  public List<String> usage() {
    return List.of(
        "teams-package --app-id ID --out FILE.zip [--base-url URL]   the Teams app package"
            + " (base URL defaults to FRONTDESK_BASE_URL)");
  }

  @Override
  public int run(List<String> args, Settings settings, PrintStream out, PrintStream err)
      throws IOException {
    Map<String, String> opts = options(args);
    String appId = opts.getOrDefault("--app-id", settings.string(FrontdeskConfig.APP_ID, ""));
    if (!appId.matches(GUID)) {
      throw new UsageException(
          "--app-id must be the Azure Bot's Microsoft App ID (a GUID), got '" + appId + "'");
    }
    String out0 = opts.get("--out");
    if (out0 == null || out0.isBlank()) {
      throw new UsageException("--out FILE.zip is required");
    }
    String baseUrl =
        opts.getOrDefault(
            "--base-url",
            settings.string(
                FrontdeskConfig.BASE_URL, "http://localhost:" + FrontdeskConfig.DEFAULT_PORT));
    URI base =
        URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    if (!"https".equals(base.getScheme()) || base.getHost() == null) {
      throw new UsageException(
          "--base-url must be the public https address of the server (Teams needs https), got '"
              + baseUrl
              + "'");
    }
    Path zip = Path.of(out0).toAbsolutePath();
    write(zip, manifest(appId, base));
    out.println("Wrote " + zip + " (app id " + appId + ", " + base + ")");
    return 0;
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!List.of("--app-id", "--out", "--base-url").contains(a)) {
        throw new UsageException("unknown option '" + a + "'");
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(a + " needs a value");
      }
      opts.put(a, args.get(++i));
    }
    return opts;
  }

  /** The manifest with the placeholders filled in. */
  public static String manifest(String appId, URI base) throws IOException {
    String m = new String(resource("manifest.json"), StandardCharsets.UTF_8);
    return m.replace("${APP_ID}", appId)
        .replace("${BASE_URL}", base.toString())
        .replace("${DOMAIN}", base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : ""));
  }

  static void write(Path zip, String manifest) throws IOException {
    if (zip.getParent() != null) {
      Files.createDirectories(zip.getParent());
    }
    try (OutputStream o = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(o)) {
      for (String f : FILES) {
        z.putNextEntry(new ZipEntry(f));
        z.write(
            f.equals("manifest.json") ? manifest.getBytes(StandardCharsets.UTF_8) : resource(f));
        z.closeEntry();
      }
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in =
        TeamsPackageCommand.class.getClassLoader().getResourceAsStream(TEMPLATE_DIR + name)) {
      if (in == null) {
        throw new IOException("the jar has no " + TEMPLATE_DIR + name + "; rebuild it");
      }
      return in.readAllBytes();
    }
  }
}
