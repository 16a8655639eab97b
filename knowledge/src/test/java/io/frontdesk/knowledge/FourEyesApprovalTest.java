package io.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.store.MongoStore;
import io.frontdesk.core.testing.TestStores;
import io.frontdesk.knowledge.article.Article;
import io.frontdesk.knowledge.article.ArticleInput;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.article.ArticleStatus;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four eyes: nobody who created or edited a draft since the last publication may approve it. */
class FourEyesApprovalTest {
  static final Principal ANNA = KnowledgeFixture.principal("anna:STAFF,CHAMPION");
  static final Principal BEN = KnowledgeFixture.principal("ben:STAFF,CHAMPION");
  static final Principal CLARE = KnowledgeFixture.principal("clare:STAFF,CHAMPION");
  static final Principal ADMIN = KnowledgeFixture.principal("dev:STAFF,ADMIN");

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

  private static ArticleInput input(String body) {
    return new ArticleInput(
        "reset-voicemail",
        "Reset your voicemail PIN",
        body,
        List.of("phone"),
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

  private void refused(Principal who) {
    assertThatThrownBy(() -> await(kb.articles.approve(who, "reset-voicemail")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage()).isEqualTo(ArticleService.OWN_APPROVAL);
            });
  }

  @Test
  void neitherTheWriterNorTheEditorMayApproveButAThirdChampionMay() {
    await(kb.articles.createDraft(ANNA, input("Dial 1571 and choose option 3.")));
    Article edited = await(kb.articles.editDraft(BEN, input("Dial 1571, then option 3.")));
    assertThat(edited.pendingAuthor()).contains("ben");
    assertThat(edited.pendingContributors()).containsExactly("anna", "ben");
    await(kb.articles.submit(ANNA, "reset-voicemail"));

    refused(ANNA);
    refused(BEN);
    assertThat(await(kb.articles.forCurator(CLARE, "reset-voicemail")).status())
        .isEqualTo(ArticleStatus.IN_REVIEW);

    Article published = await(kb.articles.approve(CLARE, "reset-voicemail"));
    assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(published.body()).isEqualTo("Dial 1571, then option 3.");
    assertThat(published.pendingContributors()).isEmpty();
    assertThat(await(kb.articles.audit(CLARE, "reset-voicemail")))
        .extracting(d -> d.getString("detail"))
        .contains("approved by clare, written by anna, edited by ben");
  }

  @Test
  void anAdminWhoEditedIsBarredTooWhateverTheirRole() {
    await(kb.articles.createDraft(ANNA, input("Dial 1571 and choose option 3.")));
    await(kb.articles.editDraft(ADMIN, input("Dial 1571 and pick option 3.")));
    await(kb.articles.submit(ANNA, "reset-voicemail"));
    refused(ADMIN);
    assertThat(await(kb.articles.approve(BEN, "reset-voicemail")).status())
        .isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void theListStartsAgainAtEachPublishedVersion() {
    await(kb.articles.createDraft(ANNA, input("Dial 1571 and choose option 3.")));
    await(kb.articles.submit(ANNA, "reset-voicemail"));
    await(kb.articles.approve(BEN, "reset-voicemail"));

    // Ben approved version 1 but wrote none of the new edit; Anna wrote version 1 but not this
    // edit.
    Article edit = await(kb.articles.editDraft(CLARE, input("Dial 1571; option 3 resets it.")));
    assertThat(edit.pendingContributors()).containsExactly("clare");
    await(kb.articles.submit(CLARE, "reset-voicemail"));
    refused(CLARE);
    assertThat(await(kb.articles.approve(ANNA, "reset-voicemail")).body())
        .isEqualTo("Dial 1571; option 3 resets it.");
  }

  @Test
  void aRestoredVersionWaitsForReviewSoANeverApprovedDraftCannotBePublishedByRestoring() {
    await(kb.articles.createDraft(ANNA, input("Dial 1571 and choose option 3.")));
    await(kb.articles.submit(ANNA, "reset-voicemail"));
    await(kb.articles.approve(BEN, "reset-voicemail"));
    // Version 2: Anna's draft that nobody approved.
    await(kb.articles.editDraft(ANNA, input("Call the premium line 0906 to reset it.")));
    await(kb.articles.editDraft(ANNA, input("Dial 1571 and choose option 3, then 2.")));

    Article restored = await(kb.articles.restore(ANNA, "reset-voicemail", 2));
    assertThat(restored.status()).isEqualTo(ArticleStatus.IN_REVIEW);
    assertThat(restored.body()).isEqualTo("Call the premium line 0906 to reset it.");
    assertThat(restored.pendingContributors()).containsExactly("anna");
    // Readers still get the approved version 1.
    assertThat(await(kb.articles.published("reset-voicemail", "staff")).body())
        .isEqualTo("Dial 1571 and choose option 3.");
    refused(ANNA);

    Article approved = await(kb.articles.approve(CLARE, "reset-voicemail"));
    assertThat(approved.body()).isEqualTo("Call the premium line 0906 to reset it.");
    assertThat(await(kb.articles.audit(CLARE, "reset-voicemail")))
        .extracting(d -> d.getString("detail"))
        .contains("restored version 2 as version 4, submitted for review");
  }

  @Test
  void restoringAnArchivedArticleKeepsItOutOfSearchUntilApproved() {
    await(kb.articles.createDraft(ANNA, input("Dial 1571 and choose option 3.")));
    await(kb.articles.submit(ANNA, "reset-voicemail"));
    await(kb.articles.approve(BEN, "reset-voicemail"));
    await(kb.articles.archive(BEN, "reset-voicemail"));

    assertThat(await(kb.articles.restore(BEN, "reset-voicemail", 1)).status())
        .isEqualTo(ArticleStatus.IN_REVIEW);
    refused(BEN);
    assertThat(await(kb.articles.approve(CLARE, "reset-voicemail")).status())
        .isEqualTo(ArticleStatus.PUBLISHED);
  }
}
