package org.cluetrain.detect;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * What the detectors keep of a post: enough to count it and to show it in an explanation, not the
 * whole post. A post without an author, or not labelled with a sentiment, has none here either.
 */
public record PostTrace(
    String id,
    long published,
    String sourceId,
    String sourceName,
    @Nullable String authorId,
    @Nullable String authorName,
    @Nullable String sentiment,
    boolean niche,
    boolean news,
    String excerpt,
    Set<String> terms,
    boolean newAuthor) {

  private static final int EXCERPT = 220;
  private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|@[\\w.]+");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}#']+");

  /** Words too common in English and German to say what a spike is about. */
  private static final Set<String> STOPWORDS =
      Set.of(
          "the", "and", "for", "you", "your", "are", "was", "were", "but", "not", "this", "that",
          "with", "have", "has", "had", "our", "out", "they", "them", "their", "from", "what",
          "when", "who", "how", "why", "can", "all", "any", "just", "get", "got", "will", "now",
          "there", "here", "about", "been", "would", "could", "should", "than", "then", "its",
          "it's", "i'm", "don't", "can't", "amp", "der", "die", "das", "und", "ist", "nicht", "ein",
          "eine", "mit", "auf", "den", "dem", "des", "sich", "von", "auch", "wie", "mal", "noch",
          "aber", "für", "bei", "ich", "sie", "wir", "ihr", "hat", "war", "schon", "nur");

  public static PostTrace of(Post post, Set<String> newsSites) {
    Label sentiment = post.labels().get("sentiment");
    String site = post.site();
    boolean news =
        post.source().type() == SourceType.NEWS || (site != null && matchesSite(site, newsSites));
    boolean niche =
        !news
            && (post.kind() != PostKind.POST
                || switch (post.source().type()) {
                  case FORUM, BLOG, DISQUS, REDDIT -> true;
                  default -> false;
                });
    String text = post.fullText().strip().replaceAll("\\s+", " ");
    return new PostTrace(
        post.id(),
        post.published().toEpochMilli(),
        post.source().id(),
        site != null && post.source().type() != SourceType.FILE ? site : post.source().name(),
        post.author() == null ? null : post.author().id(),
        post.author() == null ? null : post.author().name(),
        sentiment == null ? null : sentiment.value(),
        niche,
        news,
        text.length() > EXCERPT ? text.substring(0, EXCERPT - 1) + "…" : text,
        terms(post.fullText()),
        false);
  }

  /** The same post, marked as the first one its author wrote on the query. */
  PostTrace withNewAuthor() {
    return new PostTrace(
        id,
        published,
        sourceId,
        sourceName,
        authorId,
        authorName,
        sentiment,
        niche,
        news,
        excerpt,
        terms,
        true);
  }

  /** The distinct content words of a text: lower case, no links or mentions, no stop words. */
  static Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    String cleaned = NOISE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    for (String token : SPLIT.split(cleaned)) {
      String term = token.replaceAll("^'+|'+$", "");
      if (term.length() < 3 || term.length() > 40 || STOPWORDS.contains(term)) {
        continue;
      }
      if (term.chars().allMatch(c -> Character.isDigit(c) || c == '#')) {
        continue;
      }
      if (term.indexOf('#') > 0) {
        continue; // a '#' inside a word is not a hashtag
      }
      terms.add(term);
    }
    return terms;
  }

  private static boolean matchesSite(String host, Set<String> sites) {
    for (String site : sites) {
      if (host.equals(site) || host.endsWith("." + site)) {
        return true;
      }
    }
    return false;
  }
}
