package io.frontdesk.portal.auth;

import io.vertx.core.Future;

/**
 * Sends the portal's e-mails (invitations, password-reset links). The body carries a single-use
 * link, so implementations must never log or store it.
 */
public interface Mailer {
  Future<Void> send(String to, String subject, String body);

  /** For a server without mail configured: nothing is sent, and nothing of the body is logged. */
  Mailer DISABLED =
      (to, subject, body) -> {
        org.slf4j.LoggerFactory.getLogger(Mailer.class)
            .warn("No mail server is configured, so '{}' was not sent", subject);
        return Future.succeededFuture();
      };
}
