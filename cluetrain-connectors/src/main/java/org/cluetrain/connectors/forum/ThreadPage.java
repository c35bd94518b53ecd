package org.cluetrain.connectors.forum;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * One page of a thread as a forum shows it.
 *
 * @param title the thread's title, or {@code null}
 * @param entries the posts on the page, in the page's order
 * @param next the address of the next page, or {@code null} on the last
 * @param first whether this is the thread's first page (its first post opens the thread)
 */
record ThreadPage(
    @Nullable String title, List<Entry> entries, @Nullable String next, boolean first) {
  ThreadPage {
    entries = List.copyOf(entries);
  }

  /**
   * A post on a page.
   *
   * @param key the post's key on its forum, unique there ({@code p123}, {@code post-456})
   * @param number the post's number, growing with every new post of the forum
   * @param author the author's name, or {@code null} (a guest without one)
   * @param authorUrl the author's profile, or {@code null}
   * @param published when it was written, or {@code null} when the page does not say readably
   * @param body the post's content, quotes included
   * @param quoted the key of the post quoted first, or {@code null}
   * @param parent the key of the post it answers, where the forum keeps reply trees
   * @param url the post's own address
   */
  record Entry(
      String key,
      long number,
      @Nullable String author,
      @Nullable String authorUrl,
      @Nullable Instant published,
      Element body,
      @Nullable String quoted,
      @Nullable String parent,
      String url) {
    Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(body, "body");
    }
  }
}
