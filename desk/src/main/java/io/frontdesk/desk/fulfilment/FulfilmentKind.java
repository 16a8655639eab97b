package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.http.ApiException;
import java.util.Locale;

/** What the person asks for; each is a catalogue item, so the audit ticket names the item. */
public enum FulfilmentKind {
  RESET("password-reset"),
  UNLOCK("account-unlock");

  private final String catalogueItemId;

  FulfilmentKind(String catalogueItemId) {
    this.catalogueItemId = catalogueItemId;
  }

  public String catalogueItemId() {
    return catalogueItemId;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FulfilmentKind parse(String s) {
    if (s != null) {
      for (FulfilmentKind k : values()) {
        if (k.wire().equalsIgnoreCase(s.trim()) || k.catalogueItemId.equalsIgnoreCase(s.trim())) {
          return k;
        }
      }
    }
    throw ApiException.badRequest("kind must be reset or unlock");
  }
}
