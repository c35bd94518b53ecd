package org.cluetrain.enrich.entities;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.model.Post;

/**
 * Adds the links, {@code @mentions} and {@code #hashtags} written in a post's text to those its
 * source already gave (tweets carry entities, a blog comment does not). Order is kept, duplicates
 * dropped; mentions and hashtags are stored lower-case without their sign.
 */
public final class EntityExtractor implements Enricher {
  private static final Pattern URL =
      Pattern.compile("\\bhttps?://[^\\s<>\"'()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);

  /**
   * A mention starts after whitespace or an opening bracket (not inside an e-mail address); it may
   * carry a Mastodon-style domain ({@code @anna@social.example}).
   */
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@/])@([\\p{L}\\p{N}_]{1,30}(?:@[\\w.-]+\\.[a-z]{2,})?)");

  /** A hashtag must contain a letter: {@code #1} is a number, not a topic. */
  private static final Pattern HASHTAG =
      Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

  private static final String TRAILING_PUNCTUATION = ".,;:!?";

  @Override
  public String name() {
    return "entities";
  }

  @Override
  public Post enrich(Post post) {
    String text = post.fullText();
    List<String> links = merge(post.links(), URL.matcher(text), false, true);
    List<String> mentions = merge(post.mentions(), MENTION.matcher(text), true, false);
    List<String> hashtags = merge(post.hashtags(), HASHTAG.matcher(text), true, false);
    if (links.equals(post.links())
        && mentions.equals(post.mentions())
        && hashtags.equals(post.hashtags())) {
      return post;
    }
    return post.toBuilder().links(links).mentions(mentions).hashtags(hashtags).build();
  }

  private static List<String> merge(
      List<String> given, Matcher found, boolean lowerCase, boolean wholeMatch) {
    Set<String> all = new LinkedHashSet<>();
    for (String value : given) {
      all.add(lowerCase ? value.toLowerCase(Locale.ROOT) : value);
    }
    while (found.find()) {
      String value = wholeMatch ? found.group() : found.group(1);
      value = stripTrailingPunctuation(value);
      all.add(lowerCase ? value.toLowerCase(Locale.ROOT) : value);
    }
    return List.copyOf(all);
  }

  private static String stripTrailingPunctuation(String value) {
    int end = value.length();
    while (end > 1 && TRAILING_PUNCTUATION.indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(0, end);
  }
}
