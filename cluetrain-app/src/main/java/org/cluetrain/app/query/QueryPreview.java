package org.cluetrain.app.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * What a query would find in stored history, before it is saved: how many posts, how many per day
 * over the last days, and the newest of them. Search over history and live matching agree, so this
 * is what the query would have matched had it always been saved.
 *
 * <p>Cheap on a large store: one counting search for the total and one for the window; per-day
 * counts come from the window's posts when there are few of them and from one counting search per
 * day otherwise, so no more than {@link #BUCKET_IN_MEMORY} posts are ever read.
 */
public final class QueryPreview {
  /** Up to this many posts in the window are read and counted by day in memory. */
  static final int BUCKET_IN_MEMORY = 1_000;

  private final PostStore store;

  public QueryPreview(PostStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * A preview.
   *
   * @param total stored posts of the project the query matches, at any time
   * @param perDay matches per calendar day of the window, oldest day first, every day present
   * @param newest the newest matching posts
   */
  public record Result(long total, Map<LocalDate, Long> perDay, List<StoredPost> newest) {
    public Result {
      perDay = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perDay));
      newest = List.copyOf(newest);
    }
  }

  /**
   * Previews a query on a project's stored posts.
   *
   * @param days how many calendar days (in {@code zone}) up to and including today to count
   * @param samples how many of the newest matching posts to return
   * @throws QuerySyntaxException when the query does not parse, with the position
   * @throws IllegalArgumentException when the store cannot run it (a wildcard expands too far)
   */
  public Result preview(
      String project, String query, ZoneId zone, Instant now, int days, int samples)
      throws QuerySyntaxException {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be between 1 and 366, was " + days);
    }
    QueryParser.parse(query); // the parser's message and position, before any search
    SearchPage all = store.search(new SearchRequest(query, project, null, null, samples));
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      perDay.put(day, 0L);
    }
    if (all.totalHits() > 0) {
      Instant since = first.atStartOfDay(zone).toInstant();
      Instant until = today.plusDays(1).atStartOfDay(zone).toInstant();
      long inWindow = count(query, project, since, until);
      if (inWindow > 0 && inWindow <= BUCKET_IN_MEMORY) {
        for (StoredPost post :
            store.search(new SearchRequest(query, project, since, until, (int) inWindow)).posts()) {
          perDay.merge(post.post().published().atZone(zone).toLocalDate(), 1L, Long::sum);
        }
      } else if (inWindow > 0) {
        for (LocalDate day : new ArrayList<>(perDay.keySet())) {
          perDay.put(
              day,
              count(
                  query,
                  project,
                  day.atStartOfDay(zone).toInstant(),
                  day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
      }
    }
    return new Result(all.totalHits(), perDay, all.posts());
  }

  private long count(String query, String project, Instant since, Instant until)
      throws QuerySyntaxException {
    return store.search(new SearchRequest(query, project, since, until, 1)).totalHits();
  }
}
