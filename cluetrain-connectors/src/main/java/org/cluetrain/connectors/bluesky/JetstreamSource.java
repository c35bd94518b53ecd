package org.cluetrain.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.TimeCursor;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * The Bluesky firehose as Jetstream serves it (a WebSocket of JSON events), cut down to the posts
 * that contain one of the project's terms, as a live {@link Source}.
 *
 * <p>Jetstream replays from a cursor ({@code cursor=TIME_US}, microseconds since 1970, kept about a
 * day), so each poll connects from the cursor, reads the new posts ({@code
 * wantedCollections=app.bsky.feed.post}, commits that create a post) until it has caught up with
 * the time the poll started, the stream stays quiet for {@link Settings#idle()}, or {@link
 * Settings#maxEvents()} events were read, and returns the cursor of the last event read. A
 * connection that drops mid-stream ends the poll with what was read and its cursor (the next poll
 * resumes there: no gap, no duplicate); one that cannot be opened is a gap with its reason. The
 * first poll listens from now on.
 *
 * <p>The terms are a coarse filter (a post is kept when its text contains one, ignoring case); the
 * project's queries then decide what matches.
 */
public final class JetstreamSource implements Source {

  /**
   * A Jetstream source's settings.
   *
   * @param project the project it collects for
   * @param terms the words and phrases a post must contain one of, lower case
   * @param interval how often it is polled
   * @param endpoint the Jetstream instance ({@code wss://jetstream2.us-east.bsky.network})
   * @param idle how long a quiet stream is waited for
   * @param maxEvents the most events read per poll
   */
  public record Settings(
      String project,
      List<String> terms,
      Duration interval,
      URI endpoint,
      Duration idle,
      int maxEvents) {
    public Settings {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(idle, "idle");
      terms =
          terms.stream()
              .map(t -> t.strip().toLowerCase(Locale.ROOT))
              .filter(t -> !t.isEmpty())
              .distinct()
              .toList();
      if (terms.isEmpty()) {
        throw new IllegalArgumentException(
            "a Jetstream source needs terms to filter the firehose by (the project's queries"
                + " name none)");
      }
      if (!"ws".equals(endpoint.getScheme()) && !"wss".equals(endpoint.getScheme())) {
        throw new IllegalArgumentException(
            "Jetstream '"
                + endpoint
                + "' is not a ws(s) address such as wss://jetstream2.us-east.bsky.network");
      }
      if (maxEvents < 1) {
        throw new IllegalArgumentException("Jetstream max events must be at least 1");
      }
    }

    /** These settings with another Jetstream instance. */
    public Settings withEndpoint(URI endpoint) {
      return new Settings(project, terms, interval, endpoint, idle, maxEvents);
    }

    /** The public instance; a quiet stream is waited for 10 s, at most 500,000 events a poll. */
    public static Settings of(String project, List<String> terms, Duration interval) {
      return new Settings(
          project,
          terms,
          interval,
          URI.create("wss://jetstream2.us-east.bsky.network"),
          Duration.ofSeconds(10),
          500_000);
    }
  }

  private static final Pattern WORDS =
      Pattern.compile("\"([^\"]+)\"|([\\p{L}\\p{N}][\\p{L}\\p{N}_.'-]*)\\*?");

  private final Settings settings;
  private final ApiClient client;
  private final Clock clock;
  private final String id;
  private final SourceRef sourceRef;

  public JetstreamSource(Settings settings, ApiClient client, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.id = "jetstream:" + settings.endpoint().getHost();
    this.sourceRef =
        new SourceRef(
            id, SourceType.BLUESKY, "Jetstream " + settings.endpoint().getHost(), address());
  }

  /**
   * The words and phrases of query texts, as a coarse filter: quoted phrases and words, without
   * operators ({@code AND}, {@code OR}, {@code NOT}, {@code NEAR/n}), field filters ({@code
   * lang:de}), excluded words ({@code -word}) and wildcards.
   */
  public static List<String> termsOf(List<String> queries) {
    List<String> terms = new ArrayList<>();
    for (String query : queries) {
      Matcher m = WORDS.matcher(query);
      while (m.find()) {
        int start = m.start();
        boolean excluded = start > 0 && query.charAt(start - 1) == '-';
        String before = query.substring(0, start);
        boolean field =
            before.matches("(?s).*[a-z_]+:\\(?[^\\s)]*$")
                || (m.end() < query.length() && query.charAt(m.end()) == ':');
        String term = m.group(1) != null ? m.group(1) : m.group(2);
        if (excluded || field || term.matches("AND|OR|NOT|NEAR(/\\d+)?|\\d+")) {
          continue;
        }
        terms.add(term.toLowerCase(Locale.ROOT));
      }
    }
    return terms.stream().distinct().toList();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String project() {
    return settings.project();
  }

  @Override
  public String kind() {
    return "jetstream";
  }

  @Override
  public String address() {
    String base = settings.endpoint().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/subscribe?wantedCollections=app.bsky.feed.post";
  }

  @Override
  public Duration interval() {
    return settings.interval();
  }

  private static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
  }

  private static Instant ofMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }

  @Override
  public Batch poll(@Nullable String cursorText) throws SourceFailure, InterruptedException {
    Instant started = clock.instant();
    TimeCursor cursor = TimeCursor.parse(cursorText);
    TimeCursor from = cursor != null ? cursor : new TimeCursor(started, java.util.Set.of());
    URI uri = URI.create(address() + "&cursor=" + micros(from.newest()));
    Map<String, Post> posts = new LinkedHashMap<>();
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    List<TimeCursor.Stamped> read = new ArrayList<>();
    int[] events = {0};
    long until = micros(started);
    try {
      client.messages(
          uri,
          settings.idle(),
          message -> {
            events[0]++;
            long timeUs = event(message, from, posts, problems, read);
            return timeUs < until && events[0] < settings.maxEvents();
          });
    } catch (SourceFailure dropped) {
      if (dropped.reason() != GapReason.UNREACHABLE || events[0] == 0) {
        throw dropped;
      }
      // what arrived before the drop is kept; the next poll resumes from its cursor
      problems.add(
          new ReadItem.UnreadableItem(
              uri.toString(),
              "stream",
              "stream dropped after "
                  + events[0]
                  + " events ("
                  + dropped.getMessage()
                  + "); the next poll resumes from the cursor"));
    }
    TimeCursor next = TimeCursor.advance(from, read);
    return new Batch(
        List.copyOf(posts.values()), problems, Objects.requireNonNull(next).toString(), false);
  }

  /** Reads one event; returns its time ({@code time_us}), or 0 when it has none. */
  private long event(
      String message,
      TimeCursor from,
      Map<String, Post> posts,
      List<ReadItem.UnreadableItem> problems,
      List<TimeCursor.Stamped> read) {
    JsonNode event;
    try {
      event = Json.mapper().readTree(message);
    } catch (IOException unreadable) {
      problems.add(
          new ReadItem.UnreadableItem(
              address(), "event", "not JSON: " + ApiJson.firstLine(message)));
      return 0;
    }
    if (event == null || !event.path("time_us").canConvertToLong()) {
      problems.add(new ReadItem.UnreadableItem(address(), "event", "an event without time_us"));
      return 0;
    }
    long timeUs = event.path("time_us").asLong();
    Instant time = ofMicros(timeUs);
    JsonNode commit = event.path("commit");
    String did = event.path("did").asText("");
    String uri = "at://" + did + "/app.bsky.feed.post/" + commit.path("rkey").asText("");
    if (from.covers(time, uri)) {
      return timeUs;
    }
    read.add(new TimeCursor.Stamped(time, uri));
    if (!"commit".equals(event.path("kind").asText())
        || !"create".equals(commit.path("operation").asText())
        || !"app.bsky.feed.post".equals(commit.path("collection").asText())) {
      return timeUs;
    }
    String text = commit.path("record").path("text").asText("").toLowerCase(Locale.ROOT);
    if (settings.terms().stream().noneMatch(text::contains)) {
      return timeUs;
    }
    ObjectNode view = Json.mapper().createObjectNode();
    view.put("uri", uri);
    view.putObject("author").put("did", did);
    view.set("record", commit.path("record"));
    view.put("indexedAt", time.toString());
    try {
      Post post = BlueskyPosts.post(view, settings.project(), sourceRef);
      posts.putIfAbsent(post.id(), post);
    } catch (IllegalArgumentException unreadable) {
      problems.add(
          new ReadItem.UnreadableItem(address(), uri, String.valueOf(unreadable.getMessage())));
    }
    return timeUs;
  }
}
