package io.frontdesk.deploy.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Role;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleStatus;
import io.frontdesk.knowledge.search.SearchRequest;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A known error from problem management lands in the knowledge base as a draft, not published. */
class KnowledgeDraftsAdapterIT {

  @Test
  void aKnownErrorBecomesADraftThatIsNotSearchableUntilApproved(@TempDir Path index)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try (MongoStore store = TestStores.fresh()) {
      KnowledgeWiring knowledge =
          new KnowledgeWiring(vertx, store, index, "http://localhost:3978", Blocking.on(vertx));
      knowledge.start().await();
      KnowledgeDraftsAdapter adapter = new KnowledgeDraftsAdapter(knowledge.articleService());

      String id =
          vertx
              .executeBlocking(
                  () ->
                      adapter.draft(
                          "FinanceOne approvals screen freezes",
                          "## Workaround\n\nClear the browser cache and sign in again.",
                          "Business applications",
                          "staff",
                          "PRB-000007"))
              .await();

      assertThat(id).startsWith("financeone-approvals-screen-freezes-");
      Principal champion =
          new Principal(
              "c1", "Champion", "c1@example.gov.uk", Set.of(Role.CHAMPION), Optional.empty());
      Article draft = knowledge.articleService().forCurator(champion, id).await();
      assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(draft.body()).contains("Clear the browser cache");
      assertThat(draft.tags()).contains("known error", "prb-000007");
      assertThat(
              knowledge
                  .searchService()
                  .search(
                      new SearchRequest(
                          "financeone approvals freezes", "staff", 5, Optional.empty(), "api"))
                  .await()
                  .results())
          .noneMatch(h -> h.id().equals(id));
      knowledge.stop().await();
    } finally {
      vertx.close().await();
    }
  }
}
