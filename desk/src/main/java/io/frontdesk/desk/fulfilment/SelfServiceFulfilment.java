package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.directory.Directory;
import io.frontdesk.desk.directory.DirectoryAccount;
import io.frontdesk.desk.directory.DirectoryException;
import io.frontdesk.desk.notify.Contact;
import io.frontdesk.desk.notify.Notifier;
import io.frontdesk.desk.notify.OutboundMessage;
import io.frontdesk.desk.people.User;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.ticket.Channel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-service password reset and account unlock, the same for the bot and the portal: {@link
 * #start} checks who is asking and whether self-service may act, then sends a one-time code to the
 * account's registered contact; {@link #verify} checks the code, makes the change, records it as a
 * resolved REQ and says what happened. Blocking (directory, store, mail): call through {@code
 * Blocking}. Expected failures are never exceptions but an {@link Outcome} with a message for the
 * person. A temporary password exists only in memory and in the returned outcome.
 */
public final class SelfServiceFulfilment {
  private static final Logger LOG = LoggerFactory.getLogger(SelfServiceFulfilment.class);
  private static final Duration HOUR = Duration.ofHours(1);

  private final UserRepository users;
  private final Directory directory;
  private final Notifier notifier;
  private final FlowRepository flows;
  private final RateLimits limits;
  private final FulfilmentTickets tickets;
  private final FulfilmentOptions options;
  private final OneTimeCodes codes;
  private final SecureRandom random;
  private final Clock clock;
  private final OutcomeListener listener;

  public SelfServiceFulfilment(
      UserRepository users,
      Directory directory,
      Notifier notifier,
      FlowRepository flows,
      RateLimits limits,
      FulfilmentTickets tickets,
      FulfilmentOptions options,
      SecureRandom random,
      Clock clock,
      OutcomeListener listener) {
    this.users = users;
    this.directory = directory;
    this.notifier = notifier;
    this.flows = flows;
    this.limits = limits;
    this.tickets = tickets;
    this.options = options;
    this.codes = new OneTimeCodes(options.codeKey(), random);
    this.random = random;
    this.clock = clock;
    this.listener = listener;
  }

  /** Checks the person and the account, then sends a one-time code to the registered contact. */
  public Outcome start(StartRequest req) {
    return counted(req.kind(), doStart(req));
  }

  private Outcome counted(FulfilmentKind kind, Outcome o) {
    try {
      listener.outcome(kind, o.status());
    } catch (RuntimeException e) {
      LOG.warn("A fulfilment outcome listener failed: {}", e.toString());
    }
    return o;
  }

  private Outcome doStart(StartRequest req) {
    Principal p = req.requester();
    FulfilmentKind kind = req.kind();
    Instant now = clock.instant();
    if (kind == FulfilmentKind.RESET
        && "show".equals(options.passwordDelivery())
        && !req.privateConversation()) {
      return Messages.notPrivate();
    }
    Optional<User> found = users.byId(p.id());
    if (found.isEmpty() || p.isSchoolUser() || found.get().schoolId() != null) {
      return Messages.schoolAccount();
    }
    User user = found.get();
    if (!limits.tryAcquire("user:" + user.id(), options.userStartsPerHour(), HOUR, now)
        || !limits.tryAcquire("all", options.startsPerHour(), HOUR, now)) {
      audit(user, kind, "rate-limited", null);
      return Messages.rateLimited();
    }
    if (user.disabled()) {
      return Messages.disabled();
    }
    DirectoryAccount account;
    try {
      Optional<DirectoryAccount> a = directory.find(user.upn(), user.aadObjectId());
      if (a.isEmpty()) {
        return Messages.notFound(kind);
      }
      account = a.get();
    } catch (DirectoryException e) {
      return directoryFailed(user, kind, req.channel(), e, "looking up the account");
    }
    if (account.disabled() || account.leaver()) {
      audit(user, kind, "refused-disabled", null);
      return Messages.disabled();
    }
    if (isPrivileged(user, account)) {
      return Messages.privileged(
          kind, escalate(user, kind, req.channel(), "is a privileged or protected account"));
    }
    if (kind == FulfilmentKind.RESET && account.passwordNeverExpires()) {
      return Messages.neverExpires(
          escalate(
              user,
              kind,
              req.channel(),
              "has 'password never expires' set, so a reset could not force a change"));
    }
    if (kind == FulfilmentKind.UNLOCK && !directory.supportsUnlock()) {
      return Messages.unlockNotNeeded();
    }
    if (kind == FulfilmentKind.UNLOCK && !account.locked()) {
      return Messages.notLocked();
    }
    Optional<Contact> contact = contactFor(account);
    if (contact.isEmpty()) {
      return Messages.noContact();
    }
    return sendCode(user, kind, req.channel(), account, contact.get(), now);
  }

  /** Refuses politely: a REQ for an agent, who checks it is the person by a known route. */
  private String escalate(User user, FulfilmentKind kind, Channel channel, String reason) {
    String why =
        "Self-service refused: "
            + user.upn()
            + " "
            + reason
            + ". Check it is the person by a known route before acting.";
    String ref = tickets.forAgent(user, kind, channel, why, options.escalationGroup()).reference();
    audit(user, kind, "refused (" + reason + "), raised " + ref, null);
    return ref;
  }

  private Outcome sendCode(
      User user,
      FulfilmentKind kind,
      Channel channel,
      DirectoryAccount account,
      Contact contact,
      Instant now) {
    String flowId = newFlowId();
    String code = codes.newCode();
    Instant expires = now.plus(options.codeTtl());
    flows.insert(
        new Document("_id", flowId)
            .append("userId", user.id())
            .append("kind", kind.wire())
            .append("channel", channel.wire())
            .append("accountId", account.id())
            .append("contact", contact.toString())
            .append("codeHash", codes.hash(flowId, code))
            .append("attempts", 0)
            .append("status", FlowRepository.PENDING)
            .append("createdAt", Date.from(now))
            .append("expiresAt", Date.from(expires)));
    try {
      notifier.send(
          contact,
          new OutboundMessage(
              "Your verification code", Messages.codeBody(kind, code, options.codeTtl())));
    } catch (RuntimeException e) {
      flows.move(flowId, FlowRepository.PENDING, FlowRepository.ABANDONED, now);
      LOG.warn("Could not send a one-time code through {}: {}", notifier.name(), e.getMessage());
      return Messages.sendFailed();
    }
    audit(user, kind, "code sent to " + contact, flowId);
    return Messages.codeSent(
        kind, flowId, contact.masked(), expires, options.codeTtl(), options.codeAttempts());
  }

  /** Checks the code and, if right, makes the change. Only the person who started may finish. */
  public Outcome verify(Principal requester, String flowId, String code) {
    Optional<Document> f = flowId == null ? Optional.empty() : flows.byId(flowId);
    if (f.isEmpty() || !requester.id().equals(f.get().getString("userId"))) {
      return Messages.unknownFlow();
    }
    return counted(
        FulfilmentKind.parse(f.get().getString("kind")), doVerify(requester, f.get(), code));
  }

  private Outcome doVerify(Principal requester, Document flow, String code) {
    Instant now = clock.instant();
    String flowId = flow.getString("_id");
    String status = flow.getString("status");
    if (!FlowRepository.PENDING.equals(status)) {
      return FlowRepository.FAILED.equals(status) ? Messages.tooMany() : Messages.finished();
    }
    Instant expires = flow.getDate("expiresAt").toInstant();
    if (!now.isBefore(expires)) {
      flows.move(flowId, FlowRepository.PENDING, FlowRepository.EXPIRED, now);
      return Messages.expired();
    }
    Optional<Document> before = flows.takeAttempt(flowId, options.codeAttempts());
    if (before.isEmpty()) {
      return Messages.tooMany();
    }
    int used = before.get().getInteger("attempts", 0) + 1;
    User user = users.byId(requester.id()).orElseThrow();
    FulfilmentKind kind = FulfilmentKind.parse(flow.getString("kind"));
    Channel channel = Channel.valueOf(flow.getString("channel").toUpperCase(Locale.ROOT));
    if (!codes.matches(flowId, code, flow.getString("codeHash"))) {
      int left = options.codeAttempts() - used;
      if (left > 0) {
        return Messages.wrongCode(flowId, expires, left);
      }
      flows.move(flowId, FlowRepository.PENDING, FlowRepository.FAILED, now);
      audit(user, kind, "too many wrong codes", flowId);
      long failures = flows.failuresSince(user.id(), now.minus(Duration.ofHours(24)));
      if (failures >= options.alertAfterFailures()) {
        String ref = tickets.securityAlert(user, channel, failures).reference();
        LOG.warn("Raised {} in the security queue: repeated failed verification", ref);
      }
      return Messages.tooMany();
    }
    if (!flows.move(flowId, FlowRepository.PENDING, FlowRepository.VERIFIED, now)) {
      return Messages.finished();
    }
    return change(user, kind, channel, flow, now);
  }

  private Outcome change(
      User user, FulfilmentKind kind, Channel channel, Document flow, Instant now) {
    String flowId = flow.getString("_id");
    char[] temporary = null;
    try {
      // Read again: the account may have been disabled or promoted since the code went out.
      DirectoryAccount account = directory.find(user.upn(), user.aadObjectId()).orElse(null);
      if (account == null
          || account.disabled()
          || account.leaver()
          || isPrivileged(user, account)
          || (kind == FulfilmentKind.RESET && account.passwordNeverExpires())) {
        flows.move(flowId, FlowRepository.VERIFIED, FlowRepository.ABANDONED, now);
        return account == null
            ? Messages.notFound(kind)
            : account.disabled() || account.leaver()
                ? Messages.disabled()
                : Messages.changedMeanwhile();
      }
      if (kind == FulfilmentKind.RESET) {
        temporary = options.passwordPolicy().generate(random, account.login());
        directory.resetPassword(account, temporary);
      } else {
        directory.unlock(account);
      }
      flows.move(flowId, FlowRepository.VERIFIED, FlowRepository.DONE, now);
      audit(user, kind, "done in " + directory.kind(), flowId);
      String ref = recordDone(user, kind, channel, flow, account, now);
      return done(kind, account, temporary, ref);
    } catch (DirectoryException e) {
      flows.move(flowId, FlowRepository.VERIFIED, FlowRepository.ABANDONED, now);
      return directoryFailed(user, kind, channel, e, "making the change");
    } finally {
      if (temporary != null) {
        Arrays.fill(temporary, '\0');
      }
    }
  }

  private String recordDone(
      User user,
      FulfilmentKind kind,
      Channel channel,
      Document flow,
      DirectoryAccount account,
      Instant now) {
    boolean reset = kind == FulfilmentKind.RESET;
    Document details =
        new Document("requestedBy", user.id())
            .append("identity", identity(channel))
            .append("verifiedBy", "one-time code to " + flow.getString("contact"))
            .append("directory", directory.kind())
            .append("account", account.login())
            .append(
                "changed",
                reset
                    ? "temporary password set; change forced at next sign-in; lockout cleared"
                    : "lockout cleared; password unchanged")
            .append("passwordDelivery", reset ? options.passwordDelivery() : "none")
            .append("at", Date.from(now));
    String summary =
        reset
            ? "Password reset by self-service after a one-time code."
            : "Account unlocked by self-service after a one-time code.";
    try {
      return tickets.fulfilled(user.principal(), kind, channel, summary, details).reference();
    } catch (RuntimeException e) {
      // The change is made and must not be half-undone; the audit gap is logged loudly instead.
      LOG.error(
          "Fulfilment for {} was made but its audit ticket failed: {}", user.id(), e.toString());
      return null;
    }
  }

  private Outcome done(
      FulfilmentKind kind, DirectoryAccount account, char[] temporary, String ref) {
    if (kind == FulfilmentKind.UNLOCK) {
      return Messages.unlocked(ref);
    }
    if ("notify".equals(options.passwordDelivery())) {
      Contact to = contactFor(account).orElseThrow();
      try {
        notifier.send(
            to,
            new OutboundMessage(
                "Your temporary password",
                "Your temporary password is "
                    + new String(temporary)
                    + " . You will be asked to choose a new one when you sign in."));
      } catch (RuntimeException e) {
        LOG.error("The temporary password could not be sent for {}: {}", ref, e.getMessage());
      }
      return Messages.resetSent(ref, to.masked());
    }
    return Messages.resetShown(ref, new String(temporary));
  }

  private Outcome directoryFailed(
      User user, FulfilmentKind kind, Channel channel, DirectoryException e, String during) {
    LOG.warn("Directory {} failed while {}: {}", directory.kind(), during, e.getMessage());
    boolean refused = e.reason() == DirectoryException.Reason.REFUSED;
    String why =
        (refused
                ? "The directory refused the self-service change: "
                : "Self-service could not reach the directory while " + during + ": ")
            + e.getMessage();
    String ref = tickets.forAgent(user, kind, channel, why, options.escalationGroup()).reference();
    return refused ? Messages.directoryRefused(ref) : Messages.directoryDown(kind, ref);
  }

  boolean isPrivileged(User user, DirectoryAccount account) {
    if (user.privileged() || account.privileged()) {
      return true;
    }
    return account.groups().stream()
        .anyMatch(g -> options.protectedGroups().contains(g.toLowerCase(Locale.ROOT)));
  }

  private Optional<Contact> contactFor(DirectoryAccount a) {
    Contact email = blank(a.email()) ? null : Contact.email(a.email());
    Contact sms = blank(a.mobile()) ? null : Contact.sms(a.mobile());
    boolean smsFirst = "sms".equals(options.codeChannel());
    for (Contact c : smsFirst ? new Contact[] {sms, email} : new Contact[] {email, sms}) {
      if (c != null && notifier.supports(c.kind())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Told of every outcome (for metrics); never given a code or a password. */
  @FunctionalInterface
  public interface OutcomeListener {
    void outcome(FulfilmentKind kind, Outcome.Status status);

    OutcomeListener NONE = (kind, status) -> {};
  }

  /** Audit lines name the user id and what happened; never a code, password or contact. */
  private static void audit(User user, FulfilmentKind kind, String what, String flowId) {
    LOG.info(
        "Self-service {} for {}: {}{}",
        kind.wire(),
        user.id(),
        what,
        flowId == null ? "" : " (flow " + flowId.substring(0, 8) + ")");
  }

  private String newFlowId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** How the requester's identity was established, for the audit trail. */
  private static String identity(Channel channel) {
    return switch (channel) {
      case TEAMS -> "teams-entra-id";
      case PORTAL -> "portal-sign-in";
      default -> "api-principal";
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
