package org.cluetrain.detect;

import java.util.Set;
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
    return ContentWords.distinct(text);
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
