package io.frontdesk.deploy.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import io.frontdesk.core.config.FrontdeskConfig;
import io.frontdesk.core.config.Settings;
import io.frontdesk.core.security.Principal;
import io.frontdesk.deploy.FrontdeskServer;
import io.frontdesk.deploy.wiring.BotWiring;
import io.frontdesk.deploy.wiring.DeskWiring;
import io.frontdesk.deploy.wiring.FulfilmentWiring;
import io.frontdesk.deploy.wiring.KnowledgeWiring;
import io.frontdesk.desk.directory.EmbeddedDirectory;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.ticket.Channel;
import io.frontdesk.desk.ticket.TicketService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot end to end in local mode: real server with demo data, real HTTP endpoint, a loopback Bot
 * Connector recording replies. Each test uses its own conversation, so they are independent.
 */
class BotConversationIT {
  static final Duration WAIT = Duration.ofSeconds(10);
  static Vertx vertx;
  static FakeConnector connector;
  static FrontdeskServer server;
  static BotClient client;
  static MongoDatabase db;
  @TempDir static Path data;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    connector = new FakeConnector(vertx);
    Settings settings =
        Settings.of(
            Map.of(
                "PORT", "0",
                "FRONTDESK_DATA_DIR", data.toString(),
                "FRONTDESK_BASE_URL", "https://frontdesk.example.gov.uk",
                "FRONTDESK_BOT_MAX_BODY_BYTES", "65536"));
    server = FrontdeskServer.start(FrontdeskConfig.load(settings), settings, true);
    client = new BotClient(server.port());
    db = server.context().store().database();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1));
    }
    connector.close();
    vertx.close().await();
  }

  /**
   * Transcripts, claims and the query log are written behind: a scan of the store flushes first.
   */
  static void flushWrittenBehind() throws Exception {
    server.wiring(BotWiring.class).orElseThrow().flush().await(10, TimeUnit.SECONDS);
    server.wiring(KnowledgeWiring.class).orElseThrow().flushAnalytics().await(10, TimeUnit.SECONDS);
  }

  static JsonObject personal(String text) throws Exception {
    return BotClient.personal(text, connector.serviceUrl())
        .put(
            "conversation",
            new JsonObject()
                .put("conversationType", "personal")
                .put("id", "a:" + UUID.randomUUID())
                .put("tenantId", "6babcaad-604b-40ac-a9d7-9fd97c0b779f"));
  }

  static String conv(JsonObject activity) {
    return activity.getJsonObject("conversation").getString("id");
  }

  static JsonArray replies(JsonObject activity) throws Exception {
    BotClient.Response r = client.post(BotClient.expectReplies(activity));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonArray("activities");
  }

  static JsonObject card(JsonObject reply) {
    return reply.getJsonArray("attachments").getJsonObject(0).getJsonObject("content");
  }

  /** The same conversation and sender, a new activity. */
  static JsonObject next(JsonObject previous, String text) {
    return previous
        .copy()
        .put("id", UUID.randomUUID().toString())
        .put("text", text)
        .put("value", null);
  }

  static JsonObject click(JsonObject previous, JsonObject data) {
    JsonObject a = previous.copy().put("id", UUID.randomUUID().toString()).put("value", data);
    a.remove("text");
    return a;
  }

  @Test
  void aConfidentQuestionGetsTheArticleCardAndFeedbackIsStored() throws Exception {
    JsonObject ask = personal("I'm locked out of my account");
    JsonArray out = replies(ask);
    assertThat(out).hasSize(1);
    JsonObject card = card(out.getJsonObject(0));
    String body = card.encode();
    assertThat(body).contains("Open in portal", "That solved it", "Not quite");
    JsonObject open = card.getJsonArray("actions").getJsonObject(0);
    assertThat(open.getString("url")).startsWith("https://frontdesk.example.gov.uk/kb/");
    JsonObject notQuite = card.getJsonArray("actions").getJsonObject(2).getJsonObject("data");
    String articleId = notQuite.getString("articleId");

    JsonArray next = replies(click(ask, notQuite));
    assertThat(next.getJsonObject(0).encode()).contains("Raise a ticket", "Talk to a person");
    Document fb = db.getCollection("kb_feedback").find(Filters.eq("articleId", articleId)).first();
    assertThat(fb).isNotNull();
    assertThat(fb.getBoolean("helpful")).isFalse();
    assertThat(fb.getString("userId")).isEqualTo("u-priya-shah");

    // The transcript names the article offered and its link, not the whole excerpt.
    JsonArray blocks = card.getJsonArray("body");
    String title = blocks.getJsonObject(0).getString("text");
    String excerpt = blocks.getJsonObject(blocks.size() - 1).getString("text");
    flushWrittenBehind();
    Document state =
        db.getCollection("bot_state")
            .find(Filters.regex("_id", "^" + conv(ask).replace(":", "\\:")))
            .first();
    assertThat(state.getList("transcript", String.class))
        .contains("Frontdesk: [answer card] " + title + " (" + open.getString("url") + ")")
        .noneMatch(line -> line.contains(excerpt));
  }

  @Test
  void aReplyGoesToTheConnectorAsAReplyToTheActivity() throws Exception {
    JsonObject ask = personal("help");
    BotClient.Response r = client.post(ask);
    assertThat(r.status()).isEqualTo(202);
    FakeConnector.Post post = connector.next(conv(ask), WAIT);
    assertThat(post).isNotNull();
    assertThat(post.conversationId()).isEqualTo(ask.getJsonObject("conversation").getString("id"));
    assertThat(post.replyToId()).isEqualTo(ask.getString("id"));
    assertThat(post.activity().getString("text")).contains("my tickets", "report a problem");
    assertThat(post.authorization()).isNull();
  }

  @Test
  void aGuidedIncidentRaisesATicketWithTheTranscriptAndNoSecrets() throws Exception {
    JsonObject ask = personal("my password is Hunter2Secret! by the way");
    replies(ask);
    replies(next(ask, "outlook keeps crashing when I open the shared calendar"));
    JsonArray who = replies(next(ask, "report a problem"));
    assertThat(who.getJsonObject(0).encode()).contains("How many people");
    JsonArray urgency = replies(next(ask, "just me"));
    assertThat(urgency.getJsonObject(0).encode()).contains("stopping work");
    JsonArray confirm = replies(next(ask, "it's slowing me down"));
    assertThat(confirm.getJsonObject(0).encode()).contains("outlook keeps crashing", "Raise it");
    JsonArray done =
        replies(click(ask, new JsonObject().put("action", "incident.step").put("answer", "yes")));
    String text = done.getJsonObject(0).getString("text");
    assertThat(text).contains("INC-");
    String ref = text.replaceAll("(?s).*?(INC-\\d+).*", "$1");
    Document t = db.getCollection("desk_tickets").find(Filters.eq("_id", ref)).first();
    assertThat(t.getString("title"))
        .isEqualTo("outlook keeps crashing when I open the shared calendar");
    assertThat(t.getString("channel")).isEqualTo("teams");
    assertThat(t.getInteger("impact")).isEqualTo(3);
    assertThat(t.getInteger("urgency")).isEqualTo(2);
    assertThat(t.getString("transcript")).contains("outlook keeps crashing", "Frontdesk:");
    assertThat(t.getString("transcript")).doesNotContain("Hunter2Secret");
    // Nowhere in the store: not the bot's memory, the ticket, the knowledge query log.
    flushWrittenBehind();
    for (String name : db.listCollectionNames()) {
      assertThat(db.getCollection(name).find().into(new java.util.ArrayList<>()).toString())
          .as(name)
          .doesNotContain("Hunter2Secret");
    }
  }

  @Test
  void aRedeliveredActivityIsActedOnOnce() throws Exception {
    JsonObject ask = personal("talk to a person");
    long before = db.getCollection("desk_tickets").countDocuments();
    assertThat(client.post(ask).status()).isEqualTo(202);
    assertThat(client.post(ask).status()).isEqualTo(202);
    FakeConnector.Post first = connector.next(conv(ask), WAIT);
    assertThat(first.activity().getString("text")).contains("INC-");
    // A marker message after the retry: its reply arrives, and nothing came in between.
    client.post(next(ask, "help"));
    FakeConnector.Post marker = connector.next(conv(ask), WAIT);
    assertThat(marker.activity().getString("text")).contains("report a problem");
    assertThat(db.getCollection("desk_tickets").countDocuments()).isEqualTo(before + 1);
  }

  @Test
  void anAgentCommentReachesTheRequesterProactively() throws Exception {
    JsonObject ask = personal("report a problem: the scanner on floor 2 jams every time");
    replies(ask);
    replies(next(ask, "a few people"));
    replies(next(ask, "it can wait"));
    JsonArray done = replies(next(ask, "yes"));
    String ref = done.getJsonObject(0).getString("text").replaceAll("(?s).*?(INC-\\d+).*", "$1");

    UserRepository users = new UserRepository(db);
    User agent = users.byId("u-gareth-lloyd").orElseThrow();
    Principal p = agent.principal();
    TicketService tickets = server.wiring(DeskWiring.class).orElseThrow().tickets();
    server
        .context()
        .vertx()
        .executeBlocking(
            () ->
                tickets.comment(p, ref, "We are sending an engineer today.", true, Channel.PORTAL))
        .await();
    FakeConnector.Post post = connector.next(conv(ask), WAIT);
    assertThat(post).isNotNull();
    assertThat(post.conversationId()).isEqualTo(ask.getJsonObject("conversation").getString("id"));
    assertThat(post.activity().getString("text"))
        .contains(ref, "We are sending an engineer today.");
  }

  @Test
  void everyRecordedPayloadGetsAnAnswerAndNo5xx() throws Exception {
    for (String f :
        List.of(
            "emulator-conversationupdate.json",
            "emulator-message.json",
            "teams-channel-message-mention-tacv2.json",
            "teams-channel-message-mention.json",
            "teams-conversationupdate-bot-added-personal.json",
            "teams-conversationupdate-bot-added-to-team.json",
            "teams-conversationupdate-channelcreated.json",
            "teams-conversationupdate-groupchat-membersadded.json",
            "teams-conversationupdate-teammemberadded-user.json",
            "teams-installationupdate-add.json",
            "teams-invoke-adaptivecard-action-execute.json",
            "teams-invoke-cardaction-noname.json",
            "teams-message-actionsubmit-value.json",
            "teams-message-messageback-value.json",
            "teams-message-file-attachment-fragment.json",
            "teams-messagereaction-reactionsadded.json",
            "teams-personal-message.json")) {
      JsonObject a = BotClient.payload(f, connector.serviceUrl());
      BotClient.Response r = client.post(BotClient.expectReplies(a));
      assertThat(r.status()).as(f + " " + r.body()).isLessThan(500);
      if (f.contains("fragment")) {
        assertThat(r.status()).as(f).isEqualTo(400);
      } else if (f.contains("messagereaction")
          || f.contains("channelcreated")
          || f.contains("teammemberadded")) {
        assertThat(r.status()).as(f).isIn(200, 202);
      } else {
        assertThat(r.status()).as(f + " " + r.body()).isEqualTo(200);
      }
      if (f.contains("bot-added")
          || f.contains("installationupdate")
          || f.equals("emulator-conversationupdate.json")) {
        assertThat(r.body()).as(f).contains("I'm Frontdesk");
      }
      if (f.contains("mention")) {
        // The @mention is stripped: "show members" / "reply to thread" are questions, not mentions.
        assertThat(r.body()).as(f).doesNotContain("<at>");
      }
      if (f.equals("teams-invoke-adaptivecard-action-execute.json")) {
        assertThat(r.json().getInteger("statusCode")).as(r.body()).isEqualTo(200);
      }
    }
  }

  @Test
  void malformedBodiesGet400AndOversizedGet413() throws Exception {
    BotClient.Response notJson = client.post("{not json", null);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON");
    BotClient.Response notActivity = client.post("[1,2]", null);
    assertThat(notActivity.status()).isEqualTo(400);
    BotClient.Response noConversation =
        client.post(
            new JsonObject().put("type", "message").put("serviceUrl", connector.serviceUrl()));
    assertThat(noConversation.status()).isEqualTo(400);
    assertThat(noConversation.body()).contains("conversation.id");
    BotClient.Response wrongType =
        client.post(personal("hi").put("timestamp", 12).put("from", "x"));
    assertThat(wrongType.status()).isEqualTo(400);
    BotClient.Response huge = client.post(personal("x".repeat(70_000)));
    assertThat(huge.status()).isEqualTo(413);
  }

  @Test
  void statusAndMyTicketsAnswerFromTheDesk() throws Exception {
    JsonObject ask = personal("talk to a person");
    String ref =
        replies(ask).getJsonObject(0).getString("text").replaceAll("(?s).*?(INC-\\d+).*", "$1");
    String n = ref.replaceAll("INC-0*", "");
    assertThat(replies(next(ask, "status inc" + n)).getJsonObject(0).getString("text"))
        .contains(ref, "Status: new");
    assertThat(replies(next(ask, "my tickets")).getJsonObject(0).getString("text")).contains(ref);
    assertThat(replies(next(ask, "status INC-999999")).getJsonObject(0).getString("text"))
        .contains("INC-999999");
  }

  @Test
  void aCatalogueFormShowsTheDesksErrorsThenRaisesTheRequest() throws Exception {
    JsonObject ask = personal("request software");
    JsonObject form = card(replies(ask).getJsonObject(0));
    assertThat(form.encode()).contains("Action.Execute", "request.submit", "software");
    JsonObject execute =
        BotClient.payload("teams-invoke-adaptivecard-action-execute.json", connector.serviceUrl())
            .put("id", UUID.randomUUID().toString())
            .put("from", ask.getJsonObject("from"))
            .put("conversation", ask.getJsonObject("conversation"));
    execute.put(
        "value",
        new JsonObject()
            .put(
                "action",
                new JsonObject()
                    .put("type", "Action.Execute")
                    .put("verb", "request.submit")
                    .put(
                        "data",
                        new JsonObject()
                            .put("itemId", "software-install")
                            .put("software", "Visio")))
            .put("trigger", "manual"));
    BotClient.Response bad = client.post(BotClient.expectReplies(execute));
    assertThat(bad.status()).isEqualTo(200);
    JsonObject body = bad.json();
    assertThat(body.getString("type"))
        .as(bad.body())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(body.getJsonObject("value").encode()).contains("Please fix", "Visio");

    JsonObject ok = execute.copy().put("id", UUID.randomUUID().toString());
    ok.getJsonObject("value")
        .getJsonObject("action")
        .getJsonObject("data")
        .put("device", "NCC-01234")
        .put("reason", "Drawing floor plans");
    BotClient.Response good = client.post(BotClient.expectReplies(ok));
    assertThat(good.json().getString("value")).contains("REQ-");
  }

  @Test
  void theMessagingExtensionFindsArticles() throws Exception {
    JsonObject q = personal("").put("type", "invoke").put("name", "composeExtension/query");
    q.remove("text");
    q.put(
        "value",
        new JsonObject()
            .put("commandId", "searchArticles")
            .put(
                "parameters",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("name", "searchQuery")
                            .put("value", "printer paper jam"))));
    BotClient.Response r = client.post(q);
    assertThat(r.status()).isEqualTo(200);
    JsonObject result = r.json().getJsonObject("composeExtension");
    assertThat(result.getString("type")).isEqualTo("result");
    assertThat(result.getJsonArray("attachments")).isNotEmpty();
    assertThat(result.encode()).contains("Open in portal", "/kb/");
  }

  @Test
  void aPasswordResetShowsTheTemporaryPasswordOnceAndStoresNoSecret() throws Exception {
    JsonObject group =
        BotClient.payload("teams-channel-message-mention.json", connector.serviceUrl())
            .put("id", UUID.randomUUID().toString())
            .put("text", "<at>Frontdesk</at> reset my password");
    assertThat(replies(group).getJsonObject(0).getString("text")).contains("1:1 chat");

    JsonObject ask = personal("reset my password");
    String sent = replies(ask).getJsonObject(0).getString("text");
    assertThat(sent).contains("code");
    java.nio.file.Path drop = server.context().config().dataDir().resolve("maildrop");
    String mail;
    try (var files = Files.list(drop)) {
      java.nio.file.Path newest =
          files.max(java.util.Comparator.comparing(java.nio.file.Path::getFileName)).orElseThrow();
      mail = Files.readString(newest);
    }
    String code = mail.replaceAll("(?s).*?\\b(\\d{6,8})\\b.*", "$1");
    assertThat(code).matches("\\d{6,8}");

    JsonArray done = replies(next(ask, code));
    String shown = done.getJsonObject(0).getString("text");
    assertThat(shown).contains("temporary password");
    String password = shown.replaceAll("(?s).*temporary password: \\*\\*(.+?)\\*\\*.*", "$1");
    assertThat(password).isNotBlank().isNotEqualTo(shown);

    // The account really changed: the temporary password binds, and a change is forced at the
    // next logon.
    String dn = directoryDn(ask);
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory().port())) {
      assertThat(c.bind(dn, password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
    assertThat(directory().server().getEntry(dn).getAttributeValue("pwdLastSet")).isEqualTo("0");

    flushWrittenBehind();
    for (String name : db.listCollectionNames()) {
      String all = db.getCollection(name).find().into(new java.util.ArrayList<>()).toString();
      assertThat(all).as(name).doesNotContain(password);
      assertThat(all).as(name).doesNotContain(" " + code);
    }
    Document state =
        db.getCollection("bot_state")
            .find(Filters.regex("_id", "^" + conv(ask).replace(":", "\\:")))
            .first();
    assertThat(state.getList("transcript", String.class).toString())
        .contains("[one-time code, not recorded]", "[shown once, not recorded]");
  }

  @Test
  void aLockedAccountIsUnlockedFromTeamsWithoutChangingThePassword() throws Exception {
    JsonObject ask = personal("unlock my account");
    String dn = directoryDn(ask);
    directory()
        .server()
        .modify(
            dn,
            new Modification(ModificationType.REPLACE, "lockoutTime", "133700000000000000"),
            new Modification(ModificationType.REPLACE, "userPassword", "Known-Old-Pass-42"));

    assertThat(replies(ask).getJsonObject(0).getString("text")).contains("code");
    String code = newestCode();
    String done = replies(next(ask, code)).getJsonObject(0).getString("text");

    assertThat(done).containsIgnoringCase("unlocked");
    Entry e = directory().server().getEntry(dn);
    assertThat(e.getAttributeValue("lockoutTime")).isEqualTo("0");
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory().port())) {
      assertThat(c.bind(dn, "Known-Old-Pass-42").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
  }

  static EmbeddedDirectory directory() {
    return server.wiring(FulfilmentWiring.class).orElseThrow().embeddedDirectory();
  }

  /** The directory entry of the person an activity comes from, found as the bot finds them. */
  static String directoryDn(JsonObject activity) {
    String aad = activity.getJsonObject("from").getString("aadObjectId");
    return EmbeddedDirectory.dnOf(new UserRepository(db).byAadObjectId(aad).orElseThrow());
  }

  static String newestCode() throws Exception {
    java.nio.file.Path drop = server.context().config().dataDir().resolve("maildrop");
    try (var files = Files.list(drop)) {
      java.nio.file.Path newest =
          files.max(java.util.Comparator.comparing(java.nio.file.Path::getFileName)).orElseThrow();
      return Files.readString(newest).replaceAll("(?s).*?\\b(\\d{6})\\b.*", "$1");
    }
  }

  /** James Wilson (Priya's line manager) in his own 1:1 chat, as the recorded Action.Execute. */
  static JsonObject james(String text) throws Exception {
    JsonObject rec =
        BotClient.payload("teams-invoke-adaptivecard-action-execute.json", connector.serviceUrl());
    return personal(text).put("from", rec.getJsonObject("from"));
  }

  @Test
  void anApprovalIsAskedOfTheLineManagerAndTheDecisionReachesTheRequester() throws Exception {
    JsonObject manager = james("help");
    replies(manager); // the bot now knows James's 1:1 chat
    JsonObject ask = personal("request access to a shared mailbox");
    replies(ask);
    JsonObject submit =
        click(
            ask,
            new JsonObject()
                .put("action", "request.submit")
                .put("itemId", "shared-mailbox-access")
                .put("mailbox", "finance.team@northshire.gov.uk")
                .put("access", "Read")
                .put("reason", "Covering month end"));
    String raised = replies(submit).getJsonObject(0).getString("text");
    assertThat(raised).contains("REQ-", "approval");

    FakeConnector.Post request = connector.next(conv(manager), WAIT);
    assertThat(request).as("approval request to the line manager").isNotNull();
    JsonObject card = card(request.activity());
    assertThat(card.encode()).contains("Approval needed", "Approve", "Reject");
    JsonObject approve = card.getJsonArray("actions").getJsonObject(0);
    JsonObject execute =
        BotClient.payload("teams-invoke-adaptivecard-action-execute.json", connector.serviceUrl())
            .put("id", UUID.randomUUID().toString())
            .put("conversation", manager.getJsonObject("conversation"))
            .put(
                "value",
                new JsonObject()
                    .put(
                        "action",
                        new JsonObject()
                            .put("type", "Action.Execute")
                            .put("verb", approve.getString("verb"))
                            .put("data", approve.getJsonObject("data")))
                    .put("trigger", "manual"));
    BotClient.Response decided = client.post(execute);
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.json().getString("value")).contains("Approved");

    FakeConnector.Post told = connector.next(conv(ask), WAIT);
    assertThat(told).as("the decision reaches the requester").isNotNull();
    assertThat(told.activity().getString("text")).containsIgnoringCase("approved");
  }

  @Test
  void escalatingAnIssueOfAProjectInItsWindowGoesToItsEarlyLifeSupportQueue() throws Exception {
    JsonObject ask = personal("FinanceOne won't let me raise a purchase order");
    replies(ask);
    String ref =
        replies(next(ask, "talk to a person"))
            .getJsonObject(0)
            .getString("text")
            .replaceAll("(?s).*?(INC-\\d+).*", "$1");
    Document t = db.getCollection("desk_tickets").find(Filters.eq("_id", ref)).first();
    assertThat(t.getString("groupId")).isEqualTo("els-financeone");
    assertThat(t.getString("transcript"))
        .contains("FinanceOne won't let me raise a purchase order");
  }
}
