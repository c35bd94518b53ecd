package org.cluetrain.web.inbox;

import java.time.Duration;
import java.util.List;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.web.page.Messages;

/** How the inbox pages write durations, scores and log lines. */
public final class InboxText {
  private InboxText() {}

  /** A business-time span in hours and minutes, e.g. "3 h 20 min"; the sign is dropped. */
  public static String duration(Messages t, Duration span) {
    Duration d = span.abs();
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    if (hours == 0) {
      return t.get("inbox.minutes", minutes);
    }
    return minutes == 0
        ? t.get("inbox.hours", hours)
        : t.get("inbox.hours_minutes", hours, minutes);
  }

  /** A log line's action, e.g. "assigned to ana" or "set the status to done". */
  public static String event(Messages t, InboxEvent event) {
    String detail = event.detail();
    return switch (event.kind()) {
      case CREATED ->
          detail.isEmpty()
              ? t.get("inbox.log.created_by_hand")
              : t.get("inbox.log.created_by_rule", detail);
      case ASSIGNED ->
          detail.isEmpty() ? t.get("inbox.log.unassigned") : t.get("inbox.log.assigned", detail);
      case STATUS -> t.get("inbox.log.status", t.get("inbox.status." + detail));
      case PRIORITY -> t.get("inbox.log.priority", t.get("inbox.priority." + detail));
      case TAGS ->
          detail.isEmpty() ? t.get("inbox.log.tags_removed") : t.get("inbox.log.tags", detail);
      case NOTE -> t.get("inbox.log.note");
      case RESPONSE -> t.get("inbox.log.response");
    };
  }

  /** The tags as the tag field shows them: "a, b". */
  public static String tags(List<String> tags) {
    return String.join(", ", tags);
  }
}
