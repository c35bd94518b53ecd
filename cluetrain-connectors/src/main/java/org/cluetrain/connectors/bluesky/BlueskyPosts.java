package org.cluetrain.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.jspecify.annotations.Nullable;

/**
 * Bluesky posts as Cluetrain posts. A post's AT-URI ({@code at://DID/app.bsky.feed.post/RKEY}) is
 * its stable name: the post id is {@code bluesky:DID/RKEY} (the DID does not change when the
 * account changes its handle), and its web address {@code https://bsky.app/profile/DID/post/RKEY}.
 */
public final class BlueskyPosts {
  private static final String POST_COLLECTION = "app.bsky.feed.post";

  private BlueskyPosts() {}

  /** The post id of an AT-URI of a post, or {@code null} when it names no post. */
  public static @Nullable String postId(String atUri) {
    String[] parts = parts(atUri);
    return parts == null ? null : "bluesky:" + parts[0] + "/" + parts[1];
  }

  /** The bsky.app address of an AT-URI of a post, or {@code null} when it names no post. */
  public static @Nullable String webUrl(String atUri) {
    String[] parts = parts(atUri);
    return parts == null ? null : "https://bsky.app/profile/" + parts[0] + "/post/" + parts[1];
  }

  /** {DID or handle, record key}, or {@code null}. */
  private static String @Nullable [] parts(String atUri) {
    if (!atUri.startsWith("at://")) {
      return null;
    }
    String[] segments = atUri.substring(5).split("/");
    if (segments.length != 3
        || segments[0].isEmpty()
        || !segments[1].equals(POST_COLLECTION)
        || !segments[2].matches("[A-Za-z0-9._:~-]{1,512}")) {
      return null;
    }
    return new String[] {segments[0], segments[2]};
  }

  /**
   * When a post view was written, as searches sort it: its {@code createdAt}, unless that claims a
   * time after the AppView saw the post ({@code indexedAt}).
   */
  public static Instant sortAt(JsonNode view) {
    Instant indexed = time(view.path("indexedAt").asText(""));
    Instant created = time(view.path("record").path("createdAt").asText(""));
    if (created == null) {
      if (indexed == null) {
        throw new IllegalArgumentException("post without createdAt or indexedAt");
      }
      return indexed;
    }
    return indexed != null && created.isAfter(indexed) ? indexed : created;
  }

  private static @Nullable Instant time(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException unreadable) {
      return null;
    }
  }

  /**
   * A post view ({@code app.bsky.feed.defs#postView}) as a post of this project and source.
   *
   * @throws IllegalArgumentException when it is not a readable post
   */
  public static Post post(JsonNode view, String project, SourceRef source) {
    String uri = view.path("uri").asText("");
    String id = postId(uri);
    if (id == null) {
      throw new IllegalArgumentException("'" + uri + "' is not the AT-URI of a post");
    }
    JsonNode record = view.path("record");
    String text = record.path("text").asText("");
    JsonNode reply = record.path("reply");
    String parent = postId(reply.path("parent").path("uri").asText(""));
    String root = postId(reply.path("root").path("uri").asText(""));
    JsonNode author = view.path("author");
    String did = author.path("did").asText("");
    String handle = author.path("handle").asText("");
    List<String> links = new ArrayList<>();
    List<String> mentions = new ArrayList<>();
    List<String> hashtags = new ArrayList<>();
    for (JsonNode facet : record.path("facets")) {
      for (JsonNode feature : facet.path("features")) {
        String type = feature.path("$type").asText("");
        if (type.endsWith("#link") && feature.path("uri").isTextual()) {
          links.add(feature.path("uri").asText());
        } else if (type.endsWith("#tag") && feature.path("tag").isTextual()) {
          hashtags.add(feature.path("tag").asText().toLowerCase(Locale.ROOT));
        }
      }
    }
    java.util.regex.Matcher mentioned =
        java.util.regex.Pattern.compile("(?<![\\w@])@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})")
            .matcher(text);
    while (mentioned.find()) {
      mentions.add(mentioned.group(1).toLowerCase(Locale.ROOT));
    }
    JsonNode langs = record.path("langs");
    return Post.builder()
        .id(id)
        .source(source)
        .threadId(root != null ? root : id)
        .parentId(parent)
        .kind(parent == null ? PostKind.POST : PostKind.REPLY)
        .author(
            did.isEmpty()
                ? null
                : new Author(
                    "bluesky:" + did,
                    !author.path("displayName").asText("").isBlank()
                        ? author.path("displayName").asText()
                        : handle.isEmpty() ? did : handle,
                    handle.isEmpty() ? null : handle,
                    "https://bsky.app/profile/" + (handle.isEmpty() ? did : handle)))
        .url(webUrl(uri))
        .text(text)
        .published(sortAt(view))
        .links(links)
        .mentions(mentions)
        .hashtags(hashtags)
        .lang(langs.isArray() && langs.size() > 0 ? langs.get(0).asText() : null)
        .project(project)
        .build();
  }
}
