package io.frontdesk.deploy.wiring;

import io.frontdesk.deploy.ServerContext;
import io.frontdesk.portal.PortalRoutes;
import io.vertx.ext.web.Router;

/** The portal: mounted last, at the root, so the API routes win over it. */
public final class PortalWiring implements Wiring {
  public static final String SERVICE_NAME = "FRONTDESK_SERVICE_NAME";
  private final PortalRoutes routes;

  public PortalWiring(ServerContext ctx) {
    this.routes =
        new PortalRoutes(ctx.vertx(), ctx.settings().string(SERVICE_NAME, "IT Service Desk"));
  }

  @Override
  public void mount(Router root) {
    root.route("/*").subRouter(routes.router());
  }
}
