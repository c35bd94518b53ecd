package org.cluetrain.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.ApiResponse;
import org.cluetrain.connectors.source.NewestFirstPages;
import org.cluetrain.connectors.source.TimeCursor;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * A Bluesky post search or an account's posts, on a public AppView, as a live {@link Source}.
 *
 * <p>A search asks {@code app.bsky.feed.searchPosts} for the latest posts ({@code sort=latest})
 * since the cursor's time ({@code since}, inclusive) and an account's feed {@code
 * app.bsky.feed.getAuthorFeed}; both page with the answer's {@code cursor} until they reach the
 * posts read last time (a {@link TimeCursor}), and a poll that does not reach them within {@link
 * Settings#maxPages()} says its cursor was lost. Replies and posts with replies are completed with
 * their thread ({@code app.bsky.feed.getPostThread}), up to {@link Settings#maxThreads()} per poll.
 * The AppView's {@code RateLimit-*} headers are honoured by the {@link ApiClient}.
 */
public final class BlueskySource implements Source {

  /**
   * A Bluesky source's settings.
   *
   * @param project the project it collects for
   * @param search the search query, or {@code null} for an account's posts
   * @param author the account's handle or DID, or {@code null} for a search
   * @param interval how often it is polled
   * @param appView the AppView's address ({@code https://public.api.bsky.app})
   * @param pageSize posts per page (at most 100)
   * @param maxPages the most pages per poll
   * @param maxThreads the most threads fetched per poll
   */
  public record Settings(
      String project,
      @Nullable String search,
      @Nullable String author,
      Duration interval,
      URI appView,
      int pageSize,
      int maxPages,
      int maxThreads) {
    public Settings {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(appView, "appView");
      if ((search == null || search.isBlank()) == (author == null || author.isBlank())) {
        throw new IllegalArgumentException(
            "a Bluesky source needs exactly one of a search or an account");
      }
      if (pageSize < 1 || pageSize > 100) {
        throw new IllegalArgumentException(
            "Bluesky page size must be between 1 and 100 but was " + pageSize);
      }
      if (maxPages < 1) {
        throw new IllegalArgumentException("Bluesky max pages must be at least 1");
      }
    }

    /** The public AppView; 100 posts a page, 10 pages, 10 threads per poll. */
    public static Settings of(
        String project, @Nullable String search, @Nullable String author, Duration interval) {
      return new Settings(
          project,
          search,
          author,
          interval,
          URI.create("https://public.api.bsky.app"),
          100,
          10,
          10);
    }

    /** The same settings against another AppView (a self-hosted one, or a test's replay). */
    public Settings withEndpoint(URI endpoint) {
      return new Settings(
          project, search, author, interval, endpoint, pageSize, maxPages, maxThreads);
    }
  }

  private final Settings settings;
  private final ApiClient client;
  private final String id;
  private final SourceRef sourceRef;

  public BlueskySource(Settings settings, ApiClient client) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.id =
        settings.search() != null
            ? "bluesky:search/" + settings.search()
            : "bluesky:@" + settings.author();
    this.sourceRef = new SourceRef(id, SourceType.BLUESKY, id.substring(8), address());
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
    return "bluesky";
  }

  @Override
  public String address() {
    String search = settings.search();
    return search != null
        ? xrpc("app.bsky.feed.searchPosts") + "?q=" + encode(search) + "&sort=latest"
        : xrpc("app.bsky.feed.getAuthorFeed")
            + "?actor="
            + encode(Objects.requireNonNull(settings.author()));
  }

  @Override
  public Duration interval() {
    return settings.interval();
  }

  private String xrpc(String method) {
    String base = settings.appView().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/xrpc/" + method;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public Batch poll(@Nullable String cursorText) throws SourceFailure, InterruptedException {
    TimeCursor cursor = TimeCursor.parse(cursorText);
    boolean search = settings.search() != null;
    String since = search && cursor != null ? "&since=" + encode(cursor.newest().toString()) : "";
    NewestFirstPages.Result result =
        NewestFirstPages.read(
            token -> {
              ApiResponse response =
                  client.get(
                      URI.create(
                          address()
                              + since
                              + "&limit="
                              + settings.pageSize()
                              + (token == null ? "" : "&cursor=" + encode(token))),
                      Map.of());
              JsonNode root = ApiJson.parse(response);
              JsonNode list = root.path(search ? "posts" : "feed");
              if (!list.isArray()) {
                throw ApiJson.unparseable(
                    response,
                    "not a list of posts"
                        + (root.path("error").isTextual()
                            ? " but the error \"" + root.path("error").asText() + "\""
                            : ""));
              }
              List<JsonNode> views = new ArrayList<>();
              for (JsonNode entry : list) {
                if (search) {
                  views.add(entry);
                } else if (!entry.path("reason").isObject()) {
                  // reposts (a reason) are someone else's words
                  views.add(entry.path("post"));
                }
              }
              String next = root.path("cursor").isTextual() ? root.path("cursor").asText() : null;
              return new NewestFirstPages.Page(views, next);
            },
            view -> {
              if (cursor == null) {
                return false;
              }
              try {
                return cursor.covers(BlueskyPosts.sortAt(view), view.path("uri").asText(""));
              } catch (IllegalArgumentException unreadable) {
                return false;
              }
            },
            cursor == null,
            settings.maxPages());
    Map<String, Post> posts = new LinkedHashMap<>();
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    List<TimeCursor.Stamped> read = new ArrayList<>();
    for (JsonNode view : result.entries()) {
      String uri = view.path("uri").asText("");
      try {
        Post post = BlueskyPosts.post(view, settings.project(), sourceRef);
        posts.putIfAbsent(post.id(), post);
        read.add(new TimeCursor.Stamped(BlueskyPosts.sortAt(view), uri));
      } catch (IllegalArgumentException unreadable) {
        problems.add(
            new ReadItem.UnreadableItem(address(), uri, String.valueOf(unreadable.getMessage())));
      }
    }
    threads(result.entries(), posts, problems);
    TimeCursor next = TimeCursor.advance(cursor, read);
    return new Batch(
        List.copyOf(posts.values()),
        problems,
        next == null ? cursorText : next.toString(),
        !result.reached());
  }

  /** The threads of replies and of posts with replies, within the per-poll budget. */
  private void threads(
      List<JsonNode> views, Map<String, Post> posts, List<ReadItem.UnreadableItem> problems)
      throws InterruptedException {
    int fetched = 0;
    for (JsonNode view : views) {
      boolean inThread =
          view.path("record").path("reply").isObject() || view.path("replyCount").asInt(0) > 0;
      String uri = view.path("uri").asText("");
      if (!inThread || uri.isEmpty()) {
        continue;
      }
      if (fetched++ >= settings.maxThreads()) {
        break;
      }
      URI thread =
          URI.create(
              xrpc("app.bsky.feed.getPostThread")
                  + "?uri="
                  + encode(uri)
                  + "&depth=10&parentHeight=10");
      try {
        JsonNode root = ApiJson.parse(client.get(thread, Map.of())).path("thread");
        collect(root, posts, problems, thread);
      } catch (SourceFailure failure) {
        problems.add(
            new ReadItem.UnreadableItem(
                thread.toString(), uri, "thread not fetched: " + failure.getMessage()));
        if (failure.reason() == GapReason.RATE_LIMITED) {
          // the posts themselves were read; their threads are completed at the next poll
          break;
        }
      }
    }
  }

  /** The posts of a thread view: its post, its parents and its replies. */
  private void collect(
      JsonNode node, Map<String, Post> posts, List<ReadItem.UnreadableItem> problems, URI from) {
    if (!node.path("post").isObject()) {
      return; // a blocked or deleted post (notFoundPost, blockedPost)
    }
    try {
      Post post = BlueskyPosts.post(node.path("post"), settings.project(), sourceRef);
      posts.putIfAbsent(post.id(), post);
    } catch (IllegalArgumentException unreadable) {
      problems.add(
          new ReadItem.UnreadableItem(
              from.toString(),
              node.path("post").path("uri").asText("post"),
              String.valueOf(unreadable.getMessage())));
    }
    collect(node.path("parent"), posts, problems, from);
    for (JsonNode reply : node.path("replies")) {
      collect(reply, posts, problems, from);
    }
  }
}
