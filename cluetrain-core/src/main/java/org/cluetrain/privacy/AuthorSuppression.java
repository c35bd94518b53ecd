package org.cluetrain.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;

/**
 * Keeps erased authors out: the keyed hashes an author is known by, and which posts of a batch are
 * by an author on the {@link SuppressionList}. Ingest asks before enriching, so a suppressed
 * author's post is never stored, matched or counted; it is counted as suppressed instead.
 */
public final class AuthorSuppression {
  private final KeyedHash hash;
  private final SuppressionList list;

  public AuthorSuppression(KeyedHash hash, SuppressionList list) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.list = Objects.requireNonNull(list, "list");
  }

  /**
   * The keyed hashes an author is recognised by: the platform id (which names platform and
   * account), and the profile URL, so the same person imported from another export of the same
   * platform is recognised too.
   */
  public Set<String> keys(Author author) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(hash.hash("author:" + author.id().toLowerCase(Locale.ROOT)));
    if (author.url() != null && !author.url().isBlank()) {
      keys.add(hash.hash("url:" + Subject.normalUrl(author.url())));
    }
    return keys;
  }

  /** Puts these authors on the suppression list. */
  public void suppress(Collection<Author> authors, Instant at) {
    Set<String> keys = new LinkedHashSet<>();
    authors.forEach(a -> keys.addAll(keys(a)));
    if (!keys.isEmpty()) {
      list.suppress(keys, at);
    }
  }

  /** Whether this author is on the suppression list. */
  public boolean isSuppressed(Author author) {
    return !list.suppressedAmong(keys(author)).isEmpty();
  }

  /** The ids of the posts in the batch whose author is on the suppression list: one look-up. */
  public Set<String> suppressedPosts(List<Post> batch) {
    Map<String, Set<String>> keysByPost = new HashMap<>();
    Set<String> all = new LinkedHashSet<>();
    for (Post post : batch) {
      if (post.author() != null) {
        Set<String> keys = keys(post.author());
        keysByPost.put(post.id(), keys);
        all.addAll(keys);
      }
    }
    if (all.isEmpty()) {
      return Set.of();
    }
    Set<String> listed = list.suppressedAmong(all);
    if (listed.isEmpty()) {
      return Set.of();
    }
    Set<String> suppressed = new LinkedHashSet<>();
    keysByPost.forEach(
        (postId, keys) -> {
          if (keys.stream().anyMatch(listed::contains)) {
            suppressed.add(postId);
          }
        });
    return suppressed;
  }

  /** How many keyed hashes the list holds. */
  public long size() {
    return list.suppressedCount();
  }
}
