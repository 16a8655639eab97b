package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.DeskOptions;
import io.frontdesk.desk.routing.TicketRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The working-set index answers exactly as the store does, after live writes and after a rebuild;
 * writes during a rebuild win; and the similar-tickets lookup finds duplicates for agents only.
 */
class WorkingSetIndexTest {
  final DeskFixture f = new DeskFixture();
  final Principal agent = f.user("u-gareth-lloyd");

  @AfterEach
  void close() {
    f.close();
  }

  /** A TicketService on the same store that always asks the store (no index). */
  TicketService storeOnly() {
    return DeskFixture.tickets(
        new TicketRepository(f.store.database()),
        new References(f.store.database()),
        f.sla,
        new TicketRouter(f.desk.groups(), f.desk.projects()),
        f.desk.catalogue(),
        f.desk.users(),
        f.desk.schools(),
        TicketEvents.NONE,
        DeskOptions.defaults(),
        f.clock);
  }

  void seedVariedTickets() {
    Random rnd = new Random(42);
    String[] users = {"u-priya-shah", "u-tom-hughes", "u-aisha-bello", "u-james-wilson"};
    String[] services = {
      "Network and Wi-Fi", "Devices and hardware", "Software and applications", "Email and calendar"
    };
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      f.clock.advance(Duration.ofMinutes(7 + rnd.nextInt(50)));
      Ticket t =
          f.desk
              .tickets()
              .create(
                  f.user(users[i % users.length]),
                  NewTicket.incident(
                          Channel.PORTAL,
                          services[rnd.nextInt(4)],
                          "Fault zq" + i + " kx" + i,
                          null)
                      .withImpactUrgency(1 + rnd.nextInt(3), 1 + rnd.nextInt(3)))
              .ticket();
      refs.add(t.reference());
    }
    TicketLifecycle life = f.desk.lifecycle();
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      switch (i % 6) {
        case 1 -> life.assign(agent, ref, "service-desk", "u-gareth-lloyd", Channel.PORTAL);
        case 2 -> life.transition(agent, ref, TicketStatus.PENDING, "Waiting", Channel.PORTAL);
        case 3 -> life.transition(agent, ref, TicketStatus.RESOLVED, "Fixed", Channel.PORTAL);
        case 4 -> {
          life.transition(agent, ref, TicketStatus.RESOLVED, "Fixed", Channel.PORTAL);
          life.transition(agent, ref, TicketStatus.CLOSED, "Done", Channel.PORTAL);
        }
        case 5 -> life.assign(agent, ref, "security", null, Channel.PORTAL);
        default -> {}
      }
    }
    f.clock.advance(Duration.ofHours(20));
    f.desk.slaMonitor().check();
  }

  List<QueueQuery> queries() {
    List<QueueQuery> out = new ArrayList<>();
    List<List<TicketStatus>> statuses =
        List.of(
            List.of(),
            List.of(TicketStatus.RESOLVED),
            List.of(TicketStatus.NEW, TicketStatus.PENDING),
            List.of(TicketStatus.CLOSED));
    for (String group : List.of("network", "euc", "applications", "service-desk", "security")) {
      for (String sort : List.of("priority", "created", "oldest", "due")) {
        for (List<TicketStatus> st : statuses) {
          for (int page = 0; page < 3; page++) {
            out.add(new QueueQuery(group, st, null, null, null, sort, page, 4));
          }
        }
        out.add(new QueueQuery(group, null, List.of("P2", "P3"), null, null, sort, 0, 50));
        out.add(new QueueQuery(group, null, null, "none", null, sort, 0, 50));
        out.add(new QueueQuery(group, null, null, "u-gareth-lloyd", null, sort, 0, 50));
        out.add(new QueueQuery(group, null, null, null, "warning", sort, 0, 50));
        out.add(new QueueQuery(group, null, null, null, "breached", sort, 0, 50));
      }
    }
    return out;
  }

  /** Refs in order, except for the due sort (ties are in no defined order): due times then. */
  static List<Object> shape(Page<Ticket> p, String sort) {
    List<Object> out = new ArrayList<>();
    out.add(p.total());
    for (Ticket t : p.items()) {
      out.add("due".equals(sort) ? t.sla().getDate("resolutionDue") : t.reference());
    }
    return out;
  }

  /** As {@link #shape}, for queue rows; the rows must also equal the stored tickets' rows. */
  static List<Object> rowShape(Page<TicketSummary> p, String sort) {
    List<Object> out = new ArrayList<>();
    out.add(p.total());
    for (TicketSummary t : p.items()) {
      out.add(
          "due".equals(sort) ? (t.sla() == null ? null : t.sla().resolutionDue()) : t.reference());
    }
    return out;
  }

  @Test
  void queuePagesFromTheIndexMatchTheStoreBeforeAndAfterARebuild() {
    seedVariedTickets();
    TicketService store = storeOnly();
    TicketRepository rebuiltRepo = new TicketRepository(f.store.database(), new WorkingSetIndex());
    rebuiltRepo.loadIndex();
    WorkingSetIndex live = f.desk.tickets().repository().index().orElseThrow();
    WorkingSetIndex rebuilt = rebuiltRepo.index().orElseThrow();
    assertThat(live.ready()).isTrue();
    assertThat(rebuilt.size()).isEqualTo(live.size()).isEqualTo(90 - 15);
    int nonEmpty = 0;
    for (QueueQuery q : queries()) {
      Page<TicketSummary> fromIndex = f.desk.tickets().queue(agent, q);
      Page<TicketSummary> fromStore = store.queue(agent, q);
      assertThat(rowShape(fromIndex, q.sort()))
          .as(q.toString())
          .isEqualTo(rowShape(fromStore, q.sort()));
      if (!"due".equals(q.sort())) {
        // The index's decoded rows are exactly what the store holds now.
        assertThat(fromIndex.items()).as(q.toString()).isEqualTo(fromStore.items());
      }
      if (!q.statuses().contains(TicketStatus.CLOSED)) {
        assertThat(rebuilt.queue(q)).isEqualTo(live.queue(q));
      }
      nonEmpty += fromIndex.items().isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).isGreaterThan(100);
    // "My open tickets" and the per-queue open counts agree too.
    for (String u : List.of("u-priya-shah", "u-tom-hughes", "u-aisha-bello")) {
      Principal p = f.user(u);
      for (int page = 0; page < 3; page++) {
        Page<Ticket> a = f.desk.tickets().mine(p, true, page, 5);
        Page<Ticket> b = store.mine(p, true, page, 5);
        assertThat(shape(a, "created")).as(u + " page " + page).isEqualTo(shape(b, "created"));
      }
    }
    TicketRepository plain = new TicketRepository(f.store.database());
    for (String g : List.of("network", "euc", "applications", "service-desk", "security")) {
      assertThat(f.desk.tickets().repository().openInGroup(g))
          .as(g)
          .isEqualTo(plain.openInGroup(g));
    }
  }

  @Test
  void closedTicketsLeaveTheIndexAndClosedQueuesAreAnsweredByTheStore() {
    seedVariedTickets();
    WorkingSetIndex live = f.desk.tickets().repository().index().orElseThrow();
    QueueQuery closed =
        new QueueQuery("network", List.of(TicketStatus.CLOSED), null, null, null, "created", 0, 50);
    assertThat(live.queue(closed)).isEmpty();
    long closedInStore = f.desk.tickets().repository().count(new Document("status", "closed"));
    assertThat(closedInStore).isEqualTo(15);
    long listed = 0;
    for (String g : List.of("network", "euc", "applications", "service-desk", "security")) {
      listed +=
          f.desk
              .tickets()
              .queue(
                  agent,
                  new QueueQuery(
                      g, List.of(TicketStatus.CLOSED), null, null, null, "created", 0, 50))
              .total();
    }
    assertThat(listed).isEqualTo(closedInStore);
  }

  static Document doc(String ref, String group, String status, long created) {
    return new Document("_id", ref)
        .append("desk", "staff")
        .append("type", "incident")
        .append("groupId", group)
        .append("status", status)
        .append("priority", "P3")
        .append("title", "t")
        .append("createdAt", new Date(created))
        .append("requester", new Document("userId", "u1"));
  }

  @Test
  void slaChecksWaitForTheIndexInsteadOfScanningTheStore() {
    Ticket t =
        f.desk
            .tickets()
            .create(
                f.user("u-priya-shah"),
                NewTicket.incident(Channel.TEAMS, "Printing", "Printer offline", null))
            .ticket();
    f.clock.advance(Duration.ofDays(30));
    TicketRepository starting = new TicketRepository(f.store.database(), new WorkingSetIndex());
    io.frontdesk.desk.sla.SlaMonitor monitor =
        new io.frontdesk.desk.sla.SlaMonitor(starting, f.sla, TicketEvents.NONE, f.clock);
    assertThat(monitor.check()).isEmpty();
    starting.loadIndex();
    assertThat(monitor.check()).contains(t.reference() + ":breached");
  }

  @Test
  void aWriteDuringARebuildWinsOverTheScannedCopy() {
    WorkingSetIndex index = new WorkingSetIndex();
    List<Document> scanned =
        List.of(doc("INC-000001", "network", "new", 1), doc("INC-000002", "network", "new", 2));
    Iterable<Document> scan =
        () ->
            new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return i < scanned.size();
              }

              @Override
              public Document next() {
                if (i == 0) {
                  // Moved to another group while the scan was under way.
                  index.written(doc("INC-000002", "security", "assigned", 2));
                }
                return scanned.get(i++);
              }
            };
    assertThat(index.queue(QueueQuery.of("network"))).isEmpty();
    index.load(scan);
    assertThat(index.queue(QueueQuery.of("network")).orElseThrow().rows())
        .extracting(TicketSummary::reference)
        .containsExactly("INC-000001");
    assertThat(index.queue(QueueQuery.of("security")).orElseThrow().rows())
        .extracting(TicketSummary::reference)
        .containsExactly("INC-000002");
  }

  @Test
  void similarTicketsFindsOtherPeoplesReportsOfTheSameFaultForAgentsOnly() {
    Ticket priyas =
        f.desk
            .tickets()
            .create(
                f.user("u-priya-shah"),
                NewTicket.incident(
                    Channel.TEAMS,
                    "Email and calendar",
                    "Outlook crashes when opening the shared finance calendar",
                    null))
            .ticket();
    f.desk
        .tickets()
        .create(
            f.user("u-aisha-bello"),
            NewTicket.incident(Channel.TEAMS, "Printing", "Printer on floor two jams", null));
    Ticket toms =
        f.desk
            .tickets()
            .create(
                f.user("u-tom-hughes"),
                NewTicket.incident(
                    Channel.PORTAL,
                    "Email and calendar",
                    "Outlook keeps crashing on the finance shared calendar",
                    null))
            .ticket();
    SimilarTickets similar = f.desk.similar();
    assertThat(similar.like(agent, toms.reference(), 5))
        .extracting(d -> d.getString("reference"))
        .containsExactly(priyas.reference());
    assertThat(similar.like(agent, "staff", "shared calendar crashes outlook", 5))
        .extracting(d -> d.getString("reference"))
        .containsExactlyInAnyOrder(priyas.reference(), toms.reference());
    assertThat(similar.like(agent, "schools", "shared calendar crashes outlook", 5)).isEmpty();
    assertThatThrownBy(() -> similar.like(f.user("u-tom-hughes"), toms.reference(), 5))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).status())
        .isEqualTo(403);
    assertThatThrownBy(() -> similar.like(agent, "staff", " ", 5))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("text");
    f.desk
        .lifecycle()
        .transition(agent, priyas.reference(), TicketStatus.RESOLVED, "Patched", Channel.PORTAL);
    assertThat(similar.like(agent, toms.reference(), 5)).isEmpty();
  }

  @Test
  void similarFromTheWordPostingsEqualsScoringEveryOpenTicket() {
    String[] vocab =
        "outlook printer vpn wifi password locked mailbox drive laptop screen".split(" ");
    Random rnd = new Random(5);
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StringBuilder title = new StringBuilder();
      for (int w = 0; w < 2 + rnd.nextInt(4); w++) {
        title.append(vocab[rnd.nextInt(vocab.length)]).append(' ');
      }
      refs.add(
          f.desk
              .tickets()
              .create(
                  new Principal(
                      "u-" + i,
                      "User " + i,
                      "u" + i + "@example.invalid",
                      java.util.Set.of(io.frontdesk.core.security.Role.STAFF),
                      java.util.Optional.empty()),
                  NewTicket.incident(Channel.PORTAL, "Printing", title.toString(), "case " + i))
              .ticket()
              .reference());
    }
    // Some leave the working set, some are resolved, some are edited after they were indexed.
    for (int i = 0; i < 60; i += 7) {
      f.desk.lifecycle().transition(agent, refs.get(i), TicketStatus.RESOLVED, "x", Channel.PORTAL);
      if (i % 2 == 0) {
        f.desk.lifecycle().transition(agent, refs.get(i), TicketStatus.CLOSED, "x", Channel.PORTAL);
      }
    }
    WorkingSetIndex index = f.desk.tickets().repository().index().orElseThrow();
    TicketRepository plain = new TicketRepository(f.store.database());
    for (int q = 0; q < 40; q++) {
      String text = vocab[rnd.nextInt(vocab.length)] + " " + vocab[rnd.nextInt(vocab.length)];
      List<String> expected = new ArrayList<>();
      for (Ticket t :
          plain.find(
              new Document("status", new Document("$in", TicketService.openWire())),
              new Document("_id", 1),
              0,
              1000)) {
        double score =
            io.frontdesk.desk.routing.Words.similarity(text, t.title() + "\n" + t.description());
        if (score >= 0.3) {
          expected.add(t.reference() + "=" + Math.round(score * 1000));
        }
      }
      assertThat(index.similar("staff", text, 0.3, 1000).orElseThrow())
          .as(text)
          .extracting(m -> m.reference() + "=" + Math.round(m.score() * 1000))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
