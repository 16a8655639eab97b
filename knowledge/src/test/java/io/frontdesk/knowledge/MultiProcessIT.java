package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.importing.ArticleExporter;
import io.frontdesk.knowledge.importing.ImportReport;
import io.frontdesk.knowledge.importing.QnaTsvImporter;
import io.frontdesk.knowledge.search.SearchHit;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one store, each with its own index: what one publishes the other finds
 * within 2 s; a restart with an index behind the store rebuilds it.
 */
class MultiProcessIT {
  MongoServer server;
  MongoClient clientA;
  MongoClient clientB;
  Vertx vertx;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    String uri = server.bindAndGetConnectionString();
    clientA = MongoClients.create(uri);
    clientB = MongoClients.create(uri);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    clientA.close();
    clientB.close();
    server.shutdownNow();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private static boolean finds(KnowledgeFixture k, String q, String id) {
    return k.engine.search(q, Audience.STAFF, 5, null, false).hits().stream()
        .map(SearchHit::id)
        .anyMatch(id::equals);
  }

  private static long millisUntilFound(KnowledgeFixture k, String q, String id) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(5);
    while (!finds(k, q, id)) {
      assertThat(System.nanoTime()).as("found within 5 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void eachProcessFollowsTheOthersWrites() throws Exception {
    try (KnowledgeFixture a =
            new KnowledgeFixture(vertx, clientA.getDatabase("kb"), tmp.resolve("a"), false);
        KnowledgeFixture b =
            new KnowledgeFixture(vertx, clientB.getDatabase("kb"), tmp.resolve("b"), false)) {
      String art =
          "---\nid: parking-permit\ntitle: Apply for a staff parking permit\nservice: Facilities\naudience: staff\n---\nUse the permit form.";
      ImportReport r = a.importer.importFiles(Map.of("p.md", art), "a");
      assertThat(r.added()).isEqualTo(1);
      assertThat(finds(a, "parking permit", "parking-permit")).isTrue();
      assertThat(millisUntilFound(b, "parking permit", "parking-permit")).isLessThanOrEqualTo(2000);

      String tsv =
          "Question\tAnswer\tSource\tMetadata\nHow do I order a new badge?\tAsk reception for the badge form.\tEditorial\taudience:staff|service:Facilities\nWhere do I get an ID badge?\tAsk reception for the badge form.\tEditorial\t\n";
      ImportReport q = new QnaTsvImporter(b.articles, "IT").importTsv("faq.tsv", tsv);
      assertThat(q.added()).isEqualTo(1);
      assertThat(millisUntilFound(a, "id badge", "how-do-i-order-a-new-badge"))
          .isLessThanOrEqualTo(2000);

      // Export then import round-trips.
      Path out = Files.createDirectory(tmp.resolve("export"));
      int n = new ArticleExporter(a.articles).export(out);
      assertThat(n).isEqualTo(2);
      ImportReport again = a.importer.importDirectory(out, "a");
      assertThat(again.updated()).isEqualTo(2);
      assertThat(again.rejected()).isEmpty();
    }
  }

  /**
   * Process B keeps published articles rendered for far longer than the test runs (300 s); a new
   * version or an archive made through process A still reaches B's readers as soon as B's index has
   * followed the change, because B's entries are kept only while its index holds their version.
   */
  @Test
  void anArticleCachedInOneProcessFollowsTheOthersChanges() throws Exception {
    try (KnowledgeFixture a =
            new KnowledgeFixture(vertx, clientA.getDatabase("kb"), tmp.resolve("a"), false);
        KnowledgeFixture b =
            new KnowledgeFixture(
                vertx,
                clientB.getDatabase("kb"),
                tmp.resolve("b"),
                false,
                Duration.ofSeconds(300))) {
      a.importer.importFiles(Map.of("v.md", vpn("Connect to the VPN", "Open the client.")), "a");
      millisUntilFound(b, "connect vpn", "vpn-connect");
      Article first = b.articles.published("vpn-connect", "staff").await();
      assertThat(first.title()).isEqualTo("Connect to the VPN");
      // Served from B's cache: the same rendered object, no store read.
      assertThat(b.articles.published("vpn-connect", "staff").await()).isSameAs(first);
      // Schools may not see a staff article, cached or not.
      assertThatThrownBy(() -> b.articles.published("vpn-connect", "schools").await())
          .isInstanceOf(ApiException.class);

      a.importer.importFiles(
          Map.of("v.md", vpn("Connect to the council VPN", "Open the <b>new</b> client.")), "a");
      millisUntilFound(b, "council", "vpn-connect");
      Article second = b.articles.published("vpn-connect", "staff").await();
      assertThat(second.title()).isEqualTo("Connect to the council VPN");
      assertThat(second.bodyHtml()).contains("<b>new</b>");

      a.articles.archive(KnowledgeFixture.principal("champ:CHAMPION"), "vpn-connect").await();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (finds(b, "council", "vpn-connect")) {
        assertThat(System.nanoTime()).as("B's index drops it within 5 s").isLessThan(deadline);
        Thread.onSpinWait();
      }
      assertThatThrownBy(() -> b.articles.published("vpn-connect", "staff").await())
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("vpn-connect");
    }
  }

  private static String vpn(String title, String body) {
    return "---\nid: vpn-connect\ntitle: "
        + title
        + "\nservice: Network\naudience: staff\n---\n"
        + body;
  }

  @Test
  void anIndexBehindTheStoreIsRebuiltAtStart() throws Exception {
    Path dirB = tmp.resolve("b");
    try (KnowledgeFixture b = new KnowledgeFixture(vertx, clientB.getDatabase("kb"), dirB, false)) {
      assertThat(b.index.size()).isZero();
    }
    try (KnowledgeFixture a =
        new KnowledgeFixture(vertx, clientA.getDatabase("kb"), tmp.resolve("a"), false)) {
      a.importer.importFiles(
          Map.of(
              "x.md",
              "---\nid: offline-change\ntitle: Written while B was down\nservice: s\naudience: all\n---\nBody."),
          "a");
    }
    try (KnowledgeFixture b = new KnowledgeFixture(vertx, clientB.getDatabase("kb"), dirB, false)) {
      assertThat(finds(b, "written while down", "offline-change")).isTrue();
    }
  }
}
