package org.cluetrain.app.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * Replays a project's stored posts in the order they were published, one minute of posts per batch,
 * matched again against the saved queries as they are now — so that a backtest of a query added
 * today sees the history it would have matched.
 *
 * <p>The store answers searches newest first and at most 10,000 posts at a time, so the period is
 * split in halves until each part fits; an empty part costs one search.
 */
final class HistoryReplay {
  private static final Duration SMALLEST_PART = Duration.ofSeconds(1);

  private final PostStore store;
  private final QueryMatcher matcher;
  private long posts;

  HistoryReplay(PostStore store, QueryMatcher matcher) {
    this.store = store;
    this.matcher = matcher;
  }

  /** Hands the posts published in {@code [from, until)} to the sink, a minute at a time. */
  void replay(String project, Instant from, Instant until, Consumer<List<StoredPost>> sink) {
    if (!from.isBefore(until)) {
      return;
    }
    MinuteBatches batches = new MinuteBatches(sink);
    part(project, from, until, batches);
    batches.flush();
  }

  /** How many posts were replayed. */
  long posts() {
    return posts;
  }

  /** The newest stored post's time of a project, or {@code null} when it has none. */
  Instant newest(String project) {
    SearchPage page = search(new SearchRequest("", project, null, null, 1));
    return page.posts().isEmpty() ? null : page.posts().get(0).post().published();
  }

  private void part(String project, Instant from, Instant until, MinuteBatches batches) {
    SearchPage count = search(new SearchRequest("", project, from, until, 1));
    if (count.totalHits() == 0) {
      return;
    }
    Duration span = Duration.between(from, until);
    if (count.totalHits() > SearchRequest.MAX_LIMIT && span.compareTo(SMALLEST_PART) > 0) {
      Instant middle = from.plus(span.dividedBy(2));
      part(project, from, middle, batches);
      part(project, middle, until, batches);
      return;
    }
    int limit = (int) Math.min(SearchRequest.MAX_LIMIT, count.totalHits());
    List<Post> found = new ArrayList<>();
    for (StoredPost stored : search(new SearchRequest("", project, from, until, limit)).posts()) {
      found.add(stored.post());
    }
    found.sort(Comparator.comparing(Post::published).thenComparing(Post::id));
    List<List<String>> matches = matcher.match(found).matches();
    for (int i = 0; i < found.size(); i++) {
      batches.add(new StoredPost(found.get(i), matches.get(i)));
    }
    posts += found.size();
  }

  private SearchPage search(SearchRequest request) {
    try {
      return store.search(request);
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("the empty query always parses", e);
    }
  }

  /** Collects posts in time order and hands them on one published minute at a time. */
  private static final class MinuteBatches {
    private final Consumer<List<StoredPost>> sink;
    private List<StoredPost> batch = new ArrayList<>();
    private long minute = Long.MIN_VALUE;

    MinuteBatches(Consumer<List<StoredPost>> sink) {
      this.sink = sink;
    }

    void add(StoredPost post) {
      long m = Math.floorDiv(post.post().published().getEpochSecond(), 60);
      if (m != minute) {
        flush();
        minute = m;
      }
      batch.add(post);
    }

    void flush() {
      if (!batch.isEmpty()) {
        sink.accept(batch);
        batch = new ArrayList<>();
      }
    }
  }
}
