package io.frontdesk.portal.agent;

import io.frontdesk.core.async.Blocking;
import io.frontdesk.portal.PortalServices;
import io.frontdesk.portal.admin.AdminPages;
import io.frontdesk.portal.admin.AdminServices;
import io.frontdesk.portal.admin.CataloguePages;
import io.frontdesk.portal.admin.DirectoryPages;
import io.frontdesk.portal.admin.PeopleAdminPages;
import io.frontdesk.portal.els.ElsPages;
import io.frontdesk.portal.pages.PortalPages;
import io.frontdesk.portal.web.Layout;
import java.time.Clock;
import java.util.List;

/**
 * The pages of the people who run the desk (agents and resolver teams, Early Life Support, admins),
 * as page groups for {@code PortalRoutes.add}. Each group checks roles on every route itself.
 */
public final class OpsPages {
  private OpsPages() {}

  public static List<PortalPages> all(
      Layout layout,
      PortalServices services,
      AdminServices admin,
      Blocking blocking,
      OpsConfig config,
      Clock clock) {
    return List.of(
        new QueuePages(layout, services.desk(), blocking, config, clock),
        new TicketDeskPages(
            layout,
            services.desk(),
            services.search(),
            services.articles(),
            blocking,
            config,
            clock),
        new ApprovalPages(layout, services.desk(), blocking),
        new ElsPages(layout, services.desk(), blocking, clock),
        new AdminPages(layout, services.desk(), admin.audit(), blocking),
        // Before DirectoryPages: /admin/users/new is not the user "new".
        new PeopleAdminPages(
            layout, services.desk(), admin.directory(), admin.invitations(), blocking),
        new DirectoryPages(layout, services.desk(), admin, blocking),
        new CataloguePages(layout, services.desk(), admin.catalogue(), blocking));
  }
}
