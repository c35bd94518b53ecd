package org.cluetrain.formats.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.Dates;
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
 * Mastodon and the fediverse: REST API statuses (one status, a timeline array, boosts read as the
 * boosted status) and ActivityPub objects ({@code Note}, {@code Article}, {@code Question}, {@code
 * Create} of one of those, and collections such as an outbox of them).
 *
 * <p>Ids are {@code mastodon:} + the status URI (ActivityPub {@code id}, REST {@code uri}); the
 * source is {@code mastodon:} + the host of the author's server. A REST reply names its parent only
 * by the server's local id: when the author answers themself the parent URI is derived from the
 * status URI, otherwise the parent is {@code mastodon:} + the server's API address of that status,
 * which is stable but matches only posts read with the same convention.
 *
 * <p>ActivityPub activities that are not posts (Follow, Move, Delete, Update, Announce, Like, a
 * Person) are reported as unreadable items "not a post (type Follow)"; they never fail the input. A
 * response {@code {"error": "…"}} is an unusable input naming the error.
 */
public final class MastodonReader implements FormatReader {
  private static final Set<String> POST_TYPES = Set.of("Note", "Article", "Question", "Page");
  private static final Pattern API_ERROR = Pattern.compile("(?s)^\\{\\s*\"error\"\\s*:\\s*\".*");

  @Override
  public String format() {
    return "mastodon";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    String body = JsonInput.sniffable(head);
    if (!(body.startsWith("{") || body.startsWith("["))) {
      return false;
    }
    return (body.contains("\"@context\"") && body.contains("www.w3.org/ns/activitystreams"))
        || body.contains("\"spoiler_text\"")
        || body.contains("\"reblogs_count\"")
        || (body.contains("\"scheduled_at\"") && body.contains("\"params\""))
        || API_ERROR.matcher(body).matches();
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    JsonNode root = JsonInput.tree(input);
    if (root.isObject() && root.size() <= 2 && JsonInput.text(root, "error") != null) {
      throw new UnusableInputException(
          input.name(), "an API error response, not posts: " + JsonInput.text(root, "error"));
    }
    List<JsonNode> objects = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(objects::add);
    } else if (root.has("orderedItems") || root.has("items")) {
      root.path(root.has("orderedItems") ? "orderedItems" : "items").forEach(objects::add);
    } else {
      objects.add(root);
    }
    if (objects.size() == 1 && isRestShapeWithoutContent(objects.get(0))) {
      throw new UnusableInputException(
          input.name(), "a Mastodon API object that is not a status (it has no content)");
    }
    List<ReadItem> items = new ArrayList<>(objects.size());
    // REST statuses name their parent by the local id of the instance the file was fetched from
    Map<String, String> byLocalId = new HashMap<>();
    Map<String, String> parentLocalIds = new HashMap<>();
    int index = 0;
    for (JsonNode object : objects) {
      index++;
      ReadItem item;
      try {
        item = read(input, object);
      } catch (RuntimeException e) {
        item =
            new ReadItem.UnreadableItem(
                input.name(), "item " + index, String.valueOf(e.getMessage()));
      }
      JsonNode status = object.path("reblog").isObject() ? object.get("reblog") : object;
      if (item instanceof ReadItem.ParsedPost parsed && JsonInput.text(status, "type") == null) {
        String localId = JsonInput.text(status, "id");
        String parentLocalId = JsonInput.text(status, "in_reply_to_id");
        if (localId != null) {
          byLocalId.put(localId, parsed.post().id());
        }
        if (parentLocalId != null) {
          parentLocalIds.put(parsed.post().id(), parentLocalId);
        }
      }
      items.add(item);
    }
    threaded(items, byLocalId, parentLocalIds).forEach(sink);
  }

  /**
   * Joins replies to their conversations within the file: a reply to a status of the same file gets
   * that status's id as its parent (a REST status names its parent only by the instance's local id,
   * which the parent's own id, its URI, does not show), and every reply's thread is the
   * conversation's first post in the file, not its parent, so a conversation is one thread however
   * deep it goes.
   */
  private static List<ReadItem> threaded(
      List<ReadItem> items, Map<String, String> byLocalId, Map<String, String> parentLocalIds) {
    Map<String, String> parents = new HashMap<>();
    for (ReadItem item : items) {
      if (item instanceof ReadItem.ParsedPost parsed && parsed.post().parentId() != null) {
        String id = parsed.post().id();
        String inFile = byLocalId.get(parentLocalIds.get(id));
        parents.put(id, inFile != null ? inFile : parsed.post().parentId());
      }
    }
    List<ReadItem> joined = new ArrayList<>(items.size());
    for (ReadItem item : items) {
      if (!(item instanceof ReadItem.ParsedPost parsed) || parsed.post().parentId() == null) {
        joined.add(item);
        continue;
      }
      Post post = parsed.post();
      String parent = parents.get(post.id());
      String root = parent;
      Set<String> seen = new HashSet<>(List.of(post.id()));
      while (parents.containsKey(root) && seen.add(root)) {
        root = parents.get(root);
      }
      joined.add(new ReadItem.ParsedPost(post.toBuilder().parentId(parent).threadId(root).build()));
    }
    return joined;
  }

  private static boolean isRestShapeWithoutContent(JsonNode object) {
    return object.isObject()
        && !object.has("type")
        && !object.has("content")
        && !object.has("reblog");
  }

  private static ReadItem read(InputDocument input, JsonNode object) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String type = JsonInput.text(object, "type");
    if (type == null) {
      JsonNode status = object.path("reblog").isObject() ? object.get("reblog") : object;
      return new ReadItem.ParsedPost(fromRest(input, status));
    }
    if ("Create".equals(type) && object.path("object").isObject()) {
      JsonNode note = object.get("object");
      String noteType = JsonInput.text(note, "type");
      if (noteType != null && POST_TYPES.contains(noteType)) {
        return new ReadItem.ParsedPost(fromActivityPub(input, note));
      }
      return notAPost(input, object, "Create of " + noteType);
    }
    if (POST_TYPES.contains(type)) {
      return new ReadItem.ParsedPost(fromActivityPub(input, object));
    }
    return notAPost(input, object, type);
  }

  private static ReadItem notAPost(InputDocument input, JsonNode object, String type) {
    String id = JsonInput.text(object, "id");
    return new ReadItem.UnreadableItem(
        input.name(), id == null ? "object" : id, "not a post (type " + type + ")");
  }

  private static Post fromRest(InputDocument input, JsonNode status) {
    String uri = PostIds.absoluteUrl(JsonInput.text(status, "uri"));
    String url = PostIds.absoluteUrl(JsonInput.text(status, "url"));
    JsonNode account = status.path("account");
    String accountUrl = PostIds.absoluteUrl(JsonInput.text(account, "url"));
    String host = PostIds.host(uri != null ? uri : url != null ? url : accountUrl);
    SourceRef source = source(input, host);
    String html = JsonInput.text(status, "content");
    String text =
        html == null ? HtmlText.normalise(JsonInput.text(status, "text")) : HtmlText.text(html);
    String spoiler = JsonInput.text(status, "spoiler_text");
    Instant published = Dates.parse(JsonInput.text(status, "created_at"));
    published = published == null ? Instant.EPOCH : published;
    String localId = JsonInput.text(status, "id");
    String id =
        uri != null
            ? "mastodon:" + uri
            : url != null
                ? "mastodon:" + url
                : localId != null && host != null
                    ? "mastodon:https://" + host + "/api/v1/statuses/" + localId
                    : PostIds.fromContent(source.id(), spoiler, published, text);
    String parentLocal = JsonInput.text(status, "in_reply_to_id");
    String parentId = null;
    if (parentLocal != null) {
      String ownAccount = JsonInput.text(account, "id");
      if (uri != null
          && localId != null
          && uri.endsWith("/" + localId)
          && ownAccount != null
          && ownAccount.equals(JsonInput.text(status, "in_reply_to_account_id"))) {
        parentId = "mastodon:" + uri.substring(0, uri.length() - localId.length()) + parentLocal;
      } else if (host != null) {
        parentId = "mastodon:https://" + host + "/api/v1/statuses/" + parentLocal;
      }
    }
    Author author = null;
    String acct = JsonInput.text(account, "acct");
    if (accountUrl != null || acct != null) {
      String handle =
          acct == null ? null : acct.contains("@") || host == null ? acct : acct + "@" + host;
      author =
          new Author(
              accountUrl != null ? "mastodon:" + accountUrl : "mastodon:@" + handle,
              JsonInput.text(account, "display_name"),
              handle,
              accountUrl);
    }
    Set<String> mentions = new LinkedHashSet<>();
    for (JsonNode mention : status.path("mentions")) {
      String name = JsonInput.text(mention, "acct");
      if (name != null) {
        mentions.add(name.toLowerCase(Locale.ROOT));
      }
    }
    Set<String> hashtags = new LinkedHashSet<>();
    for (JsonNode tag : status.path("tags")) {
      String name = JsonInput.text(tag, "name");
      if (name != null) {
        hashtags.add(name.toLowerCase(Locale.ROOT));
      }
    }
    Engagement engagement =
        new Engagement(
            JsonInput.number(status, "favourites_count"),
            JsonInput.number(status, "replies_count"),
            JsonInput.number(status, "reblogs_count"),
            null,
            null);
    String lang = JsonInput.text(status, "language");
    return Post.builder()
        .id(id)
        .source(source)
        .threadId(parentId)
        .parentId(parentId)
        .kind(parentId == null ? PostKind.POST : PostKind.REPLY)
        .author(author)
        .url(url != null ? url : uri)
        .title(spoiler)
        .text(text)
        .html(html)
        .published(published)
        .engagement(engagement.isUnknown() ? Engagement.UNKNOWN : engagement)
        .links(links(html, url))
        .mentions(new ArrayList<>(mentions))
        .hashtags(new ArrayList<>(hashtags))
        .lang(lang != null && lang.matches("[a-z]{2}") ? lang : null)
        .build();
  }

  private static Post fromActivityPub(InputDocument input, JsonNode note) {
    String uri = JsonInput.text(note, "id");
    String attributedTo = attributedTo(note);
    String host = PostIds.host(uri != null ? uri : attributedTo);
    SourceRef source = source(input, host);
    String html = JsonInput.text(note, "content");
    if (html == null && note.path("contentMap").isObject() && note.path("contentMap").size() > 0) {
      html = note.path("contentMap").elements().next().asText();
    }
    String text = html == null ? "" : HtmlText.text(html);
    String summary = JsonInput.text(note, "summary");
    String name = JsonInput.text(note, "name");
    Instant published = Dates.parse(JsonInput.text(note, "published"));
    published = published == null ? Instant.EPOCH : published;
    String id =
        uri != null
            ? "mastodon:" + uri
            : PostIds.fromContent(source.id(), summary, published, text);
    String inReplyTo = JsonInput.text(note, "inReplyTo");
    String parentId = inReplyTo == null ? null : "mastodon:" + inReplyTo;
    Set<String> mentions = new LinkedHashSet<>();
    Set<String> hashtags = new LinkedHashSet<>();
    JsonNode tags = note.path("tag");
    for (JsonNode tag : tags.isArray() ? tags : List.of(tags)) {
      String tagType = JsonInput.text(tag, "type");
      String tagName = JsonInput.text(tag, "name");
      if (tagName == null) {
        continue;
      }
      if ("Mention".equals(tagType)) {
        mentions.add(tagName.replaceFirst("^@", "").toLowerCase(Locale.ROOT));
      } else if ("Hashtag".equals(tagType)) {
        hashtags.add(tagName.replaceFirst("^#", "").toLowerCase(Locale.ROOT));
      }
    }
    String url = urlOf(note.get("url"));
    Author author = null;
    if (attributedTo != null) {
      author = new Author("mastodon:" + attributedTo, null, handle(attributedTo), attributedTo);
    }
    String lang = null;
    if (note.path("contentMap").isObject() && note.path("contentMap").size() == 1) {
      lang = note.path("contentMap").fieldNames().next();
    }
    return Post.builder()
        .id(id)
        .source(source)
        .threadId(parentId)
        .parentId(parentId)
        .kind(parentId == null ? PostKind.POST : PostKind.REPLY)
        .author(author)
        .url(url != null ? url : PostIds.absoluteUrl(uri))
        .title(summary != null ? summary : name)
        .text(text)
        .html(html)
        .published(published)
        .links(links(html, url))
        .mentions(new ArrayList<>(mentions))
        .hashtags(new ArrayList<>(hashtags))
        .lang(lang != null && lang.matches("[a-z]{2}") ? lang : null)
        .build();
  }

  private static String attributedTo(JsonNode note) {
    JsonNode value = note.get("attributedTo");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isArray() && value.size() > 0) {
      JsonNode first = value.get(0);
      return first.isTextual() ? first.asText() : JsonInput.text(first, "id");
    }
    return JsonInput.text(value, "id");
  }

  private static String urlOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return PostIds.absoluteUrl(value.asText());
    }
    if (value.isArray() && value.size() > 0) {
      return urlOf(value.get(0));
    }
    return PostIds.absoluteUrl(JsonInput.text(value, "href"));
  }

  /** {@code user@host} from an actor URI such as {@code https://host/users/user}. */
  private static String handle(String actor) {
    try {
      URI uri = URI.create(actor);
      String path = uri.getPath() == null ? "" : uri.getPath();
      String user = path.substring(path.lastIndexOf('/') + 1).replaceFirst("^@", "");
      return user.isEmpty() || uri.getHost() == null ? null : user + "@" + uri.getHost();
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  /** Links of the content, without the mention and hashtag links Mastodon renders as anchors. */
  private static List<String> links(String html, String base) {
    List<String> links = new ArrayList<>();
    if (html == null) {
      return links;
    }
    org.jsoup.nodes.Element body =
        org.jsoup.Jsoup.parseBodyFragment(html, base == null ? "" : base).body();
    for (org.jsoup.nodes.Element a : body.select("a[href]")) {
      if (a.hasClass("mention") || a.hasClass("hashtag") || a.parents().hasClass("h-card")) {
        continue;
      }
      String href = a.absUrl("href");
      if ((href.startsWith("http://") || href.startsWith("https://")) && !links.contains(href)) {
        links.add(href);
      }
    }
    return links;
  }

  private static SourceRef source(InputDocument input, String host) {
    if (host == null) {
      return new SourceRef("mastodon:file:" + input.fileName(), SourceType.MASTODON, null, null);
    }
    return new SourceRef("mastodon:" + host, SourceType.MASTODON, host, "https://" + host + "/");
  }
}
