package io.frontdesk.knowledge;

import io.frontdesk.core.http.ApiException;
import java.util.List;
import java.util.Locale;

/**
 * Who an article is for (CONTRACT.md): staff see staff and all; school users see schools and all.
 */
public enum Audience {
  STAFF,
  SCHOOLS,
  ALL;

  /** The stored and exported spelling: staff, schools, all. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** An article's audience as written in front matter or JSON; 400 for anything else. */
  public static Audience parseArticle(String value) {
    if (value != null) {
      for (Audience a : values()) {
        if (a.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
          return a;
        }
      }
    }
    throw ApiException.badRequest("audience must be staff, schools or all, got '" + value + "'");
  }

  /** A reader's audience: staff or schools only (a reader is never "all"); 400 otherwise. */
  public static Audience parseReader(String value) {
    Audience a = parseArticle(value == null || value.isBlank() ? "staff" : value);
    if (a == ALL) {
      throw ApiException.badRequest("audience must be staff or schools");
    }
    return a;
  }

  /** The article audiences this reader may see. */
  public List<Audience> visible() {
    return switch (this) {
      case STAFF -> List.of(STAFF, ALL);
      case SCHOOLS -> List.of(SCHOOLS, ALL);
      case ALL -> List.of(STAFF, SCHOOLS, ALL);
    };
  }

  public boolean canSee(Audience article) {
    return visible().contains(article);
  }
}
