package org.cluetrain.formats.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Author;
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * Reddit API JSON: listings ({@code {kind: Listing, data: {children}}}), the comment page's pair
 * {@code [submission listing, comment listing]}, {@code morechildren} responses ({@code {json:
 * {data: {things}}}}), each bare or wrapped as a recorded response {@code {request_uri,
 * recorded_at, body}}.
 *
 * <p>Submissions ({@code t3}) become {@link PostKind#POST}s, comments ({@code t1}) {@link
 * PostKind#COMMENT}s when they answer the submission and {@link PostKind#REPLY}s when they answer a
 * comment; nested {@code replies} listings are walked. Ids are {@code reddit:<fullname>} ({@code
 * reddit:t1_dbhn11d}), the parent is {@code reddit:<parent_id>} and the thread {@code
 * reddit:<link_id>}. {@code more} placeholders stand for comments not in the response; they are
 * skipped, as the API must be asked for them. The source is the subreddit or user the request was
 * for ({@code reddit:r/all}, {@code reddit:u/spez}), else each item's subreddit.
 */
public final class RedditListingReader implements FormatReader {
  private static final Pattern REQUEST_SCOPE = Pattern.compile("^/(r|user|u)/([^/?]+)");

  @Override
  public String format() {
    return "reddit";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    String start = head.stripLeading();
    if (start.startsWith("{")
        && start.contains("\"request_uri\"")
        && start.contains("reddit.com")) {
      return true;
    }
    String body = JsonInput.sniffable(head);
    return (body.startsWith("{") || body.startsWith("["))
        && (body.matches("(?s).*\"kind\"\\s*:\\s*\"(Listing|t1|t3)\".*"));
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    JsonNode root = JsonInput.rawTree(input);
    String scope = scope(JsonInput.text(root, "request_uri"));
    JsonNode body = JsonInput.unwrap(root);
    List<JsonNode> things = new ArrayList<>();
    collect(body, things);
    if (things.isEmpty() && !isListing(body)) {
      throw new UnusableInputException(
          input.name(), "not a Reddit listing: no submissions or comments found");
    }
    int index = 0;
    for (JsonNode thing : things) {
      index++;
      ReadItem item;
      try {
        item = new ReadItem.ParsedPost(post(thing, scope));
      } catch (RuntimeException e) {
        String name = JsonInput.text(thing.path("data"), "name");
        item =
            new ReadItem.UnreadableItem(
                input.name(),
                name == null ? "item " + index : name,
                String.valueOf(e.getMessage()));
      }
      sink.accept(item);
    }
  }

  private static boolean isListing(JsonNode body) {
    return body.isArray() || "Listing".equals(JsonInput.text(body, "kind")) || body.has("json");
  }

  /** Submissions and comments in document order, replies after their parent. */
  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node == null || node.isNull() || node.isValueNode()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, into));
      return;
    }
    String kind = JsonInput.text(node, "kind");
    if ("Listing".equals(kind)) {
      collect(node.path("data").path("children"), into);
    } else if ("t1".equals(kind) || "t3".equals(kind)) {
      into.add(node);
      collect(node.path("data").get("replies"), into);
    } else if (node.has("json")) {
      collect(node.path("json").path("data").path("things"), into);
    }
  }

  private static String scope(String requestUri) {
    if (requestUri == null) {
      return null;
    }
    try {
      String path = URI.create(requestUri).getPath();
      Matcher matcher = REQUEST_SCOPE.matcher(path == null ? "" : path);
      if (matcher.find()) {
        return (matcher.group(1).equals("r") ? "r/" : "u/") + matcher.group(2);
      }
    } catch (IllegalArgumentException notAUri) {
      // the items' subreddits name the source
    }
    return null;
  }

  private static Post post(JsonNode thing, String scope) {
    String kind = JsonInput.text(thing, "kind");
    JsonNode data = thing.path("data");
    String id = JsonInput.text(data, "id");
    String name = JsonInput.text(data, "name");
    if (name == null && id != null) {
      name = kind + "_" + id;
    }
    if (name == null) {
      throw new IllegalArgumentException(kind + " without id");
    }
    String subreddit = JsonInput.text(data, "subreddit");
    String sourceScope = scope != null ? scope : subreddit != null ? "r/" + subreddit : "unknown";
    SourceRef source =
        new SourceRef(
            "reddit:" + sourceScope,
            SourceType.REDDIT,
            sourceScope,
            "https://www.reddit.com/" + sourceScope + "/");
    String permalink = JsonInput.text(data, "permalink");
    String url =
        permalink == null ? null : PostIds.absoluteUrl("https://www.reddit.com" + permalink);
    Instant published = created(data);
    String authorName = JsonInput.text(data, "author");
    Author author =
        authorName == null || authorName.equals("[deleted]")
            ? null
            : new Author(
                "reddit:" + authorName,
                authorName,
                authorName,
                "https://www.reddit.com/user/" + authorName);
    Long score = JsonInput.number(data, "score");
    Post.Builder post =
        Post.builder()
            .id("reddit:" + name)
            .source(source)
            .author(author)
            .url(url)
            .published(published);
    if ("t3".equals(kind)) {
      String html = JsonInput.text(data, "selftext_html");
      String text =
          html != null ? HtmlText.text(html) : HtmlText.normalise(JsonInput.text(data, "selftext"));
      List<String> links = new ArrayList<>(HtmlText.links(html, url));
      String target = PostIds.absoluteUrl(JsonInput.text(data, "url"));
      if (target != null && !data.path("is_self").asBoolean(false) && !links.contains(target)) {
        links.add(0, target);
      }
      return post.kind(PostKind.POST)
          .title(HtmlText.normalise(JsonInput.text(data, "title")))
          .text(text)
          .html(html)
          .links(links)
          .engagement(
              new Engagement(score, JsonInput.number(data, "num_comments"), null, null, null))
          .build();
    }
    String parent = JsonInput.text(data, "parent_id");
    String link = JsonInput.text(data, "link_id");
    String html = JsonInput.text(data, "body_html");
    String text =
        html != null ? HtmlText.text(html) : HtmlText.normalise(JsonInput.text(data, "body"));
    return post.kind(parent == null || parent.startsWith("t3_") ? PostKind.COMMENT : PostKind.REPLY)
        .threadId(link == null ? null : "reddit:" + link)
        .parentId(parent == null ? null : "reddit:" + parent)
        .text(text)
        .html(html)
        .links(HtmlText.links(html, url))
        .engagement(
            score == null ? Engagement.UNKNOWN : new Engagement(score, null, null, null, null))
        .build();
  }

  private static Instant created(JsonNode data) {
    JsonNode created = data.get("created_utc");
    if (created == null || !created.isNumber()) {
      created = data.get("created");
    }
    if (created != null && created.isNumber()) {
      return Instant.ofEpochMilli((long) (created.asDouble() * 1000));
    }
    return Instant.EPOCH;
  }
}
