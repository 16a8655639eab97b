package io.frontdesk.portal.pages;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.core.security.Principal;
import io.frontdesk.core.security.Principals;
import io.frontdesk.desk.ticket.TicketRepository;
import io.frontdesk.desk.ticket.TicketStatus;
import io.frontdesk.knowledge.article.ArticleListings;
import io.frontdesk.portal.auth.Guard;
import io.frontdesk.portal.web.Layout;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;

/** The home page and the service status page (open major incidents on the reader's desk). */
public final class HomePages implements PortalPages {
  private final Layout layout;
  private final TicketRepository tickets;
  private final ArticleListings listings;
  private final Blocking blocking;

  /** Articles in each of the home page's "most viewed" and "most helpful" lists. */
  static final int POPULAR = 5;

  public HomePages(
      Layout layout, TicketRepository tickets, ArticleListings listings, Blocking blocking) {
    this.layout = layout;
    this.tickets = tickets;
    this.listings = listings;
    this.blocking = blocking;
  }

  @Override
  public void mount(Router r) {
    r.get("/").handler(this::home);
    r.get("/status").handler(Guard::signedIn).handler(this::status);
  }

  private void home(RoutingContext ctx) {
    Optional<Principal> who = Principals.current(ctx);
    // Articles need a sign-in, so visitors get no list (and no list of another audience).
    Future<ArticleListings.Popular> popular =
        who.isEmpty()
            ? Future.succeededFuture(null)
            : listings.popular(who.get().audience(), POPULAR);
    Future.all(status(who), popular)
        .onFailure(ctx::fail)
        .onSuccess(
            all ->
                layout.render(
                    ctx,
                    "home.jte",
                    layout.page(ctx, "How can we help?"),
                    "status",
                    all.resultAt(0),
                    "popular",
                    all.resultAt(1),
                    "days",
                    listings.days()));
  }

  private void status(RoutingContext ctx) {
    status(Principals.current(ctx))
        .onFailure(ctx::fail)
        .onSuccess(
            s -> layout.render(ctx, "status.jte", layout.page(ctx, "Service status"), "status", s));
  }

  /** Open major incidents on the principal's desk (staff or schools); none for visitors. */
  Future<StatusView> status(Optional<Principal> who) {
    if (who.isEmpty()) {
      return Future.succeededFuture(StatusView.none());
    }
    String desk = who.get().isSchoolUser() ? "schools" : "staff";
    return blocking.call(
        () ->
            new StatusView(
                tickets
                    .find(
                        Filters.and(
                            Filters.eq("majorIncident", true),
                            Filters.eq("desk", desk),
                            Filters.in(
                                "status",
                                Arrays.stream(TicketStatus.values())
                                    .filter(TicketStatus::isOpen)
                                    .map(TicketStatus::wire)
                                    .toList())),
                        Sorts.descending("createdAt"),
                        0,
                        20)
                    .stream()
                    .map(
                        t ->
                            new StatusView.Incident(
                                t.reference(), t.title(), t.service(), t.createdAt()))
                    .toList()));
  }
}
