package io.frontdesk.portal.admin;

import io.frontdesk.core.http.ApiException;
import io.frontdesk.desk.els.ElsProject;
import io.frontdesk.portal.web.Forms;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Early Life Support project form as typed: dates as {@code yyyy-mm-dd} (the window runs from
 * the start of the first day to the end of the last, UK time), lists comma-separated.
 */
public record ProjectForm(
    String id,
    String name,
    List<String> services,
    String applications,
    String keywords,
    String start,
    String end,
    String elsGroupId,
    String projectGroupId,
    String ownerId,
    String afterWindow) {
  static final ZoneId UK = ZoneId.of("Europe/London");

  static ProjectForm of(ElsProject p) {
    if (p == null) {
      return new ProjectForm("", "", List.of(), "", "", "", "", "", "", "", "stay");
    }
    return new ProjectForm(
        p.id(),
        p.name(),
        p.services(),
        String.join(", ", p.applications()),
        String.join(", ", p.keywords()),
        LocalDate.ofInstant(p.start(), UK).toString(),
        LocalDate.ofInstant(p.end().minusSeconds(1), UK).toString(),
        p.elsGroupId(),
        p.projectGroupId(),
        p.ownerId(),
        p.afterWindow());
  }

  static ProjectForm from(RoutingContext ctx) {
    return new ProjectForm(
        Forms.field(ctx, "id"),
        Forms.field(ctx, "name"),
        ctx.request().formAttributes().getAll("services"),
        Forms.field(ctx, "applications"),
        Forms.field(ctx, "keywords"),
        Forms.field(ctx, "start"),
        Forms.field(ctx, "end"),
        Forms.field(ctx, "elsGroupId"),
        Forms.field(ctx, "projectGroupId"),
        Forms.field(ctx, "ownerId"),
        Forms.field(ctx, "afterWindow"));
  }

  static Instant startOf(String date) {
    return day("start", date).atStartOfDay(UK).toInstant();
  }

  static Instant endOf(String date) {
    return day("end", date).plusDays(1).atStartOfDay(UK).toInstant();
  }

  private static LocalDate day(String field, String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be a date like 2026-12-31");
    }
  }

  public boolean covers(String service) {
    return services.contains(service);
  }
}
