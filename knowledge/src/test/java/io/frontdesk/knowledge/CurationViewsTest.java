package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleStatus;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lists the Champions' pages show: pending drafts, recent approvals, and the preview. */
class CurationViewsTest {
  static final Principal ANNA = KnowledgeFixture.principal("anna:STAFF,CHAMPION");
  static final Principal BEN = KnowledgeFixture.principal("ben:STAFF,CHAMPION");
  static final Principal SAM = KnowledgeFixture.principal("sam:STAFF");

  Vertx vertx;
  MongoStore store;
  KnowledgeFixture kb;
  @TempDir Path indexDir;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = TestStores.fresh();
    kb = new KnowledgeFixture(vertx, store.database(), indexDir, false);
  }

  @AfterEach
  void stop() throws Exception {
    kb.close();
    store.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private static ArticleInput input(String id, String title) {
    return new ArticleInput(
        id,
        title,
        "Open **Settings** and follow the steps for " + title + ".",
        List.of("test"),
        "Accounts and access",
        Audience.STAFF,
        Optional.empty());
  }

  private static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pendingDraftsListsDraftsAndSubmittedOnesWithTheirAuthorButNotPublishedOnes() {
    await(kb.articles.createDraft(ANNA, input("first-draft", "First draft")));
    await(kb.articles.createDraft(BEN, input("bens-draft", "Ben's draft")));
    await(kb.articles.submit(BEN, "bens-draft"));
    await(kb.articles.createDraft(ANNA, input("published-one", "Published one")));
    await(kb.articles.submit(ANNA, "published-one"));
    await(kb.articles.approve(BEN, "published-one"));

    List<Article> pending = await(kb.articles.pendingDrafts(ANNA));
    assertThat(pending)
        .extracting(Article::id)
        .containsExactlyInAnyOrder("first-draft", "bens-draft");
    Article bens = pending.stream().filter(a -> a.id().equals("bens-draft")).findFirst().get();
    assertThat(bens.status()).isEqualTo(ArticleStatus.IN_REVIEW);
    assertThat(bens.pendingAuthor()).contains("ben");

    List<Document> approvals = await(kb.articles.recentApprovals(ANNA, 10));
    assertThat(approvals).hasSize(1);
    assertThat(approvals.get(0).getString("articleId")).isEqualTo("published-one");
    assertThat(approvals.get(0).getString("by")).isEqualTo("ben");
    assertThat(approvals.get(0).getString("detail")).contains("written by anna");
  }

  @Test
  void onlyCuratorsSeeTheListsAndThePreviewIsSanitisedLikeAPublishedArticle() {
    assertThatThrownBy(() -> kb.articles.pendingDrafts(SAM))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(403);
    assertThatThrownBy(() -> kb.articles.recentApprovals(SAM, 5)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> kb.articles.preview(SAM, "x")).isInstanceOf(ApiException.class);

    String html =
        kb.articles.preview(
            ANNA, "# Title\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1))");
    assertThat(html).contains("<h1>Title</h1>", "<strong>bold</strong>");
    assertThat(html).doesNotContain("<script", "javascript:");
  }
}
