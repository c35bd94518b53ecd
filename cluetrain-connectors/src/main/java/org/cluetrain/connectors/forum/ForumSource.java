package org.cluetrain.connectors.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiJson;
import org.cluetrain.connectors.source.ApiResponse;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.json.Json;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * A forum thread, or a board's threads, followed by its address.
 *
 * <p>The first poll fetches the address and recognises the engine from the page ({@link
 * ForumEngine#recognise}); a page no engine's markup is found on is a gap with the reason {@code
 * page-unparseable}, never an empty success. A thread is then read page by page, politely (the
 * {@link ApiClient} sends one request at a time to a host, with a pause between): Discourse through
 * its JSON API ({@code /t/ID.json}, the posts not in it by {@code /t/ID/posts.json?post_ids[]=}), a
 * WordPress post's comments through the REST API ({@code wp-json/wp/v2/comments?post=}, newest
 * first until the last one read), falling back to the page's comment list where the API is off, and
 * phpBB, XenForo and vBulletin as their pages, following each page's link to the next.
 *
 * <p>The cursor remembers, for every thread followed, the last page read and the newest post
 * delivered; the next poll reads that page again and only the pages after it, so a thread is
 * followed as it grows. A board's address lists its threads: each poll reads the board's first page
 * and follows the threads new there, up to {@link Settings#maxThreads()}.
 *
 * <p>Replies keep their place: a Discourse post answers the post it replies to ({@code
 * reply_to_post_number}), a WordPress comment its {@code parent}; on the flat forums a post that
 * quotes another answers the post it quotes first, any other post the thread's first post. Quotes
 * stay in the post's HTML and are left out of its text, so that quoted words are not counted twice.
 */
public final class ForumSource implements Source {

  /**
   * A forum source's settings.
   *
   * @param project the project it collects for
   * @param url the thread's or board's address
   * @param interval how often it is polled
   * @param maxPages the most pages (or API requests) fetched per poll
   * @param maxThreads the most threads of a board followed at once
   */
  public record Settings(String project, URI url, Duration interval, int maxPages, int maxThreads) {
    public Settings {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(interval, "interval");
      if (url.getHost() == null
          || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
        throw new IllegalArgumentException("forum '" + url + "' is not an http(s) address");
      }
      if (maxPages < 1 || maxThreads < 1) {
        throw new IllegalArgumentException("forum page and thread budgets must be at least 1");
      }
    }

    /** Twenty pages a poll, thirty threads of a board. */
    public static Settings of(String project, URI url, Duration interval) {
      return new Settings(project, url, interval, 20, 30);
    }
  }

  private static final Map<String, String> HTML =
      Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");

  /**
   * {@code /t/slug/ID}, {@code /t/ID}, either with a post number after: a slug is not all digits.
   */
  private static final Pattern DISCOURSE_TOPIC =
      Pattern.compile("^(.*?)/t/(?:[^/]*[^/\\d][^/]*/)?(\\d+)");

  private static final Pattern WP_POST_ID = Pattern.compile("(?:^|\\s)postid-(\\d+)(?:\\s|$)");
  private static final Pattern SHORTLINK_ID = Pattern.compile("[?&]p=(\\d+)");
  private static final int DISCOURSE_CHUNK = 20;

  /** The product token robots.txt groups are matched against (the user agent's first word). */
  private static final String ROBOTS_AGENT = "cluetrain";

  private static final Duration ROBOTS_KEPT = Duration.ofDays(1);
  private static final int WP_PAGE = 100;

  private final Settings settings;
  private final ApiClient client;
  private final Clock clock;
  private final String id;
  private final SourceRef sourceRef;
  private final Map<String, Robots> robots = new java.util.concurrent.ConcurrentHashMap<>();

  public ForumSource(Settings settings, ApiClient client, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    URI url = settings.url();
    String path = Objects.requireNonNullElse(url.getRawPath(), "");
    this.id =
        "forum:"
            + url.getHost()
            + path
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    this.sourceRef = new SourceRef(id, SourceType.FORUM, url.getHost() + path, url.toString());
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
    return "forum";
  }

  @Override
  public String address() {
    return settings.url().toString();
  }

  @Override
  public Duration interval() {
    return settings.interval();
  }

  @Override
  public Batch poll(@Nullable String cursorText) throws SourceFailure, InterruptedException {
    State state = State.parse(cursorText);
    Poll poll = new Poll(settings.maxPages());
    boolean board;
    if (state == null) {
      Document page = page(settings.url().toString(), poll);
      ForumEngine engine = ForumEngine.recognise(page);
      if (engine == null) {
        throw new SourceFailure(
            GapReason.PAGE_UNPARSEABLE,
            address()
                + ": page unparseable: no Discourse, phpBB, XenForo, vBulletin or WordPress"
                + " markup recognised");
      }
      board = HtmlThreads.isBoard(engine, settings.url());
      state = new State(engine, new ArrayList<>());
      if (board) {
        poll.pages.put(address(), page);
      } else {
        state.threads.add(start(engine, page, poll));
      }
    } else {
      board = HtmlThreads.isBoard(state.engine, settings.url());
    }
    if (board) {
      follow(state, boardThreads(state.engine, poll));
    }
    // the threads read go to the end, so that the next poll starts with those left out
    List<Followed> unread = new ArrayList<>();
    List<Followed> read = new ArrayList<>();
    for (Followed thread : state.threads) {
      if (poll.left() <= 0) {
        unread.add(thread);
        continue;
      }
      try {
        read.add(read(state.engine, thread, poll));
      } catch (SourceFailure failure) {
        if (!board) {
          throw failure;
        }
        // one thread of a board that cannot be read does not stop the others
        poll.problems.add(
            new ReadItem.UnreadableItem(
                thread.url, thread.url, String.valueOf(failure.getMessage())));
        read.add(thread);
      }
    }
    unread.addAll(read);
    State next = new State(state.engine, unread);
    return new Batch(poll.posts, poll.problems, next.toString(), false);
  }

  /** The thread the first page is of, at its first page, with what that page says of it. */
  private Followed start(ForumEngine engine, Document page, Poll poll)
      throws SourceFailure, InterruptedException {
    String url = settings.url().toString();
    if (engine == ForumEngine.DISCOURSE) {
      Matcher topic = DISCOURSE_TOPIC.matcher(url);
      if (!topic.find()) {
        throw unparseable(url, "not a Discourse topic address (/t/slug/ID)");
      }
      return Followed.at(topic.group(1) + "/t/" + topic.group(2), "json");
    }
    if (engine == ForumEngine.WORDPRESS) {
      Element api = page.selectFirst("link[rel=https://api.w.org/]");
      String postId = wordpressPostId(page);
      Post article = wordpressArticle(page, postId, poll);
      String opener = article == null ? null : article.id();
      if (article != null) {
        poll.posts.add(article);
      }
      if (api != null && postId != null && api.absUrl("href").startsWith("http")) {
        String root = api.absUrl("href");
        String comments =
            root + (root.contains("rest_route=") ? "wp/v2/comments&post=" : "wp/v2/comments?post=");
        return Followed.at(url, "json")
            .movedTo(comments + postId, "json", opener, title(article), 0);
      }
      poll.pages.put(url, page);
      return Followed.at(url, "html").movedTo(url, "html", opener, title(article), 0);
    }
    poll.pages.put(url, page);
    return Followed.at(url, "html");
  }

  private static @Nullable String title(@Nullable Post post) {
    return post == null ? null : post.title();
  }

  private Followed read(ForumEngine engine, Followed thread, Poll poll)
      throws SourceFailure, InterruptedException {
    if (engine == ForumEngine.DISCOURSE) {
      return discourse(thread, poll);
    }
    if (engine == ForumEngine.WORDPRESS && thread.mode.equals("json")) {
      try {
        return wordpressComments(thread, poll);
      } catch (SourceFailure refused) {
        if (refused.reason() != GapReason.REQUEST_REFUSED
            && refused.reason() != GapReason.AUTH_EXPIRED) {
          throw refused;
        }
        // the REST API is switched off or closed to guests: the page's comment list instead
        String page = settings.url().toString();
        return html(
            engine, thread.movedTo(page, "html", thread.opener, thread.title, thread.last), poll);
      }
    }
    return html(engine, thread, poll);
  }

  // ---- phpBB, XenForo, vBulletin, WordPress pages ----

  private Followed html(ForumEngine engine, Followed thread, Poll poll)
      throws SourceFailure, InterruptedException {
    String url = thread.url;
    String opener = thread.opener;
    String title = thread.title;
    long last = thread.last;
    while (true) {
      Document document = poll.pages.remove(url);
      if (document == null) {
        if (poll.left() <= 0) {
          break;
        }
        document = page(url, poll);
      }
      ThreadPage page = HtmlThreads.read(engine, document, clock);
      if (page.entries().isEmpty()) {
        throw unparseable(url, "page unparseable: no " + engine.shown() + " posts found on it");
      }
      if (title == null) {
        title = page.title();
      }
      String site = site(engine, URI.create(url));
      if (opener == null) {
        ThreadPage.Entry first = page.entries().get(0);
        opener = key(site, page.first() ? first.key() : "thread/" + url);
      }
      long newest = last;
      for (ThreadPage.Entry entry : page.entries()) {
        if (entry.number() <= last) {
          continue;
        }
        newest = Math.max(newest, entry.number());
        String postId = key(site, entry.key());
        String parent =
            entry.parent() != null
                ? key(site, Objects.requireNonNull(entry.parent()))
                : entry.quoted() != null ? key(site, Objects.requireNonNull(entry.quoted())) : null;
        boolean opening = postId.equals(opener);
        add(
            poll,
            postId,
            opener,
            opening ? null : parent == null ? opener : parent,
            engine,
            site,
            entry.author(),
            entry.authorUrl(),
            entry.published(),
            entry.body(),
            entry.url(),
            opening ? title : null);
      }
      last = newest;
      String next = page.next();
      if (next == null || next.equals(url)) {
        break;
      }
      url = next;
    }
    return thread.movedTo(url, thread.mode, opener, title, last);
  }

  /** The HTML of an address, with the charset it declares, when the site's robots.txt allows it. */
  private Document page(String url, Poll poll) throws SourceFailure, InterruptedException {
    URI uri = URI.create(url);
    String path = Objects.requireNonNullElse(uri.getRawPath(), "/");
    if (!robots(uri, poll)
        .allows(
            (path.isEmpty() ? "/" : path)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))) {
      throw new SourceFailure(
          GapReason.REQUEST_REFUSED, url + ": refused: the site's robots.txt disallows it");
    }
    poll.spent++;
    ApiResponse response = client.get(URI.create(url), HTML);
    try {
      return Jsoup.parse(new ByteArrayInputStream(response.body()), null, url);
    } catch (IOException unreadable) {
      throw unparseable(url, "page unparseable: " + unreadable.getMessage());
    }
  }

  /**
   * The site's robots.txt rules for Cluetrain, read once a day: a missing one ({@code 4xx}) allows
   * everything; one that cannot be read now (a {@code 5xx}, no answer) is a gap.
   */
  private RobotsRules robots(URI uri, Poll poll) throws SourceFailure, InterruptedException {
    String origin = origin(uri);
    Robots known = robots.get(origin);
    Instant now = clock.instant();
    if (known != null && known.read.plus(ROBOTS_KEPT).isAfter(now)) {
      return known.rules;
    }
    RobotsRules rules;
    poll.spent++;
    try {
      ApiResponse response =
          client.get(URI.create(origin + "/robots.txt"), Map.of("Accept", "text/plain"));
      rules = RobotsRules.parse(response.text(), ROBOTS_AGENT);
    } catch (SourceFailure failure) {
      if (failure.reason() != GapReason.REQUEST_REFUSED
          && failure.reason() != GapReason.AUTH_EXPIRED) {
        throw failure;
      }
      rules = RobotsRules.ALLOW_ALL;
    }
    robots.put(origin, new Robots(rules, now));
    return rules;
  }

  private record Robots(RobotsRules rules, Instant read) {}

  private List<String> boardThreads(ForumEngine engine, Poll poll)
      throws SourceFailure, InterruptedException {
    if (engine == ForumEngine.DISCOURSE) {
      String path = Objects.requireNonNullElse(settings.url().getRawPath(), "");
      if (path.isEmpty() || path.equals("/")) {
        path = "/latest";
      }
      String base = origin(settings.url());
      poll.spent++;
      ApiResponse response =
          client.get(URI.create(base + path.replaceFirst("/$", "") + ".json"), Map.of());
      JsonNode topics = ApiJson.parse(response).path("topic_list").path("topics");
      if (!topics.isArray()) {
        throw ApiJson.unparseable(response, "page unparseable: not a Discourse topic list");
      }
      List<String> threads = new ArrayList<>();
      for (JsonNode topic : topics) {
        if (topic.path("id").canConvertToLong()) {
          threads.add(base + prefixOf(path) + "/t/" + topic.path("id").asLong());
        }
      }
      return threads;
    }
    Document page = poll.pages.remove(address());
    if (page == null) {
      page = page(address(), poll);
    }
    List<String> threads = HtmlThreads.boardThreads(engine, page);
    if (threads.isEmpty()) {
      throw unparseable(
          address(), "page unparseable: no " + engine.shown() + " thread list found on it");
    }
    return threads;
  }

  private static String prefixOf(String discoursePath) {
    int at = discoursePath.indexOf("/c/");
    if (at < 0) {
      at = discoursePath.indexOf("/latest");
    }
    return at <= 0 ? "" : discoursePath.substring(0, at);
  }

  /** Follows the threads a board lists that are not followed yet, newest listed first. */
  private void follow(State state, List<String> listed) {
    List<Followed> added = new ArrayList<>();
    for (String url : listed) {
      boolean known = state.threads.stream().anyMatch(t -> t.thread.equals(url));
      if (!known && added.size() < settings.maxThreads()) {
        added.add(Followed.at(url, state.engine == ForumEngine.DISCOURSE ? "json" : "html"));
      }
    }
    state.threads.addAll(0, added);
    while (state.threads.size() > settings.maxThreads()) {
      state.threads.remove(state.threads.size() - 1);
    }
  }

  // ---- Discourse ----

  private Followed discourse(Followed thread, Poll poll)
      throws SourceFailure, InterruptedException {
    if (poll.left() <= 0) {
      return thread;
    }
    poll.spent++;
    ApiResponse response = client.get(URI.create(thread.url + ".json"), Map.of());
    JsonNode topic = ApiJson.parse(response);
    JsonNode stream = topic.path("post_stream");
    if (!stream.path("posts").isArray() || !stream.path("stream").isArray()) {
      throw ApiJson.unparseable(
          response, "page unparseable: not a Discourse topic (no post_stream)");
    }
    String title = topic.path("title").asText(thread.title);
    Map<Long, JsonNode> loaded = new HashMap<>();
    stream.path("posts").forEach(p -> loaded.put(p.path("id").asLong(), p));
    List<Long> wanted = new ArrayList<>();
    stream
        .path("stream")
        .forEach(
            n -> {
              if (n.asLong() > thread.last) {
                wanted.add(n.asLong());
              }
            });
    List<Long> missing = wanted.stream().filter(n -> !loaded.containsKey(n)).toList();
    for (int from = 0; from < missing.size() && poll.left() > 0; from += DISCOURSE_CHUNK) {
      StringBuilder query = new StringBuilder();
      for (long postId : missing.subList(from, Math.min(missing.size(), from + DISCOURSE_CHUNK))) {
        query.append(query.length() == 0 ? "?" : "&").append("post_ids%5B%5D=").append(postId);
      }
      poll.spent++;
      ApiResponse more = client.get(URI.create(thread.url + "/posts.json" + query), Map.of());
      JsonNode posts = ApiJson.parse(more).path("post_stream").path("posts");
      if (!posts.isArray()) {
        throw ApiJson.unparseable(more, "page unparseable: not Discourse posts (no post_stream)");
      }
      posts.forEach(p -> loaded.put(p.path("id").asLong(), p));
    }
    URI topicUri = URI.create(thread.url);
    String site = site(ForumEngine.DISCOURSE, topicUri);
    String topicId = thread.url.substring(thread.url.lastIndexOf('/') + 1);
    String opener = key(site, "t/" + topicId + "/1");
    String base = origin(topicUri);
    long last = thread.last;
    for (long postId : wanted) {
      JsonNode post = loaded.get(postId);
      if (post == null) {
        // the budget ran out: the rest comes with the next poll, from here
        break;
      }
      last = postId;
      int number = post.path("post_number").asInt(0);
      String key = key(site, "t/" + topicId + "/" + number);
      JsonNode replyTo = post.path("reply_to_post_number");
      Element body = Jsoup.parseBodyFragment(post.path("cooked").asText(""), base).body();
      List<Element> quotes = new ArrayList<>(body.select("aside.quote"));
      String parent = null;
      if (replyTo.canConvertToInt() && replyTo.asInt() > 0) {
        parent = key(site, "t/" + topicId + "/" + replyTo.asInt());
      } else {
        for (Element quote : quotes) {
          if (quote.attr("data-topic").equals(topicId) && quote.attr("data-post").matches("\\d+")) {
            parent = key(site, "t/" + topicId + "/" + quote.attr("data-post"));
            break;
          }
        }
      }
      String username = post.path("username").asText("");
      boolean opening = number == 1;
      add(
          poll,
          key,
          opener,
          opening ? null : parent == null ? opener : parent,
          ForumEngine.DISCOURSE,
          site,
          username.isEmpty() ? null : username,
          username.isEmpty() ? null : base + "/u/" + encode(username),
          Dates.parse(post.path("created_at").asText("")),
          body,
          base + "/t/" + post.path("topic_slug").asText("-") + "/" + topicId + "/" + number,
          opening ? title : null);
    }
    return thread.movedTo(thread.url, "json", opener, title, last);
  }

  // ---- WordPress ----

  private static @Nullable String wordpressPostId(Document page) {
    Matcher body = WP_POST_ID.matcher(page.body().className());
    if (body.find()) {
      return body.group(1);
    }
    Matcher shortlink = SHORTLINK_ID.matcher(page.select("link[rel=shortlink]").attr("href"));
    return shortlink.find() ? shortlink.group(1) : null;
  }

  /** The post the comments are under, as the thread's opening post. */
  private @Nullable Post wordpressArticle(Document page, @Nullable String postId, Poll poll) {
    Element article = page.selectFirst("article.post, article[id^=post-], main article");
    Element content = article == null ? null : article.selectFirst(".entry-content");
    if (article == null || content == null) {
      return null;
    }
    Element title = article.selectFirst(".entry-title, h1");
    Element time = article.selectFirst("time.entry-date[datetime], time[datetime]");
    String published = page.select("meta[property=article:published_time]").attr("content");
    Instant when = Dates.parse(time != null ? time.attr("datetime") : published);
    Element author = article.selectFirst(".author a, .byline a, a[rel=author]");
    String site = site(ForumEngine.WORDPRESS, URI.create(page.location()));
    String key =
        key(
            site,
            postId != null ? "post-" + postId : "page" + URI.create(page.location()).getPath());
    int before = poll.posts.size();
    add(
        poll,
        key,
        key,
        null,
        ForumEngine.WORDPRESS,
        site,
        author == null ? null : author.text().strip(),
        author == null ? null : author.absUrl("href"),
        when,
        content,
        HtmlThreads.withoutFragment(page.location()),
        title == null ? null : title.text().strip());
    return poll.posts.size() > before ? poll.posts.remove(poll.posts.size() - 1) : null;
  }

  /** The comments newer than the last read, newest first until it, delivered oldest first. */
  private Followed wordpressComments(Followed thread, Poll poll)
      throws SourceFailure, InterruptedException {
    List<JsonNode> fresh = new ArrayList<>();
    boolean reached = thread.last == 0;
    for (int page = 1; poll.left() > 0; page++) {
      poll.spent++;
      ApiResponse response =
          client.get(
              URI.create(
                  thread.url + "&per_page=" + WP_PAGE + "&orderby=id&order=desc&page=" + page),
              Map.of());
      JsonNode comments = ApiJson.parse(response);
      if (!comments.isArray()) {
        throw ApiJson.unparseable(response, "page unparseable: not a list of WordPress comments");
      }
      boolean older = false;
      for (JsonNode comment : comments) {
        if (comment.path("id").asLong() <= thread.last) {
          older = true;
          break;
        }
        fresh.add(comment);
      }
      int pages =
          response.headers().firstValue("X-WP-TotalPages").map(ForumSource::intOrZero).orElse(1);
      if (older) {
        reached = true;
        break;
      }
      if (page >= pages || comments.isEmpty()) {
        reached = true;
        break;
      }
    }
    URI uri = URI.create(thread.url);
    String site = site(ForumEngine.WORDPRESS, uri);
    String postId = thread.url.substring(thread.url.lastIndexOf('=') + 1);
    String opener = thread.opener != null ? thread.opener : key(site, "post-" + postId);
    long last = thread.last;
    for (int i = fresh.size() - 1; i >= 0; i--) {
      JsonNode comment = fresh.get(i);
      long number = comment.path("id").asLong();
      long parent = comment.path("parent").asLong(0);
      String gmt = comment.path("date_gmt").asText("");
      Instant published = null;
      try {
        published = gmt.isEmpty() ? null : LocalDateTime.parse(gmt).toInstant(ZoneOffset.UTC);
      } catch (java.time.DateTimeException unreadable) {
        published = Dates.parse(comment.path("date").asText(""));
      }
      String authorName = comment.path("author_name").asText("");
      String authorUrl = comment.path("author_url").asText("");
      add(
          poll,
          key(site, "comment-" + number),
          opener,
          parent > 0 ? key(site, "comment-" + parent) : opener,
          ForumEngine.WORDPRESS,
          site,
          authorName.isEmpty() ? null : authorName,
          authorUrl.isEmpty() ? null : authorUrl,
          published,
          Jsoup.parseBodyFragment(comment.path("content").path("rendered").asText(""), origin(uri))
              .body(),
          comment.path("link").asText(thread.url),
          null);
      if (reached) {
        last = Math.max(last, number);
      }
    }
    return thread.movedTo(thread.url, "json", opener, thread.title, last);
  }

  private static int intOrZero(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException unreadable) {
      return 0;
    }
  }

  // ---- posts ----

  private void add(
      Poll poll,
      String postId,
      String threadId,
      @Nullable String parentId,
      ForumEngine engine,
      String site,
      @Nullable String author,
      @Nullable String authorUrl,
      @Nullable Instant published,
      Element body,
      String url,
      @Nullable String title) {
    if (published == null) {
      poll.problems.add(new ReadItem.UnreadableItem(url, postId, "no readable date on the post"));
      return;
    }
    Element own = body.clone();
    String quote = quoteSelector(engine);
    if (quote != null) {
      own.select(quote).remove();
    }
    try {
      poll.posts.add(
          Post.builder()
              .id(postId)
              .source(
                  engine == ForumEngine.WORDPRESS
                      ? new SourceRef(
                          sourceRef.id(), SourceType.BLOG, sourceRef.name(), sourceRef.url())
                      : sourceRef)
              .threadId(threadId)
              .parentId(parentId)
              .kind(
                  parentId == null
                      ? PostKind.POST
                      : parentId.equals(threadId) ? PostKind.COMMENT : PostKind.REPLY)
              .author(
                  author == null || author.isBlank()
                      ? null
                      : new Author(
                          "forum:" + site + "/member/" + author.toLowerCase(Locale.ROOT),
                          author,
                          author,
                          authorUrl == null || authorUrl.isBlank() ? null : authorUrl))
              .url(url)
              .title(title == null || title.isBlank() ? null : title)
              .text(HtmlText.text(own))
              .html(body.html())
              .published(published)
              .links(HtmlText.links(own))
              .project(settings.project())
              .build());
    } catch (RuntimeException unreadable) {
      poll.problems.add(
          new ReadItem.UnreadableItem(url, postId, String.valueOf(unreadable.getMessage())));
    }
  }

  /** The quotes of another post in an engine's markup; WordPress comments quote no post. */
  private static @Nullable String quoteSelector(ForumEngine engine) {
    return switch (engine) {
      case DISCOURSE -> "aside.quote";
      case PHPBB -> "blockquote";
      case XENFORO -> "blockquote.bbCodeBlock--quote";
      case VBULLETIN -> "div.bbcode_container";
      case WORDPRESS -> null;
    };
  }

  /**
   * Where an engine's post numbers are unique: the host and the path the forum is installed under.
   */
  private static String site(ForumEngine engine, URI url) {
    String path = Objects.requireNonNullElse(url.getRawPath(), "");
    String install =
        switch (engine) {
          case PHPBB, VBULLETIN -> {
            int marker = path.indexOf("/threads/");
            if (marker < 0) {
              marker = path.indexOf("/forums/");
            }
            yield marker >= 0
                ? path.substring(0, marker)
                : path.substring(0, path.lastIndexOf('/') + 1);
          }
          case XENFORO -> {
            int marker = path.indexOf("/threads/");
            if (marker < 0) {
              marker = path.indexOf("/forums/");
            }
            yield marker >= 0 ? path.substring(0, marker) : "";
          }
          case DISCOURSE -> {
            int marker = path.indexOf("/t/");
            yield marker >= 0 ? path.substring(0, marker) : "";
          }
          case WORDPRESS -> "";
        };
    if (install.endsWith("/")) {
      install = install.substring(0, install.length() - 1);
    }
    return url.getHost() + install;
  }

  private static String key(String site, String local) {
    return "forum:" + site + "/" + local;
  }

  private static SourceFailure unparseable(String url, String what) {
    return new SourceFailure(GapReason.PAGE_UNPARSEABLE, url + ": " + what);
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What one poll has fetched and read so far, and how many requests it may still make. */
  private static final class Poll {
    final int budget;
    int spent;
    final List<Post> posts = new ArrayList<>();
    final List<ReadItem.UnreadableItem> problems = new ArrayList<>();

    /** Pages fetched already and not yet read, by address. */
    final Map<String, Document> pages = new LinkedHashMap<>();

    Poll(int budget) {
      this.budget = budget;
    }

    int left() {
      return budget - spent;
    }
  }

  /**
   * A thread followed: the address it is known by on its board, the page (or API address) read
   * last, how it is read ({@code html} or {@code json}), its first post's id and title once known,
   * and the newest post number delivered.
   */
  private record Followed(
      String thread,
      String url,
      String mode,
      @Nullable String opener,
      @Nullable String title,
      long last) {
    /** A thread not read yet, at this address. */
    static Followed at(String url, String mode) {
      return new Followed(url, url, mode, null, null, 0);
    }

    /** The thread moved on to this page (or API address), with what is known of it now. */
    Followed movedTo(
        String page, String how, @Nullable String first, @Nullable String named, long newest) {
      return new Followed(thread, page, how, first, named, newest);
    }
  }

  /** The engine and the threads followed, kept as JSON in the cursor. */
  private record State(ForumEngine engine, List<Followed> threads) {
    static @Nullable State parse(@Nullable String cursor) {
      if (cursor == null || cursor.isBlank()) {
        return null;
      }
      try {
        JsonNode root = Json.mapper().readTree(cursor);
        ForumEngine engine =
            ForumEngine.valueOf(root.path("engine").asText("").toUpperCase(Locale.ROOT));
        List<Followed> threads = new ArrayList<>();
        for (JsonNode thread : root.path("threads")) {
          threads.add(
              new Followed(
                  thread.path("thread").asText(thread.path("url").asText()),
                  thread.path("url").asText(),
                  thread.path("mode").asText("html"),
                  thread.hasNonNull("opener") ? thread.path("opener").asText() : null,
                  thread.hasNonNull("title") ? thread.path("title").asText() : null,
                  thread.path("last").asLong(0)));
        }
        return new State(engine, threads);
      } catch (IOException | IllegalArgumentException unreadable) {
        return null;
      }
    }

    @Override
    public String toString() {
      ObjectNode root = Json.mapper().createObjectNode();
      root.put("engine", engine.label());
      ArrayNode array = root.putArray("threads");
      for (Followed thread : threads) {
        ObjectNode node = array.addObject();
        node.put("thread", thread.thread);
        node.put("url", thread.url);
        node.put("mode", thread.mode);
        node.put("opener", thread.opener);
        node.put("title", thread.title);
        node.put("last", thread.last);
      }
      return root.toString();
    }
  }
}
