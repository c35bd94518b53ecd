package org.cluetrain.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.ApiResponse;
import org.cluetrain.formats.mastodon.MastodonReader;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.ingest.StreamingSource;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * One Mastodon timeline or search, on one instance, as a live {@link Source}.
 *
 * <p>The cursor is the newest status id read. A poll asks for the statuses after it ({@code
 * since_id}) and pages towards older ones with the {@code Link: rel="next"} header ({@code max_id})
 * until it reaches the cursor; when {@link Settings#maxPages()} pages do not reach it, the batch
 * says the cursor was lost (posts between may be missing) and the gap ledger keeps that. The first
 * poll of a source reads only the newest page: a new source listens from now on, it does not crawl
 * the instance's history.
 *
 * <p>Replies and posts with replies are completed with their conversation ({@code context}), up to
 * {@link Settings#maxContexts()} per poll, so that a thread's posts arrive together.
 */
public class MastodonSource implements Source {

  /** What is listened to on the instance. */
  public enum Timeline {
    /** The federated timeline: everything the instance knows. */
    PUBLIC,
    /** Only the instance's own accounts. */
    LOCAL,
    /** Statuses with a hashtag (the argument, without {@code #}). */
    TAG,
    /** A list of accounts (the argument is the list id; needs a token of the list's owner). */
    LIST,
    /** Status search (the argument is the query; most instances need a token). */
    SEARCH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A Mastodon source's settings.
   *
   * @param project the project it collects for
   * @param instance the instance's address, e.g. {@code https://mastodon.social}
   * @param timeline what is listened to
   * @param argument the hashtag, list id or search query, or {@code null} for public and local
   * @param interval how often it is polled
   * @param token an access token, or {@code null}
   * @param stream whether posts are also read from the streaming API between polls
   * @param pageSize statuses asked for per page (Mastodon allows at most 40)
   * @param maxPages the most pages read per poll to reach back to the cursor
   * @param maxContexts the most conversations fetched per poll
   */
  public record Settings(
      String project,
      URI instance,
      Timeline timeline,
      @Nullable String argument,
      Duration interval,
      @Nullable String token,
      boolean stream,
      int pageSize,
      int maxPages,
      int maxContexts) {
    public Settings {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(timeline, "timeline");
      Objects.requireNonNull(interval, "interval");
      boolean needsArgument =
          timeline == Timeline.TAG || timeline == Timeline.LIST || timeline == Timeline.SEARCH;
      if (needsArgument && (argument == null || argument.isBlank())) {
        throw new IllegalArgumentException(
            "a Mastodon " + timeline.label() + " source needs a " + what(timeline));
      }
      if (pageSize < 1 || pageSize > 40) {
        throw new IllegalArgumentException(
            "Mastodon page size must be between 1 and 40 but was " + pageSize);
      }
      if (maxPages < 1) {
        throw new IllegalArgumentException("Mastodon max pages must be at least 1");
      }
    }

    /** Public defaults: 40 statuses a page, 10 pages, 10 conversations per poll. */
    public static Settings of(
        String project,
        URI instance,
        Timeline timeline,
        @Nullable String argument,
        Duration interval,
        @Nullable String token,
        boolean stream) {
      return new Settings(
          project, instance, timeline, argument, interval, token, stream, 40, 10, 10);
    }

    private static String what(Timeline timeline) {
      return switch (timeline) {
        case TAG -> "hashtag";
        case LIST -> "list id";
        default -> "search query";
      };
    }
  }

  private final Settings settings;
  private final ApiClient client;
  private final String id;
  private final String host;
  private final SourceRef sourceRef;
  private final MastodonReader reader = new MastodonReader();

  MastodonSource(Settings settings, ApiClient client) {
    this.settings = settings;
    this.client = client;
    String instanceHost = settings.instance().getHost();
    if (instanceHost == null) {
      throw new IllegalArgumentException(
          "Mastodon instance '" + settings.instance() + "' is not an http(s) address");
    }
    this.host =
        settings.instance().getPort() < 0
            ? instanceHost
            : instanceHost + ":" + settings.instance().getPort();
    this.id = "mastodon:" + host + "/" + scope(settings);
    this.sourceRef =
        new SourceRef(id, SourceType.MASTODON, host + " " + scope(settings), address());
  }

  /** The source for these settings: a streaming one when asked and the timeline has a stream. */
  public static MastodonSource of(Settings settings, ApiClient client) {
    return settings.stream() && settings.timeline() != Timeline.SEARCH
        ? new Streaming(settings, client)
        : new MastodonSource(settings, client);
  }

  private static String scope(Settings settings) {
    String argument = Objects.requireNonNullElse(settings.argument(), "");
    return switch (settings.timeline()) {
      case PUBLIC -> "public";
      case LOCAL -> "local";
      case TAG -> "tags/" + argument.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
      case LIST -> "lists/" + argument;
      case SEARCH -> "search/" + argument;
    };
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
    return "mastodon";
  }

  @Override
  public String address() {
    return base() + path() + query(List.of());
  }

  @Override
  public Duration interval() {
    return settings.interval();
  }

  private String base() {
    String instance = settings.instance().toString();
    return instance.endsWith("/") ? instance.substring(0, instance.length() - 1) : instance;
  }

  private String path() {
    String argument = encode(Objects.requireNonNullElse(settings.argument(), ""));
    return switch (settings.timeline()) {
      case PUBLIC, LOCAL -> "/api/v1/timelines/public";
      case TAG -> "/api/v1/timelines/tag/" + encode(stripHash(settings.argument()));
      case LIST -> "/api/v1/timelines/list/" + argument;
      case SEARCH -> "/api/v2/search";
    };
  }

  private static String stripHash(@Nullable String tag) {
    return Objects.requireNonNullElse(tag, "").replaceFirst("^#", "");
  }

  private String query(List<String> more) {
    List<String> parameters = new ArrayList<>();
    if (settings.timeline() == Timeline.LOCAL) {
      parameters.add("local=true");
    }
    if (settings.timeline() == Timeline.SEARCH) {
      parameters.add("q=" + encode(Objects.requireNonNullElse(settings.argument(), "")));
      parameters.add("type=statuses");
    }
    parameters.add("limit=" + settings.pageSize());
    parameters.addAll(more);
    return "?" + String.join("&", parameters);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Map<String, String> headers() {
    String token = settings.token();
    return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
  }

  @Override
  public Batch poll(@Nullable String cursor) throws SourceFailure, InterruptedException {
    // search has no since_id: it pages down from the newest and stops at the cursor
    List<String> first = new ArrayList<>();
    if (cursor != null && settings.timeline() != Timeline.SEARCH) {
      first.add("since_id=" + encode(cursor));
    }
    URI next = URI.create(base() + path() + query(first));
    List<JsonNode> statuses = new ArrayList<>();
    @Nullable String newest = cursor;
    boolean reached = cursor == null;
    for (int page = 0; page < settings.maxPages(); page++) {
      ApiResponse response = client.get(next, headers());
      JsonNode entries = statusesOf(response);
      @Nullable String oldest = null;
      for (JsonNode entry : entries) {
        String entryId = entry.path("id").asText("");
        if (entryId.isEmpty() || (cursor != null && compareIds(entryId, cursor) <= 0)) {
          reached = true;
          continue;
        }
        statuses.add(entry);
        if (newest == null || compareIds(entryId, newest) > 0) {
          newest = entryId;
        }
        if (oldest == null || compareIds(entryId, oldest) < 0) {
          oldest = entryId;
        }
      }
      if (cursor == null || reached || entries.size() < settings.pageSize() || oldest == null) {
        reached = true;
        break;
      }
      String olderThan = oldest;
      List<String> older = new ArrayList<>(List.of("max_id=" + encode(olderThan)));
      if (settings.timeline() != Timeline.SEARCH) {
        older.add("since_id=" + encode(cursor));
      }
      next = response.link("next").orElseGet(() -> URI.create(base() + path() + query(older)));
    }
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    List<JsonNode> conversation = conversations(statuses, problems);
    List<JsonNode> all = new ArrayList<>(statuses);
    all.addAll(conversation);
    List<Post> posts = read(all, problems);
    return new Batch(posts, problems, newest, !reached);
  }

  /** The statuses of a timeline page (an array) or of a search answer ({@code statuses}). */
  private JsonNode statusesOf(ApiResponse response) throws SourceFailure {
    JsonNode root = ApiJson.parse(response);
    if (settings.timeline() == Timeline.SEARCH && root.isObject()) {
      root = root.path("statuses");
    }
    if (!root.isArray()) {
      String error = root.path("error").asText("");
      throw ApiJson.unparseable(
          response,
          error.isEmpty()
              ? "not a list of statuses"
              : "not a list of statuses but the error \"" + error + "\"");
    }
    return root;
  }

  /** The conversations of replies and of posts with replies, within the per-poll budget. */
  private List<JsonNode> conversations(
      List<JsonNode> statuses, List<ReadItem.UnreadableItem> problems)
      throws InterruptedException, SourceFailure {
    List<JsonNode> found = new ArrayList<>();
    Set<String> known = new HashSet<>();
    statuses.forEach(s -> known.add(status(s).path("id").asText("")));
    int fetched = 0;
    for (JsonNode entry : statuses) {
      JsonNode status = status(entry);
      boolean inThread =
          !status.path("in_reply_to_id").isNull() && status.has("in_reply_to_id")
              || status.path("replies_count").asInt(0) > 0;
      String statusId = status.path("id").asText("");
      if (!inThread || statusId.isEmpty() || fetched >= settings.maxContexts()) {
        continue;
      }
      fetched++;
      URI context = URI.create(base() + "/api/v1/statuses/" + encode(statusId) + "/context");
      try {
        JsonNode answer = Json.mapper().readTree(client.get(context, headers()).body());
        for (String part : List.of("ancestors", "descendants")) {
          for (JsonNode other : answer.path(part)) {
            if (known.add(other.path("id").asText(""))) {
              found.add(other);
            }
          }
        }
      } catch (IOException unreadable) {
        problems.add(
            new ReadItem.UnreadableItem(
                context.toString(), statusId, "conversation not JSON: " + unreadable));
      } catch (SourceFailure failure) {
        if (failure.reason() == GapReason.RATE_LIMITED) {
          // the timeline itself was read; its threads are completed at the next poll
          problems.add(
              new ReadItem.UnreadableItem(
                  context.toString(), statusId, "conversation not fetched: rate limited"));
          break;
        }
        problems.add(
            new ReadItem.UnreadableItem(
                context.toString(), statusId, "conversation not fetched: " + failure.getMessage()));
      }
    }
    return found;
  }

  private static JsonNode status(JsonNode entry) {
    return entry.path("reblog").isObject() ? entry.get("reblog") : entry;
  }

  /**
   * The statuses as posts of this project and source, replies linked to their parents by the
   * instance's status ids.
   */
  List<Post> read(List<JsonNode> entries, List<ReadItem.UnreadableItem> problems) {
    if (entries.isEmpty()) {
      return List.of();
    }
    ArrayNode array = Json.mapper().createArrayNode();
    entries.forEach(array::add);
    // instance-local id → post id, and post id → the instance-local id of its parent
    Map<String, String> postIdByLocal = new HashMap<>();
    Map<String, String> parentLocalByPostId = new HashMap<>();
    for (JsonNode entry : entries) {
      JsonNode status = status(entry);
      String uri = status.path("uri").asText("");
      String local = status.path("id").asText("");
      if (uri.isEmpty() || local.isEmpty()) {
        continue;
      }
      postIdByLocal.put(local, "mastodon:" + uri);
      JsonNode parent = status.path("in_reply_to_id");
      if (parent.isTextual()) {
        parentLocalByPostId.put("mastodon:" + uri, parent.asText());
      }
    }
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(array);
    } catch (IOException impossible) {
      throw new IllegalStateException("cannot write statuses back as JSON", impossible);
    }
    Map<String, Post> posts = new LinkedHashMap<>();
    try {
      reader.read(
          InputDocument.ofBytes(address(), URI.create(address()), "application/json", bytes),
          item -> {
            if (item instanceof ReadItem.ParsedPost parsed) {
              posts.putIfAbsent(parsed.post().id(), parsed.post());
            } else if (item instanceof ReadItem.UnreadableItem problem) {
              problems.add(problem);
            }
          });
    } catch (UnusableInputException unusable) {
      problems.add(
          new ReadItem.UnreadableItem(
              address(), "page", Objects.requireNonNullElse(unusable.getMessage(), "unusable")));
    }
    List<Post> linked = new ArrayList<>();
    for (Post post : posts.values()) {
      Post.Builder builder = post.toBuilder().project(settings.project()).source(sourceRef);
      String parentLocal = parentLocalByPostId.get(post.id());
      String parentId = parentLocal == null ? null : postIdByLocal.get(parentLocal);
      if (parentId != null) {
        builder
            .parentId(parentId)
            .threadId(root(parentId, postIdByLocal, parentLocalByPostId))
            .kind(PostKind.REPLY);
      }
      linked.add(builder.build());
    }
    return linked;
  }

  /** The oldest known ancestor: the thread's id. */
  private static String root(
      String postId, Map<String, String> postIdByLocal, Map<String, String> parentLocalByPostId) {
    String current = postId;
    Set<String> seen = new HashSet<>();
    while (seen.add(current)) {
      String parentLocal = parentLocalByPostId.get(current);
      String parent = parentLocal == null ? null : postIdByLocal.get(parentLocal);
      if (parent == null) {
        return current;
      }
      current = parent;
    }
    return current;
  }

  /** Status ids are numbers too long for a long on some servers: compare them as decimals. */
  static int compareIds(String a, String b) {
    boolean numeric =
        a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
    if (numeric && a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  /** A timeline also read from the streaming API between polls. */
  static final class Streaming extends MastodonSource implements StreamingSource {
    Streaming(Settings settings, ApiClient client) {
      super(settings, client);
    }

    @Override
    public void stream(Consumer<Batch> sink) throws SourceFailure, InterruptedException {
      Settings settings = settings();
      String argument = Objects.requireNonNullElse(settings.argument(), "");
      String path =
          switch (settings.timeline()) {
            case LOCAL -> "/api/v1/streaming/public/local";
            case TAG -> "/api/v1/streaming/hashtag?tag=" + encode(stripHash(argument));
            case LIST -> "/api/v1/streaming/list?list=" + encode(argument);
            default -> "/api/v1/streaming/public";
          };
      URI stream = URI.create(baseAddress() + path);
      client()
          .events(
              stream,
              headers(),
              (event, data) -> {
                if (!event.equals("update")) {
                  return true;
                }
                List<ReadItem.UnreadableItem> problems = new ArrayList<>();
                JsonNode status;
                try {
                  status = Json.mapper().readTree(data);
                } catch (IOException unreadable) {
                  problems.add(
                      new ReadItem.UnreadableItem(
                          stream.toString(), "update", "not JSON: " + ApiJson.firstLine(data)));
                  sink.accept(new Batch(List.of(), problems, null, false));
                  return true;
                }
                List<Post> posts = read(List.of(status), problems);
                sink.accept(new Batch(posts, problems, null, false));
                return true;
              });
    }
  }

  Settings settings() {
    return settings;
  }

  ApiClient client() {
    return client;
  }

  String baseAddress() {
    return base();
  }
}
