package io.frontdesk.desk.catalogue;

import io.frontdesk.desk.routing.GroupRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks an item an admin proposes, naming every field to fix (a {@link FieldErrors} 400), and
 * returns it cleaned (trimmed, the service's canonical name). Form fields are named by their place
 * ("Field 2 (reason): ...") under {@code fields}. Blocking (reads resolver groups).
 */
final class CatalogueItemCheck {
  static final Set<String> TYPES =
      Set.of("text", "textarea", "email", "select", "date", "number", "checkbox", "upn");
  static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4", "P5");
  static final int MAX_FIELDS = 30;

  private final Catalogue catalogue;
  private final GroupRepository groups;

  CatalogueItemCheck(Catalogue catalogue, GroupRepository groups) {
    this.catalogue = catalogue;
    this.groups = groups;
  }

  CatalogueItem clean(CatalogueItem i, String handler) {
    Map<String, String> e = new LinkedHashMap<>();
    String id = trim(i.id());
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      e.put("id", "Enter an id of lower-case letters, digits and hyphens, like laptop-request.");
    }
    String name = trim(i.name());
    if (name.isEmpty() || name.length() > 100) {
      e.put("name", "Enter a name of up to 100 characters.");
    }
    String description = trim(i.description());
    if (description.length() > 1000) {
      e.put("description", "The description must be 1000 characters or fewer.");
    }
    String service = catalogue.service(i.service()).orElse(null);
    if (service == null) {
      e.put("service", "Choose a service from the catalogue.");
    }
    String audience = trim(i.audience());
    if (!Set.of("staff", "schools", "both").contains(audience)) {
      e.put("audience", "Choose who can request it: staff, schools or both.");
    }
    String approval = trim(i.approval());
    String approver = blankToNull(i.approverGroupId());
    if (!Set.of("none", "line-manager", "group").contains(approval)) {
      e.put("approval", "Choose the approval: none, the line manager or a group.");
    } else if (approval.equals("group")) {
      if (approver == null || groups.byId(approver).isEmpty()) {
        e.put("approverGroupId", "Choose the resolver group that approves it.");
      }
    } else {
      approver = null;
    }
    String groupId = blankToNull(i.groupId());
    if (groupId == null || groups.byId(groupId).isEmpty()) {
      e.put("groupId", "Choose the resolver group that fulfils it.");
    }
    String priority = trim(i.priority());
    if (!PRIORITIES.contains(priority)) {
      e.put("priority", "Choose the SLA priority, P1 to P5.");
    }
    List<FormField> fields = fields(i.fields(), e);
    if (!e.isEmpty()) {
      throw new FieldErrors(e);
    }
    return new CatalogueItem(
        id,
        name,
        description,
        service,
        audience,
        fields,
        approval,
        approver,
        handler,
        groupId,
        priority,
        i.onsiteVisit());
  }

  private static List<FormField> fields(List<FormField> in, Map<String, String> e) {
    List<String> problems = new ArrayList<>();
    List<FormField> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (in.size() > MAX_FIELDS) {
      problems.add("A form can have at most " + MAX_FIELDS + " fields.");
    }
    for (int n = 0; n < in.size(); n++) {
      FormField f = in.get(n);
      String where = "Field " + (n + 1) + " (" + trim(f.name()) + "): ";
      String fname = trim(f.name());
      String label = trim(f.label());
      String type = trim(f.type());
      if (!fname.matches("[a-z][a-zA-Z0-9]{0,39}")) {
        problems.add(where + "the name must be a short word in letters and digits, like reason.");
      } else if (!names.add(fname)) {
        problems.add(where + "two fields have this name.");
      }
      if (label.isEmpty() || label.length() > 100) {
        problems.add(where + "enter a label of up to 100 characters.");
      }
      if (!TYPES.contains(type)) {
        problems.add(
            where
                + "the type must be one of "
                + String.join(", ", TYPES.stream().sorted().toList())
                + ".");
      }
      List<String> options =
          f.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
      if (type.equals("select")
          && (options.isEmpty()
              || options.size() > 30
              || options.stream().anyMatch(o -> o.length() > 100))) {
        problems.add(where + "a choice needs 1 to 30 options of up to 100 characters.");
      }
      if (f.maxLength() < 1 || f.maxLength() > 4000) {
        problems.add(where + "the longest answer must be 1 to 4000 characters.");
      }
      if (f.pattern() != null) {
        try {
          Pattern.compile(f.pattern());
        } catch (PatternSyntaxException x) {
          problems.add(where + "the pattern is not a valid regular expression.");
        }
      }
      if (f.min() != null && f.max() != null && f.min() > f.max()) {
        problems.add(where + "the smallest number is larger than the largest.");
      }
      out.add(
          new FormField(
              fname,
              label,
              type,
              f.required(),
              f.maxLength(),
              type.equals("select") ? options : List.of(),
              f.pattern(),
              f.patternHint(),
              f.min(),
              f.max(),
              f.help()));
    }
    if (!problems.isEmpty()) {
      e.put("fields", String.join(" ", problems));
    }
    return out;
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
