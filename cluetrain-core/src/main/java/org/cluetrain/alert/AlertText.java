package org.cluetrain.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An alert as plain text, the same in the terminal, in a chat message and in an e-mail: the summary
 * first, then the evidence.
 */
public final class AlertText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AlertText() {}

  /** One alert, several lines. */
  public static String render(Alert alert) {
    Explanation e = alert.explanation();
    StringBuilder text = new StringBuilder();
    text.append(e.summary()).append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "  rule %s (%s) · alert %s%s%n",
            alert.rule(),
            alert.detector(),
            alert.id(),
            alert.groupId().equals(alert.id()) ? "" : " · group " + alert.groupId()));
    text.append(
        String.format(
            Locale.ROOT,
            "  observed %s %s, expected %s, window %s – %s%n",
            number(e.observed()),
            e.measure(),
            number(e.expected()),
            time(e.windowStart()),
            time(e.windowEnd())));
    text.append(
        String.format(
            Locale.ROOT,
            "  baseline %s – %s: %s%n",
            time(e.baselineStart()),
            time(e.baselineEnd()),
            e.baseline()));
    text.append(
        String.format(
            Locale.ROOT, "  score %.1f (p = %.2g, %s)%n", e.score(), e.probability(), e.test()));
    if (e.leadTime() != null) {
      text.append("  lead time of the niche sources: ")
          .append(AlertEngine.human(e.leadTime()))
          .append('\n');
    }
    if (!e.topTerms().isEmpty()) {
      text.append("  top terms: ")
          .append(
              e.topTerms().stream()
                  .map(t -> t.term() + " (" + t.posts() + ", ×" + number(t.lift()) + ")")
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (!e.topSources().isEmpty()) {
      text.append("  sources: ")
          .append(
              e.topSources().stream()
                  .map(s -> s.source() + " (" + s.posts() + ")")
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    for (Explanation.ExamplePost example : e.examples()) {
      text.append("  · ")
          .append(time(example.published()))
          .append(example.author() == null ? "" : " " + example.author())
          .append(": ")
          .append(example.excerpt())
          .append('\n');
    }
    return text.toString();
  }

  /** Several alerts as one message: a heading line, then each alert. */
  public static String render(List<Alert> alerts) {
    if (alerts.size() == 1) {
      return render(alerts.get(0));
    }
    StringBuilder text = new StringBuilder();
    text.append(alerts.size())
        .append(" alerts on ")
        .append(alerts.stream().map(Alert::queryId).distinct().collect(Collectors.joining(", ")))
        .append("\n\n");
    for (Alert alert : alerts) {
      text.append(render(alert)).append('\n');
    }
    return text.toString().stripTrailing() + "\n";
  }

  /** A short subject line: the first alert's summary, and how many more. */
  public static String subject(List<Alert> alerts) {
    String first = alerts.get(0).explanation().summary();
    String cut = first.length() > 140 ? first.substring(0, 139) + "…" : first;
    return alerts.size() == 1 ? cut : cut + " (+" + (alerts.size() - 1) + " more)";
  }

  private static String time(Instant instant) {
    return instant == null ? "?" : TIME.format(instant);
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.3f" : "%.1f", value);
  }
}
