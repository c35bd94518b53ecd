package org.cluetrain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in. An empty project set means every project; agencies give a client's people
 * only that client's projects.
 *
 * @param language the interface language the person chose ({@code de} or {@code en}), or null for
 *     the browser's
 */
public record Account(
    String name, Role role, Set<String> projects, @Nullable String language, Instant created) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  public Account {
    Objects.requireNonNull(role, "role");
    projects = Set.copyOf(projects);
    checkName(name);
  }

  /** Whether this person may see the project's data. */
  public boolean canSee(String project) {
    return projects.isEmpty() || projects.contains(project);
  }

  /** Whether this person sees every project (and so the data that belongs to none). */
  public boolean seesAllProjects() {
    return projects.isEmpty();
  }

  public boolean may(Role needed) {
    return role.includes(needed);
  }

  /** Names are what people type to sign in: letters, digits and {@code . _ @ -}, up to 64. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "user name '"
              + name
              + "' is not allowed: use 1 to 64 letters, digits or . _ @ -, starting with a letter"
              + " or digit");
    }
    return name;
  }
}
