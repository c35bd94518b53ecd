package org.cluetrain.access;

import java.util.Locale;

/**
 * What a signed-in person may do. Each role includes the ones below it: an admin can do what an
 * analyst can, an analyst what a viewer can.
 */
public enum Role {
  /** Reads dashboards, mentions, threads and the inbox; changes nothing. */
  VIEWER,
  /** Also edits queries, labels posts and works the inbox. */
  ANALYST,
  /** Also manages users, sources and settings. */
  ADMIN;

  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code admin}, {@code analyst} or {@code viewer}, naming the choices when wrong. */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + text + "'; choose one of admin, analyst, viewer");
  }
}
