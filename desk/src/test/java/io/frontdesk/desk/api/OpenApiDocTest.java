package io.frontdesk.desk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.DeskFixture;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/openapi-desk.yaml documents exactly the routes DeskRoutes mounts. */
class OpenApiDocTest {
  @Test
  void everyMountedRouteIsDocumentedAndNothingElse() throws Exception {
    Set<String> mounted = new TreeSet<>();
    Vertx vertx = Vertx.vertx();
    try (DeskFixture f = new DeskFixture()) {
      Router r = new DeskRoutes(vertx, Blocking.on(vertx), f.desk).router();
      for (Route route : r.getRoutes()) {
        if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
          continue;
        }
        String path = route.getPath().replaceAll(":([a-z]+)", "{$1}");
        route.methods().forEach(m -> mounted.add(m.name().toLowerCase(Locale.ROOT) + " " + path));
      }
    } finally {
      vertx.close();
    }
    Set<String> documented = new TreeSet<>();
    String yaml = Files.readString(Path.of("..", "docs", "openapi-desk.yaml"));
    String path = null;
    Matcher m =
        Pattern.compile("(?m)^(  (/api/desk\\S*):|    (get|put|post|delete):)$").matcher(yaml);
    while (m.find()) {
      if (m.group(2) != null) {
        path = m.group(2);
      } else {
        documented.add(m.group(3) + " " + path);
      }
    }
    assertThat(mounted).hasSizeGreaterThan(40);
    assertThat(documented).isEqualTo(mounted);
  }
}
