package org.cluetrain.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two matchers' (post, query) pairs post by post and keeps the first differences as
 * examples. The firehose fails when they are not identical.
 */
final class MatchSetCheck {
  static final int MAX_EXAMPLES = 10;

  private final String expectedName;
  private final String actualName;
  private long posts;
  private long expectedPairs;
  private long actualPairs;
  private long differingPosts;
  private final List<String> examples = new ArrayList<>();

  MatchSetCheck(String expectedName, String actualName) {
    this.expectedName = expectedName;
    this.actualName = actualName;
  }

  void compare(String postId, Collection<String> expected, Collection<String> actual) {
    posts++;
    Set<String> want = new TreeSet<>(expected);
    Set<String> got = new TreeSet<>(actual);
    expectedPairs += want.size();
    actualPairs += got.size();
    if (!want.equals(got)) {
      differingPosts++;
      if (examples.size() < MAX_EXAMPLES) {
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(got);
        Set<String> extra = new TreeSet<>(got);
        extra.removeAll(want);
        examples.add(
            postId
                + ": only in "
                + expectedName
                + " "
                + missing
                + ", only in "
                + actualName
                + " "
                + extra);
      }
    }
  }

  boolean identical() {
    return differingPosts == 0;
  }

  long posts() {
    return posts;
  }

  long pairs() {
    return expectedPairs;
  }

  List<String> examples() {
    return List.copyOf(examples);
  }

  /** One line: {@code IDENTICAL} or {@code DIFFERENT}, with the counts. */
  String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: %s vs %s over %,d posts: %,d vs %,d (post, query) matches, %,d posts differ",
        identical() ? "IDENTICAL" : "DIFFERENT",
        expectedName,
        actualName,
        posts,
        expectedPairs,
        actualPairs,
        differingPosts);
  }
}
