package io.frontdesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./frontdesk} launcher rejects what it does not know with usage and a non-zero exit.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  record Result(int code, String output) {}

  private Result launch(String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(List.of("sh", ROOT.resolve("frontdesk").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void unknownCommandPrintsUsageAndExits2() throws Exception {
    Result r = launch("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.output()).contains("unknown command 'frobnicate'").contains("./frontdesk serve");
  }

  @Test
  void unknownOptionPrintsTheCommandsUsageAndExits2() throws Exception {
    Result r = launch("serve", "--turbo");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.output()).contains("unknown option '--turbo'").contains("serve [--demo]");
  }

  @Test
  void noArgumentsPrintsUsageAndExitsNonZero() throws Exception {
    Result r = launch();
    assertThat(r.code()).isNotZero();
    assertThat(r.output()).contains("usage:");
  }

  @Test
  void aBadSettingStopsStartUpNamingTheVariable() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("sh", ROOT.resolve("frontdesk").toString(), "serve")
            .directory(ROOT.toFile())
            .redirectErrorStream(true);
    pb.environment().put("PORT", "not-a-port");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(out).contains("PORT must be a whole number");
  }
}
