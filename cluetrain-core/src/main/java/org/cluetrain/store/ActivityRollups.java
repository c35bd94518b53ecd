package org.cluetrain.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The figures the {@link PostLedger} keeps up to date as posts are recorded: counts, hourly
 * roll-ups per query, threads and authors. Read-only: dashboards, reports and detectors read them.
 */
public interface ActivityRollups {

  /** Counts of what has been collected, for one project or ({@code null}) for all. */
  ListeningStats stats(@Nullable String project);

  /**
   * How many posts of the project each source gave, most first: what the sources page shows,
   * without the rest of {@link #stats}.
   */
  Map<String, Long> postsBySource(String project);

  /** Hourly match counts of a query within [since, until); {@code null} leaves a side open. */
  List<HourlyCount> hourlyCounts(String queryId, @Nullable Instant since, @Nullable Instant until);

  /**
   * Hourly match counts of a query within [since, until) by the posts' sentiment label; posts
   * without a sentiment label are not counted.
   */
  List<HourlySentiment> hourlySentiment(
      String queryId, @Nullable Instant since, @Nullable Instant until);

  /**
   * What happened in a project within [since, until): authors and sources of the posts that matched
   * any of {@code queryIds}, and the threads and authors most active, at most {@code limit} each.
   */
  ProjectActivity activity(
      String project, Collection<String> queryIds, Instant since, Instant until, int limit);

  /** The threads of a project (or all), most recently active first. */
  List<ThreadSummary> threads(@Nullable String project, int limit);

  /** The authors of a project (or all), by posts. */
  List<AuthorSummary> authors(@Nullable String project, int limit);

  /**
   * Hands every thread of a project (or all) to {@code each}, in the order of {@link #threads}, a
   * page at a time: what an export of all threads reads without holding them all.
   *
   * @return how many threads were handed over
   */
  long eachThread(@Nullable String project, Consumer<? super ThreadSummary> each);

  /**
   * Hands every author of a project (or all) to {@code each}, in the order of {@link #authors}, a
   * page at a time.
   *
   * @return how many authors were handed over
   */
  long eachAuthor(@Nullable String project, Consumer<? super AuthorSummary> each);
}
