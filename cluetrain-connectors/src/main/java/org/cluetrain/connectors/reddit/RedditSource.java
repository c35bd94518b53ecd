package org.cluetrain.connectors.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.ApiResponse;
import org.cluetrain.formats.reddit.RedditListingReader;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * A subreddit's new submissions, or a Reddit search, as a live {@link Source}, over the OAuth API
 * with an app-only token (client credentials).
 *
 * <p>The cursor is the newest submission's fullname. A poll asks for the submissions newer than it
 * ({@code before}), page after page towards the newest, at most {@link Settings#maxPages()} pages;
 * the first poll reads only the newest page. Reddit answers an empty page both when nothing is new
 * and when the cursor's submission was removed; the newest submission is then looked at, and if it
 * is newer than the cursor the cursor is lost (a gap) and the poll starts again from the newest.
 *
 * <p>Submissions with comments get their comment tree ({@code /comments/ID}), completed with {@code
 * /api/morechildren} for the "more" placeholders, within a per-poll budget. The token is fetched
 * when needed and again on {@code 401}; {@code X-Ratelimit-Remaining} and {@code X-Ratelimit-Reset}
 * are honoured by the {@link ApiClient}.
 */
public final class RedditSource implements Source {

  /**
   * A Reddit source's settings.
   *
   * @param project the project it collects for
   * @param subreddit the subreddit without {@code r/}, or {@code null} for a search of all Reddit
   * @param search the search query, or {@code null} for the subreddit's new submissions
   * @param clientId the app's client id
   * @param clientSecret the app's secret
   * @param interval how often it is polled
   * @param api the API's address ({@code https://oauth.reddit.com})
   * @param tokenUrl where tokens are fetched ({@code https://www.reddit.com/api/v1/access_token})
   * @param pageSize submissions per page (at most 100)
   * @param maxPages the most pages per poll
   * @param maxThreads the most comment trees fetched per poll
   * @param maxMore the most {@code morechildren} requests per poll
   */
  public record Settings(
      String project,
      @Nullable String subreddit,
      @Nullable String search,
      String clientId,
      String clientSecret,
      Duration interval,
      URI api,
      URI tokenUrl,
      int pageSize,
      int maxPages,
      int maxThreads,
      int maxMore) {
    public Settings {
      Objects.requireNonNull(project, "project");
      if ((subreddit == null || subreddit.isBlank()) && (search == null || search.isBlank())) {
        throw new IllegalArgumentException("a Reddit source needs a subreddit or a search");
      }
      if (subreddit != null && !subreddit.matches("[A-Za-z0-9_+]{2,64}")) {
        throw new IllegalArgumentException(
            "subreddit '" + subreddit + "' is not a subreddit name such as 'de' or 'bahn'");
      }
      if (pageSize < 1 || pageSize > 100) {
        throw new IllegalArgumentException(
            "Reddit page size must be between 1 and 100 but was " + pageSize);
      }
    }

    /** Reddit's own addresses; 100 a page, 10 pages, 10 comment trees, 10 morechildren. */
    public static Settings of(
        String project,
        @Nullable String subreddit,
        @Nullable String search,
        String clientId,
        String clientSecret,
        Duration interval) {
      return new Settings(
          project,
          subreddit,
          search,
          clientId,
          clientSecret,
          interval,
          URI.create("https://oauth.reddit.com"),
          URI.create("https://www.reddit.com/api/v1/access_token"),
          100,
          10,
          10,
          10);
    }
  }

  private final Settings settings;
  private final ApiClient client;
  private final Clock clock;
  private final String id;
  private final SourceRef sourceRef;
  private final RedditListingReader reader = new RedditListingReader();
  private @Nullable String token;
  private Instant tokenExpires = Instant.EPOCH;

  public RedditSource(Settings settings, ApiClient client, Clock clock) {
    this.settings = settings;
    this.client = client;
    this.clock = clock;
    String subreddit = settings.subreddit();
    this.id =
        subreddit != null
            ? "reddit:r/"
                + subreddit.toLowerCase(java.util.Locale.ROOT)
                + (settings.search() == null ? "" : "/search/" + settings.search())
            : "reddit:search/" + settings.search();
    this.sourceRef = new SourceRef(id, SourceType.REDDIT, id.substring(7), address());
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
    return "reddit";
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
    String api = settings.api().toString();
    return api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
  }

  private String path() {
    String subreddit = settings.subreddit();
    if (settings.search() != null) {
      return (subreddit == null ? "" : "/r/" + subreddit) + "/search";
    }
    return "/r/" + subreddit + "/new";
  }

  private String query(List<String> more) {
    List<String> parameters = new ArrayList<>();
    parameters.add("limit=" + settings.pageSize());
    String search = settings.search();
    if (search != null) {
      parameters.add("q=" + encode(search));
      parameters.add("sort=new");
      if (settings.subreddit() != null) {
        parameters.add("restrict_sr=1");
      }
    }
    parameters.add("raw_json=1");
    parameters.addAll(more);
    return "?" + String.join("&", parameters);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public Batch poll(@Nullable String cursor) throws SourceFailure, InterruptedException {
    List<JsonNode> things = new ArrayList<>();
    String newest = cursor;
    if (cursor == null) {
      JsonNode listing = listing(List.of());
      listing.path("data").path("children").forEach(things::add);
      newest = first(listing, null);
    } else {
      String before = cursor;
      // pages not read this time are newer ones: the next poll goes on from the last page read
      for (int page = 0; page < settings.maxPages(); page++) {
        JsonNode listing = listing(List.of("before=" + encode(before)));
        JsonNode children = listing.path("data").path("children");
        if (children.size() == 0) {
          if (page == 0 && cursorGone(cursor)) {
            // the cursor's submission is gone: start again from the newest, and say so
            JsonNode fresh = listing(List.of());
            fresh.path("data").path("children").forEach(things::add);
            return batch(things, first(fresh, cursor), true);
          }
          break;
        }
        children.forEach(things::add);
        // "before" pages list the newest first: the first child is the next anchor
        before = Objects.requireNonNull(first(listing, before));
        newest = before;
        if (children.size() < settings.pageSize()) {
          break;
        }
      }
    }
    return batch(things, newest, false);
  }

  private Batch batch(List<JsonNode> submissions, @Nullable String cursor, boolean lost)
      throws SourceFailure, InterruptedException {
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    Map<String, Post> posts = new LinkedHashMap<>();
    read(listingOf(submissions), address(), posts, problems);
    int trees = 0;
    int more = 0;
    for (JsonNode submission : submissions) {
      JsonNode data = submission.path("data");
      if (data.path("num_comments").asInt(0) == 0 || trees >= settings.maxThreads()) {
        continue;
      }
      trees++;
      String submissionId = data.path("id").asText("");
      ApiResponse tree =
          get(
              URI.create(
                  base()
                      + "/comments/"
                      + encode(submissionId)
                      + "?raw_json=1&sort=confidence&limit=2048"));
      read(tree.body(), tree.uri().toString(), posts, problems);
      List<String> missing = new ArrayList<>();
      collectMore(parse(tree), missing);
      while (!missing.isEmpty() && more < settings.maxMore()) {
        more++;
        List<String> children = missing.subList(0, Math.min(100, missing.size()));
        String form =
            "api_type=json&link_id=t3_"
                + encode(submissionId)
                + "&children="
                + encode(String.join(",", children));
        ApiResponse answer = post(URI.create(base() + "/api/morechildren?raw_json=1"), form);
        read(answer.body(), answer.uri().toString(), posts, problems);
        List<String> rest = new ArrayList<>(missing.subList(children.size(), missing.size()));
        collectMore(parse(answer), rest);
        missing = rest;
      }
      if (!missing.isEmpty()) {
        problems.add(
            new ReadItem.UnreadableItem(
                tree.uri().toString(),
                "t3_" + submissionId,
                missing.size() + " comments not fetched this time (morechildren budget spent)"));
      }
    }
    List<Post> ofProject = new ArrayList<>();
    for (Post post : posts.values()) {
      ofProject.add(post.toBuilder().project(settings.project()).source(sourceRef).build());
    }
    return new Batch(ofProject, problems, cursor, lost);
  }

  /** The ids of comments a tree or answer only names ({@code more} placeholders). */
  private static void collectMore(JsonNode node, List<String> into) {
    if (node.isObject()) {
      if ("more".equals(node.path("kind").asText())) {
        node.path("data").path("children").forEach(c -> into.add(c.asText()));
        return;
      }
      node.fields().forEachRemaining(e -> collectMore(e.getValue(), into));
    } else if (node.isArray()) {
      node.forEach(child -> collectMore(child, into));
    }
  }

  private static byte[] listingOf(List<JsonNode> children) {
    var listing = Json.mapper().createObjectNode();
    listing.put("kind", "Listing");
    var data = listing.putObject("data");
    var array = data.putArray("children");
    children.forEach(array::add);
    try {
      return Json.mapper().writeValueAsBytes(listing);
    } catch (IOException impossible) {
      throw new IllegalStateException("cannot write a listing", impossible);
    }
  }

  private void read(
      byte[] body, String name, Map<String, Post> posts, List<ReadItem.UnreadableItem> problems) {
    try {
      reader.read(
          InputDocument.ofBytes(name, null, "application/json", body),
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
              name, "answer", Objects.requireNonNullElse(unusable.getMessage(), "unusable")));
    }
  }

  private @Nullable String first(JsonNode listing, @Nullable String otherwise) {
    JsonNode children = listing.path("data").path("children");
    return children.size() == 0
        ? otherwise
        : children.get(0).path("data").path("name").asText(otherwise);
  }

  /** Whether the cursor's submission is no longer listed although newer ones exist. */
  private boolean cursorGone(String cursor) throws SourceFailure, InterruptedException {
    JsonNode info = parse(get(URI.create(base() + "/api/info?id=" + encode(cursor))));
    JsonNode children = info.path("data").path("children");
    if (children.size() == 0) {
      return true;
    }
    JsonNode data = children.get(0).path("data");
    return data.path("removed_by_category").isTextual()
        || "[deleted]".equals(data.path("author").asText());
  }

  private JsonNode listing(List<String> more) throws SourceFailure, InterruptedException {
    ApiResponse response = get(URI.create(base() + path() + query(more)));
    JsonNode root = parse(response);
    if (!"Listing".equals(root.path("kind").asText())) {
      throw new SourceFailure(
          GapReason.PAGE_UNPARSEABLE, response.uri() + ": not a Reddit listing");
    }
    return root;
  }

  private static JsonNode parse(ApiResponse response) throws SourceFailure {
    return ApiJson.parse(response);
  }

  private ApiResponse get(URI uri) throws SourceFailure, InterruptedException {
    try {
      return client.get(uri, Map.of("Authorization", "bearer " + token()));
    } catch (SourceFailure failure) {
      if (failure.reason() != GapReason.AUTH_EXPIRED) {
        throw failure;
      }
      // an app-only token lasts a day: a 401 means it expired early, so fetch one and try again
      token = null;
      return client.get(uri, Map.of("Authorization", "bearer " + token()));
    }
  }

  private ApiResponse post(URI uri, String form) throws SourceFailure, InterruptedException {
    try {
      return client.postForm(uri, Map.of("Authorization", "bearer " + token()), form);
    } catch (SourceFailure failure) {
      if (failure.reason() != GapReason.AUTH_EXPIRED) {
        throw failure;
      }
      token = null;
      return client.postForm(uri, Map.of("Authorization", "bearer " + token()), form);
    }
  }

  /** The app-only token, fetched when there is none or it has expired. */
  private synchronized String token() throws SourceFailure, InterruptedException {
    String current = token;
    if (current != null && clock.instant().isBefore(tokenExpires)) {
      return current;
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (settings.clientId() + ":" + settings.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    ApiResponse answer;
    try {
      answer =
          client.postForm(
              settings.tokenUrl(),
              Map.of("Authorization", "Basic " + basic),
              "grant_type=client_credentials");
    } catch (SourceFailure failure) {
      if (failure.reason() == GapReason.AUTH_EXPIRED) {
        throw new SourceFailure(
            GapReason.AUTH_EXPIRED,
            settings.tokenUrl()
                + ": Reddit refused the app's client id and secret; check them under"
                + " reddit.com/prefs/apps");
      }
      throw failure;
    }
    JsonNode json = parse(answer);
    String fresh = json.path("access_token").asText("");
    if (fresh.isEmpty()) {
      throw new SourceFailure(
          GapReason.AUTH_EXPIRED,
          settings.tokenUrl()
              + ": no access token in the answer ("
              + json.path("error").asText("no error given")
              + ")");
    }
    long seconds = json.path("expires_in").asLong(3600);
    // renewed a minute early, so that no request carries a token about to expire
    tokenExpires = clock.instant().plusSeconds(Math.max(0, seconds - 60));
    token = fresh;
    return fresh;
  }
}
