package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.DemoData;
import io.frontdesk.desk.DeskFixture;
import io.frontdesk.desk.directory.Directory;
import io.frontdesk.desk.directory.EmbeddedDirectory;
import io.frontdesk.desk.notify.Contact;
import io.frontdesk.desk.notify.Notifier;
import io.frontdesk.desk.notify.OutboundMessage;
import io.frontdesk.desk.people.User;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Self-service fulfilment as the wiring builds it: the desk on a fresh embedded store, the embedded
 * (AD-shaped) in-memory LDAP directory seeded with the demo people, and an outbox that keeps what
 * the notifier was asked to send, standing in for the person's mailbox.
 */
final class FulfilmentFixture implements AutoCloseable {
  final DeskFixture desk = new DeskFixture();
  final EmbeddedDirectory ldap = EmbeddedDirectory.start(DemoData.users());
  final Outbox outbox = new Outbox();
  final FlowRepository flows = new FlowRepository(desk.store.database());
  final RateLimits limits = new RateLimits(desk.store.database());
  final List<String> outcomes = new CopyOnWriteArrayList<>();
  final SelfServiceFulfilment service;

  FulfilmentFixture() {
    this(FulfilmentOptions.defaults(), null);
  }

  FulfilmentFixture(FulfilmentOptions options, Directory directoryOverride) {
    flows.createIndexes();
    outbox.codes = new OneTimeCodes(options.codeKey(), new SecureRandom());
    outbox.flowHash = id -> flows.byId(id).orElseThrow().getString("codeHash");
    Directory dir = directoryOverride == null ? ldap.directory(desk.clock) : directoryOverride;
    FulfilmentTickets tickets =
        new FulfilmentTickets(
            desk.desk.tickets(),
            desk.desk.lifecycle(),
            desk.desk.requests(),
            desk.desk.catalogue(),
            options);
    service =
        new SelfServiceFulfilment(
            desk.desk.users(),
            dir,
            outbox,
            flows,
            limits,
            tickets,
            options,
            new SecureRandom(),
            desk.clock,
            (kind, status) -> outcomes.add(kind.wire() + ":" + status.wire()));
  }

  Principal principal(String userId) {
    return desk.user(userId);
  }

  User user(String userId) {
    return desk.desk.users().byId(userId).orElseThrow();
  }

  String dn(String userId) {
    return EmbeddedDirectory.dnOf(user(userId));
  }

  @Override
  public void close() {
    ldap.close();
    desk.close();
  }

  /** What the notifier sent, newest last; the test reads codes from it as the person would. */
  static final class Outbox implements Notifier {
    final List<Contact> to = new CopyOnWriteArrayList<>();
    final List<OutboundMessage> messages = new CopyOnWriteArrayList<>();
    volatile boolean broken;

    @Override
    public boolean supports(String contactKind) {
      return true;
    }

    @Override
    public void send(Contact contact, OutboundMessage message) {
      if (broken) {
        throw new io.frontdesk.desk.notify.NotifyException("mail server down");
      }
      to.add(contact);
      messages.add(message);
    }

    @Override
    public String name() {
      return "outbox";
    }

    /**
     * The code of a given flow, for concurrent callers: the flow's stored HMAC is checked against
     * each code sent so far (the fixture knows the key only through the service, so it asks it).
     */
    String codeFor(String flowId) {
      String hash = flowHash.apply(flowId);
      for (int i = messages.size() - 1; i >= 0; i--) {
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(i).body());
        if (m.find() && codes.matches(flowId, m.group(1), hash)) {
          return m.group(1);
        }
      }
      throw new AssertionError("no code for flow " + flowId);
    }

    volatile OneTimeCodes codes;
    volatile java.util.function.Function<String, String> flowHash;

    String lastCode() {
      Matcher m =
          Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(messages.size() - 1).body());
      if (!m.find()) {
        throw new AssertionError("no code in the last message");
      }
      return m.group(1);
    }
  }
}
