package org.cluetrain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.HourlySentiment;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.ProjectActivity;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.SearchRequest.Filters;
import org.cluetrain.store.StoredPost;

/**
 * The figures of one project's overview for one period ("measure"), read from the roll-ups (hourly
 * counts, hourly sentiment, activity) and from counts in the searchable store; the multipliers and
 * the sentiment per source need each post's replies, links and label, so they come from one pass
 * over the period's posts (without their texts, at most {@link Multipliers#READ}). The web pages,
 * the HTTP API and the command line show the same report.
 *
 * @param mentions posts that matched at least one of the project's own (listening) queries
 * @param negative those of them labelled negative
 * @param volume per query: matched posts per day of the period
 * @param shareOfVoice the brand (its own queries' posts, each once) beside each competitor query
 * @param sentiment per sentiment label: the brand queries' matched posts per day
 * @param topSources sources by posts matched by the brand queries, most first
 * @param topics what the brand's mentions are about: terms emerging against the baseline, and what
 *     the negative ones are about
 * @param voices the distinct people behind the mentions, voices not echo: copies and spam left out,
 *     a post without an author one voice (from the pass over the period's posts)
 * @param copies the mentions that are near-copies of an earlier post (syndication, retweets without
 *     comment): echo among the mentions, not voices (from the pass over the period's posts)
 * @param sourceSentiment the sentiment of the brand's mentions on each of the top sources
 * @param multipliers the authors whose mentions drew the most people into the conversation
 */
public record OverviewReport(
    String project,
    Period period,
    long mentions,
    long negative,
    long authors,
    long sources,
    List<Series> volume,
    List<Slice> shareOfVoice,
    List<Series> sentiment,
    List<Slice> topSources,
    ProjectActivity activity,
    Topics topics,
    long voices,
    long copies,
    List<SourceSentiment> sourceSentiment,
    Multipliers multipliers) {

  /** How many sources, threads and authors the lists show. */
  public static final int TOP = 10;

  /** The key of the share-of-voice slice that stands for all of the project's own queries. */
  public static final String BRAND = "@brand";

  /** The sentiment labels in the order charts stack them. */
  public static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");

  /** A line or stack of a chart: one value per day of the period. */
  public record Series(String name, String key, List<Long> values) {}

  /**
   * A part of a whole.
   *
   * @param key what the mentions page filters on to show the posts behind it
   */
  public record Slice(String name, String key, long value) {}

  /** The share of the brand's mentions labelled negative, 0 when there are none. */
  public double negativeShare() {
    return mentions == 0 ? 0 : (double) negative / mentions;
  }

  /** Whether anything matched in the period. */
  public boolean isEmpty() {
    return volume.stream().allMatch(s -> s.values().stream().allMatch(v -> v == 0));
  }

  /**
   * The report of a project for a period.
   *
   * @param queries the queries in effect (those of other projects are left out)
   */
  public static OverviewReport build(
      String project,
      Period period,
      List<SavedQuery> queries,
      ActivityRollups rollups,
      PostStore store) {
    return build(project, period, queries, rollups, store, true);
  }

  /**
   * The figures of a project for a period without what its topics are: the same counts as {@link
   * #build}, with {@link Topics#none} in place of the terms, which are costly to compare. Goals
   * read a report like this for every check-in.
   */
  public static OverviewReport figures(
      String project,
      Period period,
      List<SavedQuery> queries,
      ActivityRollups rollups,
      PostStore store) {
    return build(project, period, queries, rollups, store, false);
  }

  private static OverviewReport build(
      String project,
      Period period,
      List<SavedQuery> queries,
      ActivityRollups rollups,
      PostStore store,
      boolean topics) {
    queries = queries.stream().filter(q -> q.project().equals(project)).toList();
    List<String> brand =
        queries.stream()
            .filter(q -> q.role() == SavedQuery.Role.LISTEN)
            .map(SavedQuery::id)
            .toList();
    List<LocalDate> dates = period.dates();
    Map<LocalDate, Integer> index = new LinkedHashMap<>();
    dates.forEach(d -> index.put(d, index.size()));

    List<Series> volume = new ArrayList<>();
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (SavedQuery query : queries) {
      long[] perDay = new long[dates.size()];
      for (HourlyCount count : rollups.hourlyCounts(query.id(), period.since(), period.until())) {
        Integer day = index.get(LocalDate.ofInstant(count.hour(), ZoneOffset.UTC));
        if (day != null) {
          perDay[day] += count.posts();
        }
        if (query.role() == SavedQuery.Role.LISTEN) {
          bySource.merge(count.sourceId(), count.posts(), Long::sum);
        }
      }
      volume.add(new Series(query.name(), query.name(), boxed(perDay)));
    }

    long[][] sentiment = new long[SENTIMENTS.size()][dates.size()];
    for (String queryId : brand) {
      for (HourlySentiment count :
          rollups.hourlySentiment(queryId, period.since(), period.until())) {
        Integer day = index.get(LocalDate.ofInstant(count.hour(), ZoneOffset.UTC));
        int label = SENTIMENTS.indexOf(count.sentiment());
        if (day != null && label >= 0) {
          sentiment[label][day] += count.posts();
        }
      }
    }
    List<Series> sentimentSeries = new ArrayList<>();
    for (int i = 0; i < SENTIMENTS.size(); i++) {
      sentimentSeries.add(new Series(SENTIMENTS.get(i), SENTIMENTS.get(i), boxed(sentiment[i])));
    }

    long mentions = count(store, project, period, Filters.NONE.withMatchedQueries(brand), brand);
    long negative =
        count(
            store,
            project,
            period,
            Filters.NONE.withMatchedQueries(brand).withSentiment("negative"),
            brand);
    List<Slice> share = new ArrayList<>();
    share.add(new Slice(project, BRAND, mentions));
    for (SavedQuery query : queries) {
      if (query.role() == SavedQuery.Role.COMPETITOR) {
        List<String> one = List.of(query.id());
        share.add(
            new Slice(
                query.name(),
                query.name(),
                count(store, project, period, Filters.NONE.withMatchedQueries(one), one)));
      }
    }

    List<Slice> sources = new ArrayList<>();
    bySource.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .forEach(
            e -> sources.add(new Slice(sourceName(store, e.getKey()), e.getKey(), e.getValue())));

    ProjectActivity activity =
        rollups.activity(project, brand, period.since(), period.until(), TOP);
    SourceSentiment.Tally bySourceSentiment = new SourceSentiment.Tally(brand);
    Multipliers.Tally multipliers = new Multipliers.Tally(brand);
    boolean complete =
        readPeriod(
            store,
            project,
            period,
            post -> {
              bySourceSentiment.accept(post);
              multipliers.accept(post);
            });
    return new OverviewReport(
        project,
        period,
        mentions,
        negative,
        activity.mentionAuthors(),
        activity.mentionSources(),
        volume,
        share,
        sentimentSeries,
        sources,
        activity,
        topics ? Topics.of(project, period, brand, store) : Topics.none(period),
        multipliers.voices(),
        bySourceSentiment.copies(),
        bySourceSentiment.result(TOP),
        multipliers.result(complete));
  }

  /**
   * Hands the project's posts of the period to {@code each}, newest first, up to {@link
   * Multipliers#READ} of them.
   *
   * @return whether every post of the period was read
   */
  private static boolean readPeriod(
      PostStore store, String project, Period period, Consumer<StoredPost> each) {
    int[] read = {0};
    try {
      store.scan(
          new SearchRequest("", project, period.since(), period.until(), 1),
          post -> {
            if (read[0]++ == Multipliers.READ) {
              throw new EnoughRead();
            }
            each.accept(post);
          });
      return true;
    } catch (EnoughRead e) {
      return false;
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("an empty query always parses", e);
    }
  }

  /** Ends a scan that has read as many posts as a report reads. */
  private static final class EnoughRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EnoughRead() {
      super(null, null, false, false);
    }
  }

  private static long count(
      PostStore store, String project, Period period, Filters filters, List<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    try {
      return store
          .search(new SearchRequest("", project, period.since(), period.until(), 1, filters))
          .totalHits();
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("an empty query always parses", e);
    }
  }

  /** A source's own name, from one of its stored posts; its id when none is stored. */
  private static String sourceName(PostStore store, String sourceId) {
    try {
      List<StoredPost> one =
          store
              .search(
                  new SearchRequest(
                      "",
                      null,
                      null,
                      null,
                      1,
                      new Filters(List.of(), null, null, sourceId, null, null, null)))
              .posts();
      return one.isEmpty() ? sourceId : one.get(0).post().source().name();
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("an empty query always parses", e);
    }
  }

  private static List<Long> boxed(long[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (long v : values) {
      list.add(v);
    }
    return list;
  }

  /** The instant the period's day starts. */
  public static Instant start(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
