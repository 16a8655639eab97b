package io.frontdesk.desk.notify;

import java.util.Locale;

/**
 * Where an out-of-band message goes: an e-mail address or a mobile number.
 *
 * @param kind "email" or "sms"
 */
public record Contact(String kind, String address) {
  public static Contact email(String address) {
    return new Contact("email", address);
  }

  public static Contact sms(String number) {
    return new Contact("sms", number);
  }

  public boolean isEmail() {
    return "email".equals(kind);
  }

  /** For showing to the person ("j****@n****.gov.uk", "*******0123"); never the full address. */
  public String masked() {
    if (isEmail()) {
      int at = address.indexOf('@');
      if (at < 1) {
        return "****";
      }
      String domain = address.substring(at + 1);
      int dot = domain.indexOf('.');
      String host = dot < 0 ? domain : domain.substring(0, dot);
      String rest = dot < 0 ? "" : domain.substring(dot);
      return address.charAt(0)
          + "****@"
          + (host.isEmpty() ? "" : host.charAt(0) + "****")
          + rest.toLowerCase(Locale.ROOT);
    }
    String digits = address.replaceAll("[^0-9]", "");
    return digits.length() <= 3 ? "****" : "*******" + digits.substring(digits.length() - 3);
  }

  @Override
  public String toString() {
    return kind + ":" + masked();
  }
}
