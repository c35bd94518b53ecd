package org.cluetrain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing worth recording: who did what to what, when and from where. Never holds a password or a
 * token's secret: the detail says what changed, not to what secret.
 *
 * @param at when it happened, by the runtime's clock
 * @param actor the account that did it, or {@link #ANONYMOUS} for a failed sign-in (the name tried
 *     is then the target)
 * @param kind what was done
 * @param target what it was done to: an account, a token id, a source, a project; empty if none
 * @param detail a short description of the change; empty if the kind says it all
 * @param address where the request came from, as the server resolves the client's address (behind a
 *     trusted proxy, the address it forwards); {@code local} for the command line
 */
public record AuditEvent(
    Instant at, String actor, AuditKind kind, String target, String detail, String address) {
  /** The actor of a failed sign-in: nobody has signed in. */
  public static final String ANONYMOUS = "anonymous";

  /** The address of what the command line does on the data directory itself. */
  public static final String LOCAL = "local";

  /** Longest detail kept: a log entry says what happened, it does not copy data. */
  public static final int MAX_DETAIL = 500;

  /** Longest target, actor or address kept. */
  public static final int MAX_FIELD = 200;

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    actor = bounded(Objects.requireNonNull(actor, "actor"), MAX_FIELD);
    target = bounded(Objects.requireNonNull(target, "target"), MAX_FIELD);
    detail = bounded(Objects.requireNonNull(detail, "detail"), MAX_DETAIL);
    address = bounded(Objects.requireNonNull(address, "address"), MAX_FIELD);
    if (actor.isBlank()) {
      throw new IllegalArgumentException("an audit event needs an actor (or 'anonymous')");
    }
  }

  /**
   * Cuts a text at its limit and replaces line breaks and other control characters with spaces, so
   * that one entry is one line in every export and a name cannot forge another entry.
   */
  private static String bounded(String text, int limit) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), limit + 1));
    text.codePoints()
        .limit(limit)
        .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return text.codePointCount(0, text.length()) > limit
        ? clean.append('…').toString()
        : clean.toString();
  }
}
