package org.cluetrain.connectors.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.ApiResponse;
import org.cluetrain.connectors.source.NewestFirstPages;
import org.cluetrain.connectors.source.TimeCursor;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * Hacker News as a live {@link Source}, in one of two modes.
 *
 * <p>A <b>search</b> asks Algolia's {@code /api/v1/search_by_date} for stories and comments
 * matching the query and created since the cursor's time ({@code numericFilters=created_at_i>=T}),
 * paging with {@code page} until the hits reach back to the posts read last time (a {@link
 * TimeCursor}: the bound is inclusive, so the posts of the cursor's second are left out).
 *
 * <p>The <b>new</b> mode reads the official API's {@code /v0/newstories.json} (the newest 500 ids)
 * and fetches each story newer than the cursor ({@code /v0/item/ID.json}), oldest first and at most
 * {@link Settings#maxItems()} items a poll, so that the next poll goes on where this one stopped.
 * Every story read is then followed for {@link Settings#follow()}: when its {@code descendants}
 * count grows, its comment tree ({@code kids}) is walked again and the comments newer than those
 * already delivered are read. When the cursor's story has dropped out of the 500, the batch says
 * the cursor was lost.
 */
public final class HackerNewsSource implements Source {

  /** What is listened to. */
  public enum Mode {
    /** Stories and comments matching a query (Algolia). */
    SEARCH,
    /** The newest stories and their comments (Firebase). */
    NEW;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A Hacker News source's settings.
   *
   * @param project the project it collects for
   * @param mode what is listened to
   * @param query the search query (search mode), else {@code null}
   * @param interval how often it is polled
   * @param algolia the search API's address ({@code https://hn.algolia.com})
   * @param firebase the official API's address ({@code https://hacker-news.firebaseio.com})
   * @param pageSize hits per search page (at most 1000)
   * @param maxPages the most search pages per poll
   * @param maxItems the most items fetched per poll in the new mode
   * @param follow how long a story's comments are followed
   */
  public record Settings(
      String project,
      Mode mode,
      @Nullable String query,
      Duration interval,
      URI algolia,
      URI firebase,
      int pageSize,
      int maxPages,
      int maxItems,
      Duration follow) {
    public Settings {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(interval, "interval");
      if (mode == Mode.SEARCH && (query == null || query.isBlank())) {
        throw new IllegalArgumentException("a Hacker News search source needs a query");
      }
      if (mode == Mode.NEW && query != null) {
        throw new IllegalArgumentException(
            "a Hacker News 'new' source reads every new story; filter with the project's queries");
      }
      if (pageSize < 1 || pageSize > 1000) {
        throw new IllegalArgumentException(
            "Hacker News page size must be between 1 and 1000 but was " + pageSize);
      }
      if (maxPages < 1 || maxItems < 1) {
        throw new IllegalArgumentException("Hacker News page and item budgets must be at least 1");
      }
    }

    /** The public APIs; 100 hits a page, 10 pages, 200 items a poll, comments followed a day. */
    public static Settings of(
        String project, Mode mode, @Nullable String query, Duration interval) {
      return new Settings(
          project,
          mode,
          query,
          interval,
          URI.create("https://hn.algolia.com"),
          URI.create("https://hacker-news.firebaseio.com"),
          100,
          10,
          200,
          Duration.ofDays(1));
    }

    /**
     * The same settings against another address of the API this mode reads (Algolia's for a search,
     * Firebase's for new stories): a mirror, or a test's replay.
     */
    public Settings withEndpoint(URI endpoint) {
      return new Settings(
          project,
          mode,
          query,
          interval,
          mode == Mode.SEARCH ? endpoint : algolia,
          mode == Mode.NEW ? endpoint : firebase,
          pageSize,
          maxPages,
          maxItems,
          follow);
    }
  }

  private static final String SITE = "https://news.ycombinator.com/";

  private final Settings settings;
  private final ApiClient client;
  private final Clock clock;
  private final String id;
  private final SourceRef sourceRef;

  public HackerNewsSource(Settings settings, ApiClient client, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.id =
        settings.mode() == Mode.NEW
            ? "hackernews:new"
            : "hackernews:search/" + Objects.requireNonNull(settings.query());
    this.sourceRef = new SourceRef(id, SourceType.HACKERNEWS, id.substring(11), address());
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
    return "hackernews";
  }

  @Override
  public String address() {
    return settings.mode() == Mode.NEW
        ? base(settings.firebase()) + "/v0/newstories.json"
        : base(settings.algolia())
            + "/api/v1/search_by_date?query="
            + encode(Objects.requireNonNull(settings.query()))
            + "&tags=(story,comment)";
  }

  @Override
  public Duration interval() {
    return settings.interval();
  }

  @Override
  public Batch poll(@Nullable String cursor) throws SourceFailure, InterruptedException {
    return settings.mode() == Mode.NEW ? pollNew(NewCursor.parse(cursor)) : search(cursor);
  }

  // ---- search (Algolia) ----

  private Batch search(@Nullable String cursorText) throws SourceFailure, InterruptedException {
    TimeCursor cursor = TimeCursor.parse(cursorText);
    String since =
        cursor == null
            ? ""
            : "&numericFilters=" + encode("created_at_i>=" + cursor.newest().getEpochSecond());
    NewestFirstPages.Result result =
        NewestFirstPages.read(
            token -> {
              int page = token == null ? 0 : Integer.parseInt(token);
              ApiResponse response =
                  client.get(
                      URI.create(
                          address()
                              + since
                              + "&hitsPerPage="
                              + settings.pageSize()
                              + "&page="
                              + page),
                      Map.of());
              JsonNode root = ApiJson.parse(response);
              JsonNode hits = root.path("hits");
              if (!hits.isArray()) {
                throw ApiJson.unparseable(response, "not an Algolia search answer (no hits)");
              }
              List<JsonNode> entries = new ArrayList<>();
              hits.forEach(entries::add);
              int pages = root.path("nbPages").asInt(0);
              return new NewestFirstPages.Page(
                  entries, page + 1 < pages ? Integer.toString(page + 1) : null);
            },
            hit -> cursor != null && cursor.covers(createdAt(hit), hit.path("objectID").asText("")),
            cursor == null,
            settings.maxPages());
    List<Post> posts = new ArrayList<>();
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    List<TimeCursor.Stamped> read = new ArrayList<>();
    for (JsonNode hit : result.entries()) {
      String objectId = hit.path("objectID").asText("");
      try {
        Instant created = createdAt(hit);
        boolean comment = hit.path("comment_text").isTextual();
        String storyId = hit.path("story_id").isNumber() ? hit.path("story_id").asText() : objectId;
        posts.add(
            post(
                objectId,
                comment ? storyId : objectId,
                comment ? hit.path("parent_id").asText(null) : null,
                hit.path("author").asText(""),
                created,
                comment ? null : hit.path("title").asText(null),
                comment ? null : hit.path("url").asText(null),
                comment ? hit.path("comment_text").asText("") : hit.path("story_text").asText(""),
                hit.path("points").asInt(0)));
        read.add(new TimeCursor.Stamped(created, objectId));
      } catch (RuntimeException unreadable) {
        problems.add(
            new ReadItem.UnreadableItem(
                address(), objectId, String.valueOf(unreadable.getMessage())));
      }
    }
    TimeCursor next = TimeCursor.advance(cursor, read);
    return new Batch(
        posts, problems, next == null ? cursorText : next.toString(), !result.reached());
  }

  private static Instant createdAt(JsonNode hit) {
    JsonNode seconds = hit.path("created_at_i");
    if (!seconds.canConvertToLong()) {
      throw new IllegalArgumentException("hit without created_at_i");
    }
    return Instant.ofEpochSecond(seconds.asLong());
  }

  // ---- new stories and their comments (Firebase) ----

  private Batch pollNew(NewCursor cursor) throws SourceFailure, InterruptedException {
    ApiResponse listing = client.get(URI.create(address()), Map.of());
    JsonNode ids = ApiJson.parse(listing);
    if (!ids.isArray()) {
      throw ApiJson.unparseable(listing, "not a list of story ids");
    }
    TreeSet<Long> newer = new TreeSet<>();
    long oldestListed = Long.MAX_VALUE;
    for (JsonNode idNode : ids) {
      long storyId = idNode.asLong(0);
      oldestListed = Math.min(oldestListed, storyId);
      if (storyId > cursor.newest) {
        newer.add(storyId);
      }
    }
    List<Post> posts = new ArrayList<>();
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    Instant now = clock.instant();
    int budget = settings.maxItems();
    long newest = cursor.newest;
    boolean lost = false;
    Map<Long, Followed> followed = new LinkedHashMap<>(cursor.followed);
    followed.values().removeIf(f -> f.since.plus(settings.follow()).isBefore(now));
    if (cursor.newest == 0) {
      // a new source listens from now on: the newest page's worth of stories
      while (newer.size() > settings.pageSize()) {
        newer.pollFirst();
      }
    } else if (!ids.isEmpty() && ids.size() >= 500 && oldestListed > cursor.newest + 1) {
      lost = true;
    }
    for (long storyId : newer) {
      if (budget-- <= 0) {
        break;
      }
      JsonNode item = item(storyId, problems);
      newest = storyId;
      if (item == null) {
        continue;
      }
      Post story = itemPost(item, storyId, problems);
      if (story != null) {
        posts.add(story);
        followed.put(storyId, new Followed(now, 0, storyId));
      }
    }
    // comment trees that grew since they were last walked
    for (Map.Entry<Long, Followed> entry : new ArrayList<>(followed.entrySet())) {
      if (budget <= 0) {
        break;
      }
      long storyId = entry.getKey();
      Followed follow = entry.getValue();
      JsonNode story = item(storyId, problems);
      budget--;
      // the story checked goes to the end, so that a poll whose budget runs out before the last
      // followed story leaves the others to the next poll
      followed.remove(storyId);
      followed.put(storyId, follow);
      if (story == null || story.path("descendants").asInt(0) <= follow.descendants) {
        continue;
      }
      long newestComment = follow.newestComment;
      Deque<Long> walk = new ArrayDeque<>();
      story.path("kids").forEach(k -> walk.add(k.asLong()));
      boolean complete = true;
      while (!walk.isEmpty()) {
        if (budget-- <= 0) {
          complete = false;
          break;
        }
        long commentId = walk.poll();
        JsonNode comment = item(commentId, problems);
        if (comment == null) {
          continue;
        }
        comment.path("kids").forEach(k -> walk.add(k.asLong()));
        if (commentId > follow.newestComment) {
          Post post = itemPost(comment, storyId, problems);
          if (post != null) {
            posts.add(post);
          }
          newestComment = Math.max(newestComment, commentId);
        }
      }
      // an unfinished walk is done again at the next poll, from the same marks
      if (complete) {
        followed.put(
            storyId, new Followed(follow.since, story.path("descendants").asInt(0), newestComment));
      }
    }
    return new Batch(posts, problems, new NewCursor(newest, followed).toString(), lost);
  }

  private @Nullable JsonNode item(long itemId, List<ReadItem.UnreadableItem> problems)
      throws SourceFailure, InterruptedException {
    ApiResponse response =
        client.get(
            URI.create(base(settings.firebase()) + "/v0/item/" + itemId + ".json"), Map.of());
    JsonNode item = ApiJson.parse(response);
    if (item.isNull() || !item.isObject()) {
      problems.add(
          new ReadItem.UnreadableItem(
              response.uri().toString(), Long.toString(itemId), "no such item"));
      return null;
    }
    return item;
  }

  private @Nullable Post itemPost(
      JsonNode item, long storyId, List<ReadItem.UnreadableItem> problems) {
    String itemId = item.path("id").asText("");
    if (item.path("deleted").asBoolean(false) || item.path("dead").asBoolean(false)) {
      return null;
    }
    try {
      boolean comment = "comment".equals(item.path("type").asText());
      JsonNode time = item.path("time");
      if (!time.canConvertToLong()) {
        throw new IllegalArgumentException("item without time");
      }
      return post(
          itemId,
          Long.toString(storyId),
          comment ? item.path("parent").asText(null) : null,
          item.path("by").asText(""),
          Instant.ofEpochSecond(time.asLong()),
          comment ? null : item.path("title").asText(null),
          comment ? null : item.path("url").asText(null),
          item.path("text").asText(""),
          item.path("score").asInt(0));
    } catch (RuntimeException unreadable) {
      problems.add(
          new ReadItem.UnreadableItem(address(), itemId, String.valueOf(unreadable.getMessage())));
      return null;
    }
  }

  // ---- both ----

  private Post post(
      String itemId,
      String storyId,
      @Nullable String parentId,
      String author,
      Instant published,
      @Nullable String title,
      @Nullable String link,
      String html,
      int points) {
    String page = SITE + "item?id=" + itemId;
    List<String> links = new ArrayList<>();
    if (link != null && !link.isBlank()) {
      links.add(link);
    }
    if (!html.isBlank()) {
      links.addAll(HtmlText.links(html, page));
    }
    boolean isComment = parentId != null;
    return Post.builder()
        .id("hackernews:" + itemId)
        .source(sourceRef)
        .threadId("hackernews:" + storyId)
        .parentId(isComment ? "hackernews:" + parentId : null)
        .kind(
            isComment
                ? (storyId.equals(parentId) ? PostKind.COMMENT : PostKind.REPLY)
                : PostKind.POST)
        .author(
            author.isEmpty()
                ? null
                : new Author(
                    "hackernews:" + author, author, author, SITE + "user?id=" + encode(author)))
        .url(page)
        .title(title == null || title.isBlank() ? null : title)
        .text(html.isBlank() ? "" : HtmlText.text(html))
        .html(html.isBlank() ? null : html)
        .published(published)
        .links(links)
        .project(settings.project())
        .build();
  }

  private static String base(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A story whose comments are followed: since when, how many it had, the newest delivered. */
  private record Followed(Instant since, int descendants, long newestComment) {}

  /**
   * The new mode's cursor: the newest story read and the stories followed, written as {@code
   * 41234567;41234500@1764579600@3@41234590,...}.
   */
  private record NewCursor(long newest, Map<Long, Followed> followed) {
    static NewCursor parse(@Nullable String text) {
      Map<Long, Followed> followed = new LinkedHashMap<>();
      if (text == null || text.isBlank()) {
        return new NewCursor(0, followed);
      }
      String[] parts = text.split(";", 2);
      try {
        long newest = Long.parseLong(parts[0].strip());
        if (parts.length > 1 && !parts[1].isBlank()) {
          for (String entry : parts[1].split(",")) {
            String[] fields = entry.split("@");
            followed.put(
                Long.parseLong(fields[0]),
                new Followed(
                    Instant.ofEpochSecond(Long.parseLong(fields[1])),
                    Integer.parseInt(fields[2]),
                    Long.parseLong(fields[3])));
          }
        }
        return new NewCursor(newest, followed);
      } catch (RuntimeException unreadable) {
        return new NewCursor(0, new LinkedHashMap<>());
      }
    }

    @Override
    public String toString() {
      List<String> entries = new ArrayList<>();
      followed.forEach(
          (story, f) ->
              entries.add(
                  story
                      + "@"
                      + f.since.getEpochSecond()
                      + "@"
                      + f.descendants
                      + "@"
                      + f.newestComment));
      return newest + ";" + String.join(",", entries);
    }
  }
}
