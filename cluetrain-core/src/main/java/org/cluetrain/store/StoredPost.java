package org.cluetrain.store;

import java.util.List;
import java.util.Objects;
import org.cluetrain.model.Post;

/**
 * A post as kept in the store, with the saved queries it matched when it came in.
 *
 * @param post the enriched post
 * @param matchedQueries ids ({@code project/name}) of the saved queries it matched
 */
public record StoredPost(Post post, List<String> matchedQueries) {
  public StoredPost {
    Objects.requireNonNull(post, "post");
    matchedQueries = matchedQueries == null ? List.of() : List.copyOf(matchedQueries);
  }
}
