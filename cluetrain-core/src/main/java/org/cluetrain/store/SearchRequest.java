package org.cluetrain.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cluetrain.model.PostKind;
import org.jspecify.annotations.Nullable;

/**
 * A search over stored posts.
 *
 * @param query a query in Cluetrain's query language; blank means every post
 * @param project only posts collected for this project, or {@code null} for all
 * @param since only posts published at or after this instant, or {@code null}
 * @param until only posts published before this instant, or {@code null}
 * @param limit at most this many posts, newest first (1..10,000)
 * @param filters exact narrowing beyond the query, e.g. from a page's filter controls
 */
public record SearchRequest(
    String query,
    @Nullable String project,
    @Nullable Instant since,
    @Nullable Instant until,
    int limit,
    Filters filters) {
  public static final int MAX_LIMIT = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    filters = filters == null ? Filters.NONE : filters;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException(
          "since (" + since + ") must be before until (" + until + ")");
    }
  }

  public SearchRequest(
      String query,
      @Nullable String project,
      @Nullable Instant since,
      @Nullable Instant until,
      int limit) {
    this(query, project, since, until, limit, Filters.NONE);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, 100);
  }

  /**
   * Exact filters on what the store knows about each post; each is ignored when {@code null} (or
   * empty). Values are compared the way the query language's field filters compare them.
   *
   * @param matchedQueries only posts that matched at least one of these saved queries (ids)
   * @param sentiment only posts with this sentiment label ({@code positive}, {@code negative}, …)
   * @param lang only posts in this language (ISO 639-1)
   * @param sourceId only posts from this source
   * @param kind only posts of this kind
   * @param authorId only posts by this author
   * @param answered only posts that have (true) or have not (false) been answered: at least one
   *     stored comment or reply names the post as its parent and was written by somebody other than
   *     the post's author (pingbacks and trackbacks are links, not answers)
   */
  public record Filters(
      List<String> matchedQueries,
      @Nullable String sentiment,
      @Nullable String lang,
      @Nullable String sourceId,
      @Nullable PostKind kind,
      @Nullable String authorId,
      @Nullable Boolean answered) {
    public static final Filters NONE = new Filters(List.of(), null, null, null, null, null, null);

    public Filters {
      matchedQueries = matchedQueries == null ? List.of() : List.copyOf(matchedQueries);
      sentiment = blankToNull(sentiment);
      lang = blankToNull(lang);
      sourceId = blankToNull(sourceId);
      authorId = blankToNull(authorId);
    }

    /** Whether no filter is set. */
    public boolean isEmpty() {
      return equals(NONE);
    }

    public Filters withMatchedQueries(List<String> queryIds) {
      return new Filters(queryIds, sentiment, lang, sourceId, kind, authorId, answered);
    }

    public Filters withSentiment(@Nullable String value) {
      return new Filters(matchedQueries, value, lang, sourceId, kind, authorId, answered);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** This request with other filters. */
  public SearchRequest with(Filters other) {
    return new SearchRequest(query, project, since, until, limit, Objects.requireNonNull(other));
  }
}
