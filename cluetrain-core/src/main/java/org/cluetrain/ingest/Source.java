package org.cluetrain.ingest;

import java.time.Duration;
import java.util.List;
import org.cluetrain.model.Post;
import org.jspecify.annotations.Nullable;

/**
 * A live source: somewhere posts keep arriving (a Mastodon timeline, a subreddit, a feed), fetched
 * for one project. Every connector implements this port; the runtime schedules it, hands its posts
 * to the pipeline, persists its cursor after the posts are stored and keeps its gap ledger.
 *
 * <p>A source is told where the last fetch stopped (its cursor, as it returned it) and returns the
 * posts since then and the new cursor. Returning the same post twice is harmless (the post ledger
 * stores each once); skipping posts is not: a source that cannot reach back to its cursor says so
 * with {@link Batch#cursorLost()}, and a source that cannot fetch at all throws a {@link
 * SourceFailure}.
 */
public interface Source {

  /** The source's id, unique in the workspace, e.g. {@code mastodon:mastodon.social/tags/acme}. */
  String id();

  /** The project it collects for. */
  String project();

  /** The kind of connector: {@code feed}, {@code mastodon}, {@code reddit}, {@code hackernews}. */
  String kind();

  /** Where it is fetched from, as shown to people. */
  String address();

  /**
   * How often it is polled (a streaming source: how often it is checked after a dropped stream).
   */
  Duration interval();

  /**
   * Fetches what arrived since the cursor.
   *
   * @param cursor the cursor of the last successful fetch, or {@code null} at the first one
   * @throws SourceFailure when nothing could be fetched
   * @throws InterruptedException when the runtime stops
   */
  Batch poll(@Nullable String cursor) throws SourceFailure, InterruptedException;

  /**
   * What a fetch brought.
   *
   * @param posts the posts read, each carrying the source's project
   * @param problems the items that could not be read
   * @param cursor where the next fetch continues, or {@code null} to keep the old one
   * @param cursorLost whether posts between the old cursor and these may be missing (the host no
   *     longer serves that far back, or paging stopped at its limit)
   */
  record Batch(
      List<Post> posts,
      List<ReadItem.UnreadableItem> problems,
      @Nullable String cursor,
      boolean cursorLost) {
    public Batch {
      posts = List.copyOf(posts);
      problems = List.copyOf(problems);
    }
  }
}
