package org.cluetrain.web.access;

import io.javalin.security.RouteRole;
import org.cluetrain.access.Role;

/** Who may call a route: anybody, or a signed-in account with at least this role. */
public enum Access implements RouteRole {
  /** Sign-in page, static assets: no account needed. */
  PUBLIC(null),
  VIEWER(Role.VIEWER),
  ANALYST(Role.ANALYST),
  ADMIN(Role.ADMIN);

  private final Role role;

  Access(Role role) {
    this.role = role;
  }

  /** The least role the route needs, or null for a public route. */
  public Role role() {
    return role;
  }
}
