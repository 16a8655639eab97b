package io.frontdesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DeskFixture;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket's comments and audit trail are read through the ids its ticket lists (the embedded store
 * cannot index {@code ticketId}) and are exactly what a scan of the collections finds; a ticket
 * stored before the lists existed is still read by the scan.
 */
class TicketTrailTest {
  final DeskFixture f = new DeskFixture();
  final Principal agent = f.user("u-gareth-lloyd");
  final Principal priya = f.user("u-priya-shah");

  @AfterEach
  void close() {
    f.close();
  }

  String raiseAndWork(String title) {
    String ref =
        f.desk
            .tickets()
            .create(priya, NewTicket.incident(Channel.TEAMS, "Printing", title, null))
            .ticket()
            .reference();
    f.clock.advance(Duration.ofMinutes(3));
    f.desk.tickets().comment(agent, ref, "Looking now", true, Channel.PORTAL);
    f.clock.advance(Duration.ofMinutes(3));
    f.desk.tickets().comment(agent, ref, "Driver issue, internal", false, Channel.PORTAL);
    f.clock.advance(Duration.ofMinutes(3));
    f.desk.tickets().comment(priya, ref, "Thanks", true, Channel.TEAMS);
    f.desk.lifecycle().transition(agent, ref, TicketStatus.IN_PROGRESS, null, Channel.PORTAL);
    f.desk.lifecycle().transition(agent, ref, TicketStatus.RESOLVED, "Fixed", Channel.PORTAL);
    return ref;
  }

  @Test
  void commentsAndEventsComeFromTheTicketsOwnListsAndMatchAScan() {
    String ref = raiseAndWork("Printer on floor two jams");
    raiseAndWork("Scanner will not send to e-mail"); // another ticket's trail must not leak in
    TicketRepository indexed = f.desk.tickets().repository();
    TicketRepository scanning = new TicketRepository(f.store.database());
    Document stored = indexed.tickets().find(new Document("_id", ref)).first();
    assertThat(stored.getList(TicketRepository.COMMENT_IDS, Object.class)).hasSize(3);
    assertThat(stored.getList(TicketRepository.EVENT_IDS, Object.class)).hasSizeGreaterThan(3);

    assertThat(indexed.comments(ref, true)).isEqualTo(scanning.comments(ref, true)).hasSize(3);
    assertThat(indexed.comments(ref, false))
        .isEqualTo(scanning.comments(ref, false))
        .extracting(d -> d.getString("text"))
        .containsExactly("Looking now", "Thanks");
    List<Document> trail = indexed.events(ref);
    assertThat(trail).isEqualTo(scanning.events(ref));
    assertThat(trail).extracting(d -> d.getString("type")).first().isEqualTo("created");
    assertThat(trail).allMatch(d -> ref.equals(d.getString("ticketId")));

    // A ticket from before the lists: its trail is found by the scan.
    indexed
        .tickets()
        .updateOne(
            new Document("_id", ref),
            new Document(
                "$unset",
                new Document(TicketRepository.EVENT_IDS, "")
                    .append(TicketRepository.COMMENT_IDS, "")));
    assertThat(indexed.comments(ref, true)).isEqualTo(scanning.comments(ref, true)).hasSize(3);
    assertThat(indexed.events(ref)).isEqualTo(trail);
    f.desk.tickets().comment(agent, ref, "Reopened elsewhere", true, Channel.PORTAL);
    assertThat(indexed.comments(ref, true)).hasSize(4);
  }
}
