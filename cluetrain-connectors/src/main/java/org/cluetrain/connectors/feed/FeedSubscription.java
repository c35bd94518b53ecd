package org.cluetrain.connectors.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A feed declared for polling: what to fetch, how often, and which project its posts belong to.
 *
 * <p>Every problem with the declaration is reported at once, so a configuration file with several
 * mistakes is fixed in one round.
 *
 * @param sourceId the source's id, as the health ledger and {@link
 *     org.cluetrain.model.SourceRef#id()} know it, e.g. {@code feed:https://example.org/feed}
 * @param project the project its posts are collected for
 * @param url the feed's absolute {@code http} or {@code https} address
 * @param pollInterval how long to wait after a successful fetch before the next one
 * @param name a human-readable name, or {@code null}
 */
public record FeedSubscription(
    String sourceId, String project, String url, Duration pollInterval, @Nullable String name) {

  /** Below this a poll interval is almost certainly a mistake (milliseconds for seconds). */
  static final Duration SHORTEST_POLL_INTERVAL = Duration.ofSeconds(1);

  public FeedSubscription {
    List<String> problems = new ArrayList<>();
    if (sourceId == null || sourceId.isBlank()) {
      problems.add("source id is missing");
    }
    if (project == null || project.isBlank()) {
      problems.add("project is missing");
    }
    String urlProblem = urlProblem(url);
    if (urlProblem != null) {
      problems.add(urlProblem);
    }
    if (pollInterval == null) {
      problems.add("poll interval is missing");
    } else if (pollInterval.compareTo(SHORTEST_POLL_INTERVAL) < 0) {
      problems.add("poll interval must be at least 1 s but was " + pollInterval);
    }
    if (!problems.isEmpty()) {
      String subject = sourceId == null || sourceId.isBlank() ? String.valueOf(url) : sourceId;
      throw new IllegalArgumentException(
          "feed subscription " + subject + ": " + String.join("; ", problems));
    }
    sourceId = sourceId.strip();
    project = project.strip();
    url = url.strip();
    name = name == null || name.isBlank() ? null : name.strip();
  }

  /** A subscription with no name. */
  public static FeedSubscription of(
      String sourceId, String project, String url, Duration pollInterval) {
    return new FeedSubscription(sourceId, project, url, pollInterval, null);
  }

  /** The feed's address as a URI. */
  public URI uri() {
    return URI.create(url);
  }

  /**
   * The host that politeness limits apply to, lower case. Ports are ignored on purpose: two ports
   * of one host are still one machine to be polite to.
   */
  String host() {
    return uri().getHost().toLowerCase(Locale.ROOT);
  }

  private static @Nullable String urlProblem(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return "url is missing";
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return "url '" + url + "' is not a valid address (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "url '" + url + "' must start with http:// or https://";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "url '" + url + "' has no host";
    }
    return null;
  }
}
