package org.cluetrain.connectors.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.ApiResponse;
import org.cluetrain.connectors.source.NewestFirstPages;
import org.cluetrain.connectors.source.TimeCursor;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.model.Author;
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * The comments of a YouTube video, or of every video of a channel, through the Data API v3's {@code
 * commentThreads} ({@code part=snippet,replies}, {@code videoId} or {@code
 * allThreadsRelatedToChannelId}, newest first, {@code pageToken} paging until the threads read last
 * time, a {@link TimeCursor} of the top-level comments' times). A thread's top-level comment
 * answers the video; its replies answer the top-level comment. The answer carries at most five
 * replies of a thread: when it has more, they are read with {@code comments?parentId=}.
 *
 * <p>The API key goes with every request ({@code key=}) and is never shown in the source's address.
 * A spent quota ({@code 403} with the reason {@code quotaExceeded}) is a {@code rate-limited} gap
 * that waits for the quota's reset at midnight Pacific time.
 */
public final class YouTubeSource implements Source {

  /** What the source reads the comments of. */
  public enum Target {
    VIDEO("videoId"),
    CHANNEL("allThreadsRelatedToChannelId");

    private final String parameter;

    Target(String parameter) {
      this.parameter = parameter;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A YouTube source's settings.
   *
   * @param project the project it collects for
   * @param target a video's or a channel's comments
   * @param targetId the video id or the channel id ({@code UC…})
   * @param apiKey the Data API key
   * @param interval how often it is polled
   * @param endpoint the API's address ({@code https://www.googleapis.com})
   * @param maxPages the most requests per poll (each costs one unit of the daily quota)
   */
  public record Settings(
      String project,
      Target target,
      String targetId,
      String apiKey,
      Duration interval,
      URI endpoint,
      int maxPages) {
    public Settings {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(endpoint, "endpoint");
      if (targetId == null || !targetId.matches("[A-Za-z0-9_-]{6,64}")) {
        throw new IllegalArgumentException(
            "YouTube " + target.label() + " '" + targetId + "' is not a " + target.label() + " id");
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("a YouTube source needs an API key");
      }
      if (maxPages < 1) {
        throw new IllegalArgumentException("YouTube page budget must be at least 1");
      }
    }

    /** The public API, ten requests a poll. */
    public static Settings of(
        String project, Target target, String targetId, String apiKey, Duration interval) {
      return new Settings(
          project,
          target,
          targetId,
          apiKey,
          interval,
          URI.create("https://www.googleapis.com"),
          10);
    }

    /** The same settings against another address of the API (a test's replay). */
    public Settings withEndpoint(URI other) {
      return new Settings(project, target, targetId, apiKey, interval, other, maxPages);
    }
  }

  private static final String SITE = "https://www.youtube.com/";

  private final Settings settings;
  private final ApiClient client;
  private final String id;
  private final SourceRef sourceRef;

  public YouTubeSource(Settings settings, ApiClient client) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.id = "youtube:" + settings.target().label() + "/" + settings.targetId();
    this.sourceRef =
        new SourceRef(
            id,
            SourceType.WEB,
            "YouTube " + settings.target().label() + " " + settings.targetId(),
            settings.target() == Target.VIDEO
                ? SITE + "watch?v=" + settings.targetId()
                : SITE + "channel/" + settings.targetId());
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
    return "youtube";
  }

  /** The request without its key: the key is not shown. */
  @Override
  public String address() {
    return base()
        + "/youtube/v3/commentThreads?part=snippet,replies&"
        + settings.target().parameter
        + "="
        + settings.targetId();
  }

  @Override
  public Duration interval() {
    return settings.interval();
  }

  @Override
  public Batch poll(@Nullable String cursorText) throws SourceFailure, InterruptedException {
    try {
      return read(cursorText);
    } catch (SourceFailure failure) {
      // the failure names the request, and the gap ledger and the Sources page must not show the
      // key
      throw new SourceFailure(
          failure.reason(), hideKey(String.valueOf(failure.getMessage())), failure.retryAfter());
    }
  }

  private Batch read(@Nullable String cursorText) throws SourceFailure, InterruptedException {
    TimeCursor cursor = TimeCursor.parse(cursorText);
    int[] spent = {0};
    NewestFirstPages.Result result =
        NewestFirstPages.read(
            token -> {
              spent[0]++;
              ApiResponse response =
                  client.get(
                      URI.create(
                          address()
                              + "&order=time&maxResults=100&textFormat=html"
                              + (token == null ? "" : "&pageToken=" + encode(token))
                              + "&key="
                              + encode(settings.apiKey())),
                      Map.of());
              JsonNode root = ApiJson.parse(response);
              JsonNode items = root.path("items");
              if (!items.isArray()) {
                throw ApiJson.unparseable(response, "not a commentThreads answer (no items)");
              }
              List<JsonNode> entries = new ArrayList<>();
              items.forEach(entries::add);
              String next = root.path("nextPageToken").asText("");
              return new NewestFirstPages.Page(entries, next.isEmpty() ? null : next);
            },
            thread ->
                cursor != null
                    && cursor.covers(published(topLevel(thread)), thread.path("id").asText("")),
            cursor == null,
            settings.maxPages());
    List<Post> posts = new ArrayList<>();
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    List<TimeCursor.Stamped> read = new ArrayList<>();
    List<JsonNode> threads = new ArrayList<>(result.entries());
    // oldest first, as they were written
    java.util.Collections.reverse(threads);
    for (JsonNode thread : threads) {
      String threadId = thread.path("id").asText("");
      try {
        JsonNode top = topLevel(thread);
        String videoId = thread.path("snippet").path("videoId").asText("");
        if (videoId.isEmpty()) {
          videoId = top.path("snippet").path("videoId").asText("");
        }
        Instant published = published(top);
        String topId = top.path("id").asText(threadId);
        posts.add(comment(top, videoId, null));
        read.add(new TimeCursor.Stamped(published, threadId));
        List<JsonNode> replies = new ArrayList<>();
        thread.path("replies").path("comments").forEach(replies::add);
        int total = thread.path("snippet").path("totalReplyCount").asInt(0);
        if (total > replies.size() && spent[0] < settings.maxPages()) {
          replies = allReplies(topId, spent);
        }
        for (JsonNode reply : replies) {
          try {
            posts.add(comment(reply, videoId, topId));
          } catch (RuntimeException unreadable) {
            problems.add(
                new ReadItem.UnreadableItem(
                    address(),
                    reply.path("id").asText(""),
                    String.valueOf(unreadable.getMessage())));
          }
        }
      } catch (RuntimeException unreadable) {
        problems.add(
            new ReadItem.UnreadableItem(
                address(), threadId, String.valueOf(unreadable.getMessage())));
      }
    }
    TimeCursor next = TimeCursor.advance(cursor, read);
    return new Batch(
        posts, problems, next == null ? cursorText : next.toString(), !result.reached());
  }

  /** Every reply of a thread, oldest first, as far as the budget goes. */
  private List<JsonNode> allReplies(String parentId, int[] spent)
      throws SourceFailure, InterruptedException {
    List<JsonNode> replies = new ArrayList<>();
    String token = null;
    do {
      spent[0]++;
      ApiResponse response =
          client.get(
              URI.create(
                  base()
                      + "/youtube/v3/comments?part=snippet&parentId="
                      + encode(parentId)
                      + "&maxResults=100&textFormat=html"
                      + (token == null ? "" : "&pageToken=" + encode(token))
                      + "&key="
                      + encode(settings.apiKey())),
              Map.of());
      JsonNode root = ApiJson.parse(response);
      if (!root.path("items").isArray()) {
        throw ApiJson.unparseable(response, "not a comments answer (no items)");
      }
      root.path("items").forEach(replies::add);
      String next = root.path("nextPageToken").asText("");
      token = next.isEmpty() ? null : next;
    } while (token != null && spent[0] < settings.maxPages());
    return replies;
  }

  private static JsonNode topLevel(JsonNode thread) {
    return thread.path("snippet").path("topLevelComment");
  }

  private static Instant published(JsonNode comment) {
    Instant published = Dates.parse(comment.path("snippet").path("publishedAt").asText(""));
    if (published == null) {
      throw new IllegalArgumentException("comment without a readable publishedAt");
    }
    return published;
  }

  private Post comment(JsonNode comment, String videoId, @Nullable String parentCommentId) {
    JsonNode snippet = comment.path("snippet");
    String commentId = comment.path("id").asText("");
    if (commentId.isEmpty() || videoId.isEmpty()) {
      throw new IllegalArgumentException("comment without id or video");
    }
    String html = snippet.path("textDisplay").asText("");
    String text = html.isBlank() ? snippet.path("textOriginal").asText("") : HtmlText.text(html);
    String page = SITE + "watch?v=" + videoId;
    String channel = snippet.path("authorChannelId").path("value").asText("");
    String name = snippet.path("authorDisplayName").asText("");
    String authorUrl = snippet.path("authorChannelUrl").asText("");
    return Post.builder()
        .id("youtube:" + commentId)
        .source(sourceRef)
        .threadId("youtube:" + videoId)
        .parentId("youtube:" + (parentCommentId == null ? videoId : parentCommentId))
        .kind(parentCommentId == null ? PostKind.COMMENT : PostKind.REPLY)
        .author(
            name.isEmpty()
                ? null
                : new Author(
                    "youtube:" + (channel.isEmpty() ? name : channel),
                    name,
                    name.startsWith("@") ? name.substring(1) : null,
                    authorUrl.isEmpty() ? null : authorUrl))
        .url(page + "&lc=" + commentId)
        .text(text)
        .html(html.isBlank() ? null : html)
        .published(published(comment))
        .engagement(
            new Engagement(
                snippet.path("likeCount").canConvertToLong()
                    ? snippet.path("likeCount").asLong()
                    : null,
                null,
                null,
                null,
                null))
        .links(html.isBlank() ? List.of() : HtmlText.links(html, page))
        .project(settings.project())
        .build();
  }

  /** A message with the API key replaced by {@code hidden}. */
  private String hideKey(String message) {
    return message
        .replace("key=" + encode(settings.apiKey()), "key=hidden")
        .replace(settings.apiKey(), "hidden");
  }

  private String base() {
    String text = settings.endpoint().toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
