package org.cluetrain.store;

import java.util.List;

/**
 * One page of search results.
 *
 * @param totalHits how many posts matched in all
 * @param posts the first of them, newest first
 */
public record SearchPage(long totalHits, List<StoredPost> posts) {
  public SearchPage {
    posts = List.copyOf(posts);
  }
}
