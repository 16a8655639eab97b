package io.frontdesk.desk.notify;

import java.util.Map;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify, through its official Java client, for e-mail and SMS. The templates take two
 * placeholders, {@code ((subject))} and {@code ((body))}, so one template per channel serves every
 * message (docs/FULFILMENT.md). Notify keeps message content for its retention period; that is the
 * out-of-band channel, as a mailbox is.
 */
public final class GovUkNotifyNotifier implements Notifier {
  private final NotificationClient client;
  private final String emailTemplate;
  private final String smsTemplate;

  /**
   * @param apiKey a Notify API key ({@code name-serviceId-secret}); never logged
   * @param baseUrl the Notify API ({@code https://api.notifications.service.gov.uk})
   */
  public GovUkNotifyNotifier(
      String apiKey, String baseUrl, String emailTemplate, String smsTemplate) {
    this.client = new NotificationClient(apiKey, baseUrl);
    this.emailTemplate = emailTemplate;
    this.smsTemplate = smsTemplate;
  }

  @Override
  public boolean supports(String contactKind) {
    return "email".equals(contactKind) ? emailTemplate != null : smsTemplate != null;
  }

  @Override
  public void send(Contact to, OutboundMessage message) {
    Map<String, String> fields = Map.of("subject", message.subject(), "body", message.body());
    try {
      if (to.isEmail()) {
        client.sendEmail(emailTemplate, to.address(), fields, null);
      } else {
        client.sendSms(smsTemplate, to.address(), fields, null);
      }
    } catch (NotificationClientException e) {
      // Notify's error text describes the request's problem, not its content.
      throw new NotifyException(
          "GOV.UK Notify refused the message (HTTP " + e.getHttpResult() + ")");
    } catch (RuntimeException e) {
      throw new NotifyException(
          "GOV.UK Notify could not be reached: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String name() {
    return "govuk-notify";
  }
}
