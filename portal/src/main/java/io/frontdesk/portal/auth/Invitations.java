package io.frontdesk.portal.auth;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.people.User;
import io.frontdesk.portal.pages.AccountPages;
import io.vertx.core.Future;

/**
 * Invites a school's member of staff to set their portal password: a single-use link (only its hash
 * is stored, {@link AccountTokens}) e-mailed to them. Used by a school admin's invitation form and
 * by the desk's admins when they add school staff.
 */
public final class Invitations {
  private final AccountTokens tokens;
  private final Mailer mailer;
  private final Blocking blocking;
  private final String baseUrl;
  private final String serviceName;

  public Invitations(
      AccountTokens tokens, Mailer mailer, Blocking blocking, String baseUrl, String serviceName) {
    this.tokens = tokens;
    this.mailer = mailer;
    this.blocking = blocking;
    this.baseUrl = baseUrl;
    this.serviceName = serviceName;
  }

  /** Sends {@code to} an invitation from {@code fromName}. */
  public Future<Void> send(User to, String fromName) {
    return blocking
        .call(() -> tokens.issue(AccountTokens.INVITE, to.id(), AccountPages.INVITE_TTL))
        .compose(
            token ->
                mailer.send(
                    to.email(),
                    "You are invited to " + serviceName,
                    "Hello "
                        + to.displayName()
                        + ",\n\n"
                        + fromName
                        + " has invited you to raise and follow IT tickets for your school on "
                        + serviceName
                        + ". To create your password, open this link within 7 days:\n\n"
                        + baseUrl
                        + "/accept-invitation?token="
                        + token
                        + "\n\nThe link works once.\n"));
  }
}
