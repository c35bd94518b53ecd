package org.cluetrain.query;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A query a project listens for, kept as versioned text with its own examples ("queries as code").
 *
 * @param project the project's name
 * @param name the query's name, unique within the project
 * @param text the query in Cluetrain's query language
 * @param role whether the query listens for the project itself or for a competitor
 * @param mustMatch example texts the query has to match
 * @param mustNotMatch example texts the query must not match
 */
public record SavedQuery(
    String project,
    String name,
    String text,
    Role role,
    List<String> mustMatch,
    List<String> mustNotMatch) {

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\- ]{0,79}");

  /** What a query listens for. */
  public enum Role {
    /** Conversations about the project's own brand or topics. */
    LISTEN,
    /** Conversations about a competitor, for share of voice. */
    COMPETITOR
  }

  public SavedQuery {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(name, "query name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "query name '"
              + name
              + "' must start with a letter or digit and contain only letters, digits, space,"
              + " '_', '.', '-' (at most 80)");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("query '" + name + "' has no query text");
    }
    role = role == null ? Role.LISTEN : role;
    mustMatch = mustMatch == null ? List.of() : List.copyOf(mustMatch);
    mustNotMatch = mustNotMatch == null ? List.of() : List.copyOf(mustNotMatch);
  }

  public static SavedQuery of(String project, String name, String text) {
    return new SavedQuery(project, name, text, Role.LISTEN, List.of(), List.of());
  }

  /** {@code project/name}: the id under which matches are recorded. */
  public String id() {
    return project + "/" + name;
  }
}
