package io.frontdesk.core.config;

import java.util.regex.Pattern;

/** Masks credentials in values that are about to be shown in a log line or an error message. */
public final class Redaction {
  private static final Pattern URI_CREDENTIALS = Pattern.compile("(://[^:/@\\s]+:)[^@\\s]+@");

  private Redaction() {}

  /** mongodb://user:secret@host becomes mongodb://user:****@host. */
  public static String uri(String uri) {
    return uri == null ? null : URI_CREDENTIALS.matcher(uri).replaceAll("$1****@");
  }
}
