package io.frontdesk.desk.catalogue;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.Document;

/**
 * The service catalogue: the services tickets are logged against, and the request items with their
 * forms. The services come from JSON configuration (the bundled {@code catalogue.json}, or a file
 * named by {@code FRONTDESK_DESK_CATALOGUE}); so do the items until the store holds them: admins
 * then add, edit and retire items ({@link CatalogueAdmin}) and every process picks the stored items
 * up with {@link #replace}. Reads never touch the store (they are served from memory, so the event
 * loop may call them). A retired item is no longer offered or requestable, but tickets raised from
 * it still find it by id.
 */
public final class Catalogue {
  public static final String RESOURCE = "/io/frontdesk/desk/catalogue.json";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final List<String> services;
  private volatile Items items;

  /** All items in order (retired included), by id, and the ids of the retired ones. */
  private record Items(
      List<CatalogueItem> ordered, Map<String, CatalogueItem> byId, Set<String> retired) {
    List<CatalogueItem> live() {
      return ordered.stream().filter(i -> !retired.contains(i.id())).toList();
    }
  }

  public Catalogue(JsonObject config) {
    this.services = config.getJsonArray("services").stream().map(Object::toString).toList();
    List<CatalogueItem> list = new ArrayList<>();
    config.getJsonArray("items").forEach(o -> list.add(CatalogueItem.fromJson((JsonObject) o)));
    replace(list, Set.of());
  }

  public static Catalogue bundled() {
    try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
      return new Catalogue(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled catalogue", e);
    }
  }

  public static Catalogue fromFile(Path file) throws IOException {
    return new Catalogue(new JsonObject(Files.readString(file)));
  }

  /**
   * Replaces the items (in this order) and which of them are retired, as one change readers see
   * whole. Every item is checked first; nothing changes if one is invalid.
   */
  public void replace(List<CatalogueItem> all, Set<String> retired) {
    Map<String, CatalogueItem> m = new LinkedHashMap<>();
    for (CatalogueItem item : all) {
      check(item);
      m.put(item.id(), item);
    }
    this.items = new Items(List.copyOf(m.values()), Map.copyOf(m), Set.copyOf(retired));
  }

  /** Throws IllegalArgumentException if the item cannot be offered (see {@link CatalogueAdmin}). */
  void check(CatalogueItem item) {
    if (item.id() == null || !item.id().matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("catalogue item ids are kebab-case: " + item.id());
    }
    if (!hasService(item.service())) {
      throw new IllegalArgumentException(
          "catalogue item " + item.id() + " names an unknown service " + item.service());
    }
    if (!List.of("none", "line-manager", "group").contains(item.approval())) {
      throw new IllegalArgumentException(item.id() + ": approval is none, line-manager or group");
    }
    if ("group".equals(item.approval()) && item.approverGroupId() == null) {
      throw new IllegalArgumentException(item.id() + ": group approval needs approval.groupId");
    }
    for (FormField f : item.fields()) {
      if (f.pattern() != null) {
        try {
          Pattern.compile(f.pattern());
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(item.id() + "." + f.name() + ": bad pattern");
        }
      }
    }
  }

  public List<String> services() {
    return services;
  }

  /** The canonical service name, case-insensitively, if it is in the catalogue. */
  public Optional<String> service(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return services.stream().filter(s -> s.equalsIgnoreCase(name.trim())).findFirst();
  }

  public boolean hasService(String name) {
    return service(name).isPresent();
  }

  /** The items on offer (not retired), in order. */
  public List<CatalogueItem> items() {
    return items.live();
  }

  /** Every item, retired ones included, in order (for the admin screens). */
  public List<CatalogueItem> allItems() {
    return items.ordered();
  }

  public boolean isRetired(String id) {
    return items.retired().contains(id);
  }

  public List<CatalogueItem> itemsFor(Principal p) {
    return items.live().stream().filter(i -> i.availableTo(p)).toList();
  }

  /** The item with this id, retired or not (tickets raised from it keep finding it). */
  public Optional<CatalogueItem> item(String id) {
    return Optional.ofNullable(id == null ? null : items.byId().get(id));
  }

  /**
   * The item if this person may request it; 404 otherwise (an item for the other desk is hidden).
   */
  public CatalogueItem requestable(String id, Principal p) {
    return item(id)
        .filter(i -> i.availableTo(p) && !isRetired(i.id()))
        .orElseThrow(
            () ->
                ApiException.notFound("There is no catalogue item '" + id + "' you can request."));
  }

  /**
   * Checks a submitted form against the item's fields. Returns the clean values (trimmed, typed);
   * throws {@link FieldErrors} naming every bad field, and rejects fields the form does not have.
   */
  public Document validate(CatalogueItem item, JsonObject form) {
    JsonObject in = form == null ? new JsonObject() : form;
    Map<String, String> errors = new LinkedHashMap<>();
    Document clean = new Document();
    for (String key : in.fieldNames()) {
      if (item.fields().stream().noneMatch(f -> f.name().equals(key))) {
        errors.put(key, "'" + key + "' is not a field of " + item.name() + ".");
      }
    }
    for (FormField f : item.fields()) {
      Object raw = in.getValue(f.name());
      String value = raw == null ? "" : raw.toString().trim();
      if (value.isEmpty()) {
        if (f.required() && !"checkbox".equals(f.type())) {
          errors.put(f.name(), "Enter " + f.label().toLowerCase(Locale.ROOT) + ".");
        } else if (f.required()) {
          errors.put(f.name(), "Tick " + f.label().toLowerCase(Locale.ROOT) + " to continue.");
        }
        continue;
      }
      if (value.length() > f.maxLength()) {
        errors.put(f.name(), f.label() + " must be " + f.maxLength() + " characters or fewer.");
        continue;
      }
      String problem = checkType(f, value);
      if (problem != null) {
        errors.put(f.name(), problem);
        continue;
      }
      clean.append(f.name(), typed(f, value));
    }
    if (!errors.isEmpty()) {
      throw new FieldErrors(errors);
    }
    return clean;
  }

  private static String checkType(FormField f, String value) {
    switch (f.type()) {
      case "email":
        if (!EMAIL.matcher(value).matches()) {
          return "Enter "
              + f.label().toLowerCase(Locale.ROOT)
              + " as an e-mail address, like name@northshire.gov.uk.";
        }
        break;
      case "upn":
        if (!EMAIL.matcher(value).matches()) {
          return "Enter "
              + f.label().toLowerCase(Locale.ROOT)
              + " as a sign-in name, like j.smith@northshire.gov.uk.";
        }
        break;
      case "select":
        if (f.options().stream().noneMatch(o -> o.equals(value))) {
          return "Choose "
              + f.label().toLowerCase(Locale.ROOT)
              + " from: "
              + String.join(", ", f.options())
              + ".";
        }
        break;
      case "number":
        try {
          int n = Integer.parseInt(value);
          if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) {
            return f.label() + " must be between " + f.min() + " and " + f.max() + ".";
          }
        } catch (NumberFormatException e) {
          return f.label() + " must be a whole number.";
        }
        break;
      case "date":
        try {
          LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          return f.label() + " must be a date like 2026-03-31.";
        }
        break;
      case "checkbox":
        if (!value.equals("true") && !value.equals("false")) {
          return f.label() + " must be true or false.";
        }
        break;
      default:
        break;
    }
    if (f.pattern() != null && !value.matches(f.pattern())) {
      return f.patternHint() != null
          ? f.patternHint()
          : f.label() + " is not in the expected format.";
    }
    return null;
  }

  private static Object typed(FormField f, String value) {
    return switch (f.type()) {
      case "number" -> Integer.parseInt(value);
      case "checkbox" -> Boolean.parseBoolean(value);
      default -> value;
    };
  }
}
