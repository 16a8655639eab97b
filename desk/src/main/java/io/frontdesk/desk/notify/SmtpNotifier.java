package io.frontdesk.desk.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail through an SMTP relay with Jakarta Mail (Eclipse Angus): STARTTLS on 587 by default,
 * implicit TLS on 465, or plain for a local relay. E-mail only. Timeouts are bounded so a dead
 * relay cannot hold a worker thread.
 */
public final class SmtpNotifier implements Notifier {
  private final Session session;
  private final InternetAddress from;

  public SmtpNotifier(NotifyConfig c) {
    Properties p = new Properties();
    String proto = "tls".equals(c.smtpSecurity()) ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", c.smtpHost());
    p.put("mail." + proto + ".port", String.valueOf(c.smtpPort()));
    p.put("mail." + proto + ".connectiontimeout", String.valueOf(c.timeoutMs()));
    p.put("mail." + proto + ".timeout", String.valueOf(c.timeoutMs()));
    p.put("mail." + proto + ".writetimeout", String.valueOf(c.timeoutMs()));
    if ("starttls".equals(c.smtpSecurity())) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if ("tls".equals(c.smtpSecurity())) {
      p.put("mail.smtps.ssl.checkserveridentity", "true");
    }
    Authenticator auth = null;
    if (c.smtpUsername() != null) {
      p.put("mail." + proto + ".auth", "true");
      String user = c.smtpUsername();
      String secret = c.smtpSecret() == null ? "" : c.smtpSecret();
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, secret);
            }
          };
    }
    this.session = Session.getInstance(p, auth);
    try {
      this.from = new InternetAddress(c.smtpFrom(), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException(NotifyConfig.SMTP_FROM + " is not an e-mail address");
    }
  }

  @Override
  public boolean supports(String contactKind) {
    return "email".equals(contactKind);
  }

  @Override
  public void send(Contact to, OutboundMessage message) {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(from);
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to.address(), true));
      m.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      m.setText(message.body(), StandardCharsets.UTF_8.name());
      m.setSentDate(new Date());
      Transport.send(m);
    } catch (MessagingException e) {
      throw new NotifyException(
          "the SMTP relay did not take the message: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String name() {
    return "smtp";
  }
}
