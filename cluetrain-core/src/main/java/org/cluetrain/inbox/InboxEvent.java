package org.cluetrain.inbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an item's log: who did what when. Notes and responses are events too, so the log
 * tells the whole story in order.
 *
 * @param itemId the item
 * @param at when
 * @param actor the account that did it, or {@code null} for Cluetrain itself (a rule)
 * @param kind what happened
 * @param detail the new value, the note's or response's text, or the rule's name
 * @param url the response's link, or {@code null}
 */
public record InboxEvent(
    long itemId,
    Instant at,
    @Nullable String actor,
    Kind kind,
    String detail,
    @Nullable String url) {
  /** At most this many characters in a note or response. */
  public static final int MAX_TEXT = 10_000;

  public InboxEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    detail = detail == null ? "" : detail;
    if (detail.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "a " + kind.label() + " has at most " + MAX_TEXT + " characters, was " + detail.length());
    }
  }

  /** What happened to an item. */
  public enum Kind {
    CREATED,
    ASSIGNED,
    STATUS,
    PRIORITY,
    TAGS,
    NOTE,
    RESPONSE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
