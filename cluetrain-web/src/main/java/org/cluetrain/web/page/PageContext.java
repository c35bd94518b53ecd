package org.cluetrain.web.page;

import java.time.Instant;
import java.util.List;
import org.cluetrain.access.Account;
import org.cluetrain.access.Role;

/**
 * What every page needs besides its own data: who is signed in, the interface language, the CSRF
 * token for its forms, the projects this person may see and the one being looked at.
 *
 * @param project the project the page is about, or null
 * @param section the navigation entry to highlight ({@code overview}, {@code mentions}, …)
 */
public record PageContext(
    Account account,
    Messages t,
    String csrfToken,
    List<String> projects,
    String project,
    String section,
    Instant now) {

  /** The same context for another project or section. */
  public PageContext at(String project, String section) {
    return new PageContext(account, t, csrfToken, projects, project, section, now);
  }

  /** htmx's request headers carrying the CSRF token, or null (no attribute) when signed out. */
  public String csrfHeaders() {
    return csrfToken == null ? null : "{\"X-CSRF-Token\": \"" + csrfToken + "\"}";
  }

  public boolean may(Role role) {
    return account != null && account.may(role);
  }

  public boolean mayEdit() {
    return may(Role.ANALYST);
  }

  public boolean isAdmin() {
    return may(Role.ADMIN);
  }

  /**
   * A link inside the current project, e.g. {@code link("mentions")} → {@code /p/bahn/mentions}.
   */
  public String link(String page) {
    return "/p/" + project + (page.isEmpty() ? "" : "/" + page);
  }
}
