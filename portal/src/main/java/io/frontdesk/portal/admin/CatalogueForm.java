package io.frontdesk.portal.admin;

import io.frontdesk.desk.catalogue.CatalogueItem;
import io.frontdesk.desk.catalogue.FieldErrors;
import io.frontdesk.desk.catalogue.FormField;
import io.frontdesk.portal.web.Forms;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The catalogue item form as typed. The request form's fields are one per line: {@code name | label
 * | type | required or optional | options, separated, by commas}. A field keeps the settings the
 * screen does not show (pattern, length, help, number range) from the saved field of the same name
 * and type.
 */
public record CatalogueForm(
    String id,
    String name,
    String description,
    String service,
    String audience,
    String approval,
    String approverGroupId,
    String groupId,
    String priority,
    String fields,
    boolean onsiteVisit) {

  static CatalogueForm of(CatalogueItem i) {
    if (i == null) {
      return new CatalogueForm("", "", "", "", "staff", "none", "", "", "P4", "", false);
    }
    StringBuilder lines = new StringBuilder();
    for (FormField f : i.fields()) {
      lines
          .append(f.name())
          .append(" | ")
          .append(f.label())
          .append(" | ")
          .append(f.type())
          .append(" | ")
          .append(f.required() ? "required" : "optional");
      if (!f.options().isEmpty()) {
        lines.append(" | ").append(String.join(", ", f.options()));
      }
      lines.append('\n');
    }
    return new CatalogueForm(
        i.id(),
        i.name(),
        i.description(),
        i.service(),
        i.audience(),
        i.approval(),
        i.approverGroupId() == null ? "" : i.approverGroupId(),
        i.groupId() == null ? "" : i.groupId(),
        i.priority(),
        lines.toString(),
        i.onsiteVisit());
  }

  static CatalogueForm from(RoutingContext ctx, String id) {
    return new CatalogueForm(
        id == null ? Forms.field(ctx, "id") : id,
        Forms.field(ctx, "name"),
        Forms.field(ctx, "description"),
        Forms.field(ctx, "service"),
        Forms.field(ctx, "audience"),
        Forms.field(ctx, "approval"),
        Forms.field(ctx, "approverGroupId"),
        Forms.field(ctx, "groupId"),
        Forms.field(ctx, "priority"),
        Forms.field(ctx, "fields"),
        "true".equals(Forms.field(ctx, "onsiteVisit")));
  }

  /** The item as typed; the desk checks the rest. Lines it cannot read are a 400 on "fields". */
  CatalogueItem toItem(CatalogueItem saved) {
    List<FormField> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = fields.split("\r?\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts =
          Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
      if (parts.length < 4 || parts.length > 5) {
        problems.add(
            "Line "
                + (n + 1)
                + ": write name | label | type | required or optional, then | options for a"
                + " choice.");
        continue;
      }
      if (!parts[3].equals("required") && !parts[3].equals("optional")) {
        problems.add("Line " + (n + 1) + ": say required or optional, not '" + parts[3] + "'.");
        continue;
      }
      List<String> options = parts.length == 5 ? AdminPages.csv(parts[4]) : List.<String>of();
      FormField before = previous(saved, parts[0], parts[2]);
      out.add(
          new FormField(
              parts[0],
              parts[1],
              parts[2],
              parts[3].equals("required"),
              before != null ? before.maxLength() : parts[2].equals("textarea") ? 4000 : 200,
              options,
              before == null ? null : before.pattern(),
              before == null ? null : before.patternHint(),
              before == null ? null : before.min(),
              before == null ? null : before.max(),
              before == null ? null : before.help()));
    }
    if (!problems.isEmpty()) {
      throw new FieldErrors(Map.of("fields", String.join(" ", problems)));
    }
    return new CatalogueItem(
        id,
        name,
        description,
        service,
        audience,
        out,
        approval,
        approverGroupId,
        null,
        groupId,
        priority,
        onsiteVisit);
  }

  private static FormField previous(CatalogueItem saved, String name, String type) {
    if (saved == null) {
      return null;
    }
    return saved.fields().stream()
        .filter(f -> f.name().equals(name) && f.type().equals(type))
        .findFirst()
        .orElse(null);
  }
}
