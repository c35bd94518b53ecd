package org.cluetrain.formats.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.model.Author;
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.jsoup.parser.Parser;

/**
 * Maps tweets to posts: the v1.1 status object (which the account archive uses as well) and the v2
 * tweet object with its {@code includes.users}.
 *
 * <p>Ids are {@code x:<tweet id>}; a reply's parent is {@code x:<in_reply_to_status_id>} and its
 * thread {@code x:<conversation_id>} where the API gives one, else its parent. A tweet without a
 * date is dated from its id (X ids embed their creation time since 2010), which is exact and
 * deterministic.
 */
final class TweetMapping {
  /** The start of X's id epoch (snowflake ids): 2010-11-04T01:42:54.657Z. */
  private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;

  private TweetMapping() {}

  /** A v1.1 status or archive tweet; {@code owner} is the account when the object has no user. */
  static Post fromV1(JsonNode tweet, SourceRef source, Author owner) {
    String id = JsonInput.text(tweet, "id_str");
    if (id == null) {
      id = JsonInput.text(tweet, "id");
    }
    if (id == null) {
      throw new IllegalArgumentException("tweet without id");
    }
    JsonNode extended = tweet.path("extended_tweet");
    String text = JsonInput.text(extended, "full_text");
    JsonNode entities = extended.isObject() ? extended.path("entities") : tweet.path("entities");
    if (text == null) {
      text = JsonInput.text(tweet, "full_text");
    }
    if (text == null) {
      text = JsonInput.text(tweet, "text");
    }
    if (text == null) {
      throw new IllegalArgumentException("tweet " + id + " has no text");
    }
    List<String> links = new ArrayList<>();
    text = expandLinks(entities, text, links);
    for (JsonNode media : entities.path("media")) {
      String expanded = JsonInput.text(media, "expanded_url");
      if (expanded != null && !links.contains(expanded)) {
        links.add(expanded);
      }
    }
    Set<String> mentions = new LinkedHashSet<>();
    for (JsonNode mention : entities.path("user_mentions")) {
      addLower(mentions, JsonInput.text(mention, "screen_name"));
    }
    Set<String> hashtags = new LinkedHashSet<>();
    for (JsonNode hashtag : entities.path("hashtags")) {
      addLower(hashtags, JsonInput.text(hashtag, "text"));
    }
    Author author = owner;
    JsonNode user = tweet.path("user");
    if (user.isObject()) {
      String userId = JsonInput.text(user, "id_str");
      userId = userId == null ? JsonInput.text(user, "id") : userId;
      String handle = JsonInput.text(user, "screen_name");
      if (userId != null || handle != null) {
        author =
            new Author(
                userId != null ? "x:" + userId : "x:@" + handle,
                JsonInput.text(user, "name"),
                handle,
                handle == null ? null : "https://x.com/" + handle);
      }
    }
    String parent = JsonInput.text(tweet, "in_reply_to_status_id_str");
    parent = parent == null ? JsonInput.text(tweet, "in_reply_to_status_id") : parent;
    Instant published = Dates.parse(JsonInput.text(tweet, "created_at"));
    Engagement engagement =
        new Engagement(
            JsonInput.number(tweet, "favorite_count"),
            JsonInput.number(tweet, "reply_count"),
            JsonInput.number(tweet, "retweet_count"),
            null,
            null);
    return post(
        id,
        source,
        parent,
        parent,
        author,
        text,
        published,
        engagement,
        links,
        mentions,
        hashtags,
        tweet);
  }

  /** A v2 tweet; {@code users} are the response's {@code includes.users} by id. */
  static Post fromV2(JsonNode tweet, SourceRef source, Map<String, JsonNode> users) {
    String id = JsonInput.text(tweet, "id");
    if (id == null) {
      throw new IllegalArgumentException("tweet without id");
    }
    String text = JsonInput.text(tweet, "text");
    JsonNode noteTweet = tweet.path("note_tweet");
    if (JsonInput.text(noteTweet, "text") != null) {
      text = JsonInput.text(noteTweet, "text");
    }
    if (text == null) {
      throw new IllegalArgumentException("tweet " + id + " has no text");
    }
    JsonNode entities = tweet.path("entities");
    List<String> links = new ArrayList<>();
    text = expandLinks(entities, text, links);
    Set<String> mentions = new LinkedHashSet<>();
    for (JsonNode mention : entities.path("mentions")) {
      addLower(mentions, JsonInput.text(mention, "username"));
    }
    Set<String> hashtags = new LinkedHashSet<>();
    for (JsonNode hashtag : entities.path("hashtags")) {
      addLower(hashtags, JsonInput.text(hashtag, "tag"));
    }
    String authorId = JsonInput.text(tweet, "author_id");
    Author author = null;
    if (authorId != null) {
      JsonNode user = users.get(authorId);
      String handle = user == null ? null : JsonInput.text(user, "username");
      author =
          new Author(
              "x:" + authorId,
              user == null ? null : JsonInput.text(user, "name"),
              handle,
              handle == null ? null : "https://x.com/" + handle);
    }
    String parent = null;
    for (JsonNode reference : tweet.path("referenced_tweets")) {
      if ("replied_to".equals(JsonInput.text(reference, "type"))) {
        parent = JsonInput.text(reference, "id");
      }
    }
    String conversation = JsonInput.text(tweet, "conversation_id");
    JsonNode metrics = tweet.path("public_metrics");
    Engagement engagement =
        new Engagement(
            JsonInput.number(metrics, "like_count"),
            JsonInput.number(metrics, "reply_count"),
            sum(
                JsonInput.number(metrics, "retweet_count"),
                JsonInput.number(metrics, "quote_count")),
            JsonInput.number(metrics, "impression_count"),
            null);
    Instant published = Dates.parse(JsonInput.text(tweet, "created_at"));
    return post(
        id,
        source,
        conversation != null ? conversation : parent,
        parent,
        author,
        text,
        published,
        engagement,
        links,
        mentions,
        hashtags,
        tweet);
  }

  /** The post both API versions come down to; ids are the tweets' own, prefixed {@code x:}. */
  private static Post post(
      String id,
      SourceRef source,
      String thread,
      String parent,
      Author author,
      String text,
      Instant published,
      Engagement engagement,
      List<String> links,
      Set<String> mentions,
      Set<String> hashtags,
      JsonNode tweet) {
    return Post.builder()
        .id("x:" + id)
        .source(source)
        .threadId(thread == null ? null : "x:" + thread)
        .parentId(parent == null ? null : "x:" + parent)
        .kind(parent == null ? PostKind.POST : PostKind.REPLY)
        .author(author)
        .url(
            author != null && author.handle() != null
                ? "https://x.com/" + author.handle() + "/status/" + id
                : null)
        .text(HtmlText.normalise(Parser.unescapeEntities(text, false)))
        .published(published != null ? published : fromSnowflake(id))
        .engagement(engagement.isUnknown() ? Engagement.UNKNOWN : engagement)
        .links(links)
        .mentions(new ArrayList<>(mentions))
        .hashtags(new ArrayList<>(hashtags))
        .lang(language(JsonInput.text(tweet, "lang")))
        .build();
  }

  /**
   * Replaces the text's t.co short links by the addresses they stand for, collecting those in
   * {@code links}; returns the text.
   */
  private static String expandLinks(JsonNode entities, String text, List<String> links) {
    for (JsonNode url : entities.path("urls")) {
      String shortUrl = JsonInput.text(url, "url");
      String expanded = JsonInput.text(url, "expanded_url");
      if (expanded != null) {
        links.add(expanded);
        if (shortUrl != null) {
          text = text.replace(shortUrl, expanded);
        }
      }
    }
    return text;
  }

  private static Long sum(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Long.valueOf(a + b);
  }

  private static void addLower(Set<String> into, String value) {
    if (value != null) {
      into.add(value.strip().replaceFirst("^[@#]", "").toLowerCase(Locale.ROOT));
    }
  }

  /** X's language tag where it is an ISO 639-1 code; {@code und}, {@code qme} etc. are dropped. */
  private static String language(String lang) {
    return lang != null && lang.matches("[a-z]{2}") ? lang : null;
  }

  /** The creation time embedded in an X id, or the epoch for pre-2010 ids. */
  static Instant fromSnowflake(String id) {
    try {
      long value = Long.parseLong(id);
      if (value < (1L << 32)) {
        return Instant.EPOCH;
      }
      return Instant.ofEpochMilli((value >> 22) + SNOWFLAKE_EPOCH_MILLIS);
    } catch (NumberFormatException notNumeric) {
      return Instant.EPOCH;
    }
  }
}
