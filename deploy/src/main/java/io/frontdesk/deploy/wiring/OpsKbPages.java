package io.frontdesk.deploy.wiring;

import io.frontdesk.deploy.ServerContext;
import io.frontdesk.portal.PortalRoutes;
import io.frontdesk.portal.champion.ChampionPages;
import io.frontdesk.portal.champion.CurationPages;
import io.frontdesk.portal.champion.UserNames;
import io.frontdesk.portal.manager.ManagerPages;
import java.time.Clock;

/**
 * The portal pages of the people who run the knowledge base and read the figures: Digital Champions
 * (/champion) and managers (/manager), built on the knowledge and desk services.
 */
final class OpsKbPages {
  private OpsKbPages() {}

  static void add(
      PortalRoutes routes, ServerContext ctx, KnowledgeWiring knowledge, DeskWiring desk) {
    var layout = routes.layout();
    var names = new UserNames(desk.users(), ctx.blocking());
    // ChampionPages first: it mounts the role check for every /champion path.
    routes.add(
        new ChampionPages(layout, knowledge.articleService(), names, desk.catalogue().services()));
    routes.add(
        new CurationPages(
            layout,
            knowledge.articleService(),
            knowledge.feedbackService(),
            knowledge.synonymService(),
            names));
    routes.add(
        new ManagerPages(
            layout, desk.desk().mi(), desk.projects(), ctx.blocking(), Clock.systemUTC()));
  }
}
