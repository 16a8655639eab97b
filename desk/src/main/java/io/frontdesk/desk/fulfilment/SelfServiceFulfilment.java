package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.directory.Directory;
import io.frontdesk.desk.directory.DirectoryAccount;
import io.frontdesk.desk.directory.DirectoryException;
import io.frontdesk.desk.fulfilment.Outcome.Status;
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
 * account's registered contact; {@link #verify} checks the code and makes the change, records it as
 * a resolved REQ and says what happened. Blocking (directory, store, mail): call through {@code
 * Blocking}. Never throws for an expected failure: every one is an {@link Outcome} with a message
 * for the person. A temporary password exists only in memory, in the returned outcome.
 */
public final class SelfServiceFulfilment {
  private static final Logger LOG = LoggerFactory.getLogger(SelfServiceFulfilment.class);

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

  public SelfServiceFulfilment(
      UserRepository users,
      Directory directory,
      Notifier notifier,
      FlowRepository flows,
      RateLimits limits,
      FulfilmentTickets tickets,
      FulfilmentOptions options,
      SecureRandom random,
      Clock clock) {
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
  }

  /** Checks the person and the account, then sends a one-time code. */
  public Outcome start(StartRequest req) {
    Principal p = req.requester();
    FulfilmentKind kind = req.kind();
    Instant now = clock.instant();
    if (kind == FulfilmentKind.RESET
        && "show".equals(options.passwordDelivery())
        && !req.privateConversation()) {
      return Outcome.of(
          Status.NOT_ALLOWED_HERE,
          "I can only reset a password in a private chat with me, so nobody else sees the"
              + " temporary password. Message me directly and ask again.");
    }
    Optional<User> found = users.byId(p.id());
    if (found.isEmpty() || p.isSchoolUser() || found.get().schoolId() != null) {
      return Outcome.of(
          Status.NOT_ALLOWED_HERE,
          "School portal accounts are not in the council directory. Use \"Forgot your password?\""
              + " on the portal sign-in page instead.");
    }
    User user = found.get();
    if (!limits.tryAcquire(
            "user:" + user.id(), options.userStartsPerHour(), Duration.ofHours(1), now)
        || !limits.tryAcquire("all", options.startsPerHour(), Duration.ofHours(1), now)) {
      return Outcome.of(
          Status.RATE_LIMITED,
          "There have been too many requests. Please wait an hour and try again, or call the"
              + " Service Desk.");
    }
    if (user.disabled()) {
      return disabled();
    }
    DirectoryAccount account;
    try {
      Optional<DirectoryAccount> a = directory.find(user.upn(), user.aadObjectId());
      if (a.isEmpty()) {
        return Outcome.of(
            Status.ACCOUNT_NOT_FOUND,
            "I could not find your account in the directory, so I cannot "
                + verb(kind)
                + " it. Please call the Service Desk.");
      }
      account = a.get();
    } catch (DirectoryException e) {
      return directoryFailed(user, kind, req.channel(), e, "looking up the account");
    }
    if (account.disabled() || account.leaver()) {
      return disabled();
    }
    if (isPrivileged(user, account)) {
      String ref =
          tickets
              .forAgent(
                  user,
                  kind,
                  req.channel(),
                  "Self-service refused: "
                      + user.upn()
                      + " is a privileged or protected account. Verify the person in person or by"
                      + " a known route before acting.",
                  options.escalationGroup())
              .reference();
      audit(user, kind, "refused-privileged", null);
      return Outcome.of(
          Status.REFUSED_PRIVILEGED,
          "Your account has administrator or protected access, so I cannot "
              + verb(kind)
              + " it myself. I have raised "
              + ref
              + " and the Service Desk will contact you to check it is you.",
          ref);
    }
    if (kind == FulfilmentKind.UNLOCK && !account.locked()) {
      return Outcome.of(
          Status.NOT_LOCKED,
          "Your account is not locked, so there is nothing to unlock. If you have forgotten your"
              + " password, ask me to reset it.");
    }
    if (kind == FulfilmentKind.UNLOCK && !directory.supportsUnlock()) {
      return Outcome.of(
          Status.NOT_ALLOWED_HERE,
          "Sign-in lockouts clear themselves after a few minutes here. If you have forgotten your"
              + " password, ask me to reset it.");
    }
    Optional<Contact> contact = contactFor(account);
    if (contact.isEmpty()) {
      return Outcome.of(
          Status.NO_CONTACT,
          "Your account has no registered e-mail address or mobile number to send a code to,"
              + " so I cannot check it is you. Please call the Service Desk.");
    }
    String flowId = newFlowId();
    String code = codes.newCode();
    Instant expires = now.plus(options.codeTtl());
    flows.insert(
        new Document("_id", flowId)
            .append("userId", user.id())
            .append("kind", kind.wire())
            .append("channel", req.channel().wire())
            .append("accountId", account.id())
            .append("contact", contact.get().toString())
            .append("codeHash", codes.hash(flowId, code))
            .append("attempts", 0)
            .append("status", FlowRepository.PENDING)
            .append("createdAt", Date.from(now))
            .append("expiresAt", Date.from(expires)));
    try {
      notifier.send(
          contact.get(),
          new OutboundMessage(
              "Your verification code",
              "Your code to "
                  + verb(kind)
                  + " your account is "
                  + code
                  + ". It expires in "
                  + options.codeTtl().toMinutes()
                  + " minutes. If you did not ask for this, tell the IT Service Desk."));
    } catch (RuntimeException e) {
      flows.move(flowId, FlowRepository.PENDING, FlowRepository.ABANDONED, now);
      LOG.warn("Could not send a one-time code through {}: {}", notifier.name(), e.getMessage());
      return Outcome.of(
          Status.SEND_FAILED,
          "I could not send you a code just now, so nothing has changed. Please try again in a"
              + " few minutes or call the Service Desk.");
    }
    return new Outcome(
        Status.CODE_SENT,
        "I have sent a 6-digit code to "
            + contact.get().masked()
            + ". Type it here to "
            + verb(kind)
            + " your account. It expires in "
            + options.codeTtl().toMinutes()
            + " minutes.",
        flowId,
        contact.get().masked(),
        expires,
        options.codeAttempts(),
        null,
        null);
  }

  /** Checks the code and, if right, makes the change. Only the person who started may finish. */
  public Outcome verify(Principal requester, String flowId, String code) {
    Instant now = clock.instant();
    Optional<Document> f = flowId == null ? Optional.empty() : flows.byId(flowId);
    if (f.isEmpty() || !requester.id().equals(f.get().getString("userId"))) {
      return Outcome.of(
          Status.UNKNOWN_FLOW,
          "I have no code request of yours waiting. Ask me again to start over.");
    }
    Document flow = f.get();
    if (!FlowRepository.PENDING.equals(flow.getString("status"))) {
      return FlowRepository.FAILED.equals(flow.getString("status"))
          ? tooMany()
          : Outcome.of(
              Status.UNKNOWN_FLOW, "That code request has finished. Ask me again to start over.");
    }
    if (!now.isBefore(flow.getDate("expiresAt").toInstant())) {
      flows.move(flowId, FlowRepository.PENDING, FlowRepository.EXPIRED, now);
      return Outcome.of(
          Status.EXPIRED,
          "That code has expired, so nothing has changed. Ask me again for a new one.");
    }
    Optional<Document> before = flows.takeAttempt(flowId, options.codeAttempts());
    if (before.isEmpty()) {
      return tooMany();
    }
    int used = before.get().getInteger("attempts", 0) + 1;
    User user = users.byId(requester.id()).orElseThrow();
    FulfilmentKind kind = FulfilmentKind.parse(flow.getString("kind"));
    Channel channel = Channel.valueOf(flow.getString("channel").toUpperCase(Locale.ROOT));
    if (!codes.matches(flowId, code, flow.getString("codeHash"))) {
      int left = options.codeAttempts() - used;
      if (left > 0) {
        return new Outcome(
            Status.WRONG_CODE,
            "That code is not right. You have " + left + (left == 1 ? " try" : " tries") + " left.",
            flowId,
            null,
            flow.getDate("expiresAt").toInstant(),
            left,
            null,
            null);
      }
      flows.move(flowId, FlowRepository.PENDING, FlowRepository.FAILED, now);
      audit(user, kind, "too-many-codes", flowId);
      long failures = flows.failuresSince(user.id(), now.minus(Duration.ofHours(24)));
      if (failures >= options.alertAfterFailures()) {
        String ref = tickets.securityAlert(user, channel, failures).reference();
        LOG.warn("Security alert {}: repeated failed verification for user {}", ref, user.id());
      }
      return tooMany();
    }
    if (!flows.move(flowId, FlowRepository.PENDING, FlowRepository.VERIFIED, now)) {
      return Outcome.of(Status.UNKNOWN_FLOW, "That code has already been used.");
    }
    return change(user, kind, channel, flow, now);
  }

  private Outcome change(
      User user, FulfilmentKind kind, Channel channel, Document flow, Instant now) {
    DirectoryAccount account;
    try {
      // Read again: the account may have changed (locked, disabled, promoted) since the code went.
      account = directory.find(user.upn(), user.aadObjectId()).orElse(null);
      if (account == null
          || account.disabled()
          || account.leaver()
          || isPrivileged(user, account)) {
        flows.move(flow.getString("_id"), FlowRepository.VERIFIED, FlowRepository.ABANDONED, now);
        return account == null
            ? Outcome.of(Status.ACCOUNT_NOT_FOUND, "Your account is no longer in the directory.")
            : account.disabled() || account.leaver()
                ? disabled()
                : Outcome.of(
                    Status.REFUSED_PRIVILEGED,
                    "Your account now has protected access, so I cannot change it. Please call the"
                        + " Service Desk.");
      }
      char[] temporary = null;
      try {
        if (kind == FulfilmentKind.RESET) {
          temporary = options.passwordPolicy().generate(random, account.login());
          directory.resetPassword(account, temporary);
        } else {
          directory.unlock(account);
        }
        flows.move(flow.getString("_id"), FlowRepository.VERIFIED, FlowRepository.DONE, now);
        String ref = recordDone(user, kind, channel, flow, account, now);
        return done(kind, account, temporary, ref);
      } finally {
        if (temporary != null) {
          Arrays.fill(temporary, '\0');
        }
      }
    } catch (DirectoryException e) {
      flows.move(flow.getString("_id"), FlowRepository.VERIFIED, FlowRepository.ABANDONED, now);
      return directoryFailed(user, kind, channel, e, "making the change");
    }
  }

  private String recordDone(
      User user,
      FulfilmentKind kind,
      Channel channel,
      Document flow,
      DirectoryAccount account,
      Instant now) {
    Document details =
        new Document("requestedBy", user.id())
            .append("identity", channel == Channel.TEAMS ? "teams-entra-id" : "portal-sign-in")
            .append("verifiedBy", "one-time code to " + flow.getString("contact"))
            .append("directory", directory.kind())
            .append("account", account.login())
            .append(
                "changed",
                kind == FulfilmentKind.RESET
                    ? "temporary password set; change forced at next sign-in; lockout cleared"
                    : "lockout cleared; password unchanged")
            .append(
                "passwordDelivery",
                kind == FulfilmentKind.RESET ? options.passwordDelivery() : null)
            .append("at", Date.from(now));
    try {
      return tickets
          .fulfilled(
              user.principal(),
              kind,
              channel,
              kind == FulfilmentKind.RESET
                  ? "Password reset by self-service after a one-time code."
                  : "Account unlocked by self-service after a one-time code.",
              details)
          .reference();
    } catch (RuntimeException e) {
      // The change is made and cannot be half-undone; the audit gap is logged loudly instead.
      LOG.error(
          "Fulfilment for user {} was made but its audit ticket failed: {}",
          user.id(),
          e.toString());
      return null;
    }
  }

  private Outcome done(
      FulfilmentKind kind, DirectoryAccount account, char[] temporary, String ref) {
    String audit = ref == null ? "" : " (reference " + ref + ")";
    if (kind == FulfilmentKind.UNLOCK) {
      return Outcome.of(
          Status.UNLOCKED,
          "Your account is unlocked" + audit + ". Your password has not changed.",
          ref);
    }
    if ("notify".equals(options.passwordDelivery())) {
      Contact to = contactFor(account).orElseThrow();
      notifier.send(
          to,
          new OutboundMessage(
              "Your temporary password",
              "Your temporary password is "
                  + new String(temporary)
                  + " . You will be asked to choose a new one when you sign in."));
      return Outcome.of(
          Status.PASSWORD_RESET,
          "Your password has been reset"
              + audit
              + ". I have sent a temporary password to "
              + to.masked()
              + ". You will choose a new one when you sign in.",
          ref);
    }
    return new Outcome(
        Status.PASSWORD_RESET,
        "Your password has been reset"
            + audit
            + ". Sign in with the temporary password shown here; you will be asked to choose a"
            + " new one straight away. It is shown only once.",
        null,
        null,
        null,
        null,
        new String(temporary),
        ref);
  }

  private Outcome directoryFailed(
      User user, FulfilmentKind kind, Channel channel, DirectoryException e, String during) {
    LOG.warn(
        "Directory {} failed while {} for user {}: {}",
        directory.kind(),
        during,
        user.id(),
        e.getMessage());
    if (e.reason() == DirectoryException.Reason.REFUSED) {
      String ref =
          tickets
              .forAgent(
                  user,
                  kind,
                  channel,
                  "The directory refused the self-service change: " + e.getMessage(),
                  options.escalationGroup())
              .reference();
      return Outcome.of(
          Status.DIRECTORY_UNAVAILABLE,
          "The directory would not make the change, so nothing has changed. I have raised "
              + ref
              + " for the Service Desk.",
          ref);
    }
    String ref =
        tickets
            .forAgent(
                user,
                kind,
                channel,
                "Self-service could not reach the directory while "
                    + during
                    + ": "
                    + e.getMessage(),
                options.escalationGroup())
            .reference();
    return Outcome.of(
        Status.DIRECTORY_UNAVAILABLE,
        "I cannot reach the account directory just now, so nothing has changed. I have raised "
            + ref
            + " and the Service Desk will "
            + verb(kind)
            + " your account for you.",
        ref);
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
    Contact first = "sms".equals(options.codeChannel()) ? sms : email;
    Contact second = "sms".equals(options.codeChannel()) ? email : sms;
    if (first != null && notifier.supports(first.kind())) {
      return Optional.of(first);
    }
    if (second != null && notifier.supports(second.kind())) {
      return Optional.of(second);
    }
    return Optional.empty();
  }

  private void audit(User user, FulfilmentKind kind, String what, String flowId) {
    LOG.info(
        "Self-service {} for user {}: {}{}",
        kind.wire(),
        user.id(),
        what,
        flowId == null ? "" : " (flow " + flowId + ")");
  }

  private Outcome tooMany() {
    return Outcome.of(
        Status.TOO_MANY_ATTEMPTS,
        "That is too many wrong codes, so I have stopped this request and nothing has changed."
            + " Ask me again later, or call the Service Desk.");
  }

  private static Outcome disabled() {
    return Outcome.of(
        Status.REFUSED_DISABLED,
        "Your account is disabled or has ended, so it cannot be reset or unlocked here. If you"
            + " think that is wrong, speak to your manager or the Service Desk.");
  }

  private String newFlowId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String verb(FulfilmentKind kind) {
    return kind == FulfilmentKind.RESET ? "reset" : "unlock";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
