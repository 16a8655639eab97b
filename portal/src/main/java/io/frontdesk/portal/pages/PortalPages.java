package io.frontdesk.portal.pages;

import io.vertx.ext.web.Router;

/**
 * A group of portal pages. {@code PortalRoutes} mounts each group on the portal router, after the
 * security headers, body handling and CSRF check, so a group adds only its own routes, chaining
 * {@code Guard} checks before its handlers.
 */
public interface PortalPages {
  void mount(Router router);
}
