package org.cluetrain.ingest;

import java.util.Objects;
import org.cluetrain.model.Post;
import org.jspecify.annotations.Nullable;

/** What a {@link FormatReader} found at one place in its input: a post, a feed, or a problem. */
public sealed interface ReadItem {

  /** A post that was read successfully. */
  record ParsedPost(Post post) implements ReadItem {
    public ParsedPost {
      Objects.requireNonNull(post, "post");
    }
  }

  /**
   * One item that could not be read; the reader carries on with the next one.
   *
   * @param input the input's name (file name or URL)
   * @param item where in the input: {@code item 3}, {@code line 17}, {@code comment 12}
   * @param problem what is wrong, in words a user understands
   */
  record UnreadableItem(String input, String item, String problem) implements ReadItem {
    public UnreadableItem {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
      return input + ": " + item + ": " + problem;
    }
  }

  /**
   * A feed to subscribe to, as listed in an OPML file.
   *
   * @param title the outline's title or text
   * @param feedUrl the feed's address ({@code xmlUrl})
   * @param siteUrl the site's address ({@code htmlUrl}), or {@code null}
   * @param category the outline folder path, or {@code null}
   */
  record FeedSubscription(
      String title, String feedUrl, @Nullable String siteUrl, @Nullable String category)
      implements ReadItem {
    public FeedSubscription {
      if (feedUrl == null || feedUrl.isBlank()) {
        throw new IllegalArgumentException("feed subscription without feed URL");
      }
    }
  }
}
