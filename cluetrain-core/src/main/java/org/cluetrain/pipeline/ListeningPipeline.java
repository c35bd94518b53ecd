package org.cluetrain.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.privacy.AuthorSuppression;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * The listening pipeline for one batch: skip what is known → enrich → match → store → record.
 *
 * <p>Ordering is what makes it crash-safe: posts are made durable in the searchable store first and
 * recorded in the ledger last. A crash in between leaves posts the ledger does not know, so they
 * are processed again on the next import or poll, and the store's writes are idempotent by id:
 * nothing is lost, nothing duplicated. One bad post never stops the batch.
 */
public final class ListeningPipeline {
  private final List<Enricher> enrichers;
  private final QueryMatcher matcher;
  private final PostStore store;
  private final PostLedger ledger;
  private final List<StoredPostsListener> listeners;
  private volatile @Nullable AuthorSuppression suppression;

  public ListeningPipeline(
      List<Enricher> enrichers, QueryMatcher matcher, PostStore store, PostLedger ledger) {
    this(enrichers, matcher, store, ledger, List.of());
  }

  /**
   * A pipeline that tells listeners about every batch's new posts after recording them.
   *
   * @param listeners told in order; one failing does not stop the others
   */
  public ListeningPipeline(
      List<Enricher> enrichers,
      QueryMatcher matcher,
      PostStore store,
      PostLedger ledger,
      List<StoredPostsListener> listeners) {
    this.enrichers = List.copyOf(enrichers);
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    // listeners join while batches run (the alert detectors when serving starts)
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  public List<Enricher> enrichers() {
    return enrichers;
  }

  /**
   * Tells this listener too about every later batch of newly stored posts, on the pipeline's
   * thread, once the posts are durable. It must be quick and must not block; a failure in it is
   * reported in the batch's outcome and never loses the batch.
   */
  public void addListener(StoredPostsListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Leaves out, from every later batch, the posts of authors erased on request: they are counted as
   * suppressed, never stored, matched or counted.
   */
  public void keepOut(AuthorSuppression suppression) {
    this.suppression = Objects.requireNonNull(suppression, "suppression");
  }

  /**
   * Processes one batch; never throws for a problem with a single post or query. Batches from
   * several threads (feeds being polled while an upload is imported) run one after another: the
   * known-id check, the store and the ledger must see each batch whole, or a post in two batches at
   * once would reach the listeners twice.
   */
  public synchronized BatchOutcome process(List<Post> batch) {
    Map<String, Post> unique = new LinkedHashMap<>();
    for (Post post : batch) {
      unique.putIfAbsent(post.id(), post); // a feed listing the same item twice
    }
    AuthorSuppression keptOut = suppression;
    Set<String> suppressed =
        keptOut == null ? Set.of() : keptOut.suppressedPosts(List.copyOf(unique.values()));
    unique.keySet().removeAll(suppressed);
    Set<String> known = ledger.knownPostIds(unique.keySet());
    int alreadyKnown = batch.size() - unique.size() - suppressed.size() + known.size();

    List<BatchOutcome.PostFailure> failures = new ArrayList<>();
    List<Post> enriched = new ArrayList<>(unique.size());
    for (Post post : unique.values()) {
      if (known.contains(post.id())) {
        continue;
      }
      Post current = post;
      // the enricher about to run; the first one's name only fails to show if naming it failed
      String stage = "enrichment";
      try {
        for (Enricher enricher : enrichers) {
          stage = enricher.name();
          current = enricher.enrich(current);
        }
        enriched.add(current);
      } catch (RuntimeException e) {
        failures.add(new BatchOutcome.PostFailure(post.id(), stage, describe(e)));
      }
    }
    if (enriched.isEmpty()) {
      return new BatchOutcome(
          batch.size(), 0, alreadyKnown, failures, List.of(), suppressed.size());
    }

    QueryMatcher.MatchBatch matches = matcher.match(enriched);
    List<StoredPost> stored = new ArrayList<>(enriched.size());
    for (int i = 0; i < enriched.size(); i++) {
      stored.add(new StoredPost(enriched.get(i), matches.matches().get(i)));
    }
    store.store(stored);
    int recorded = ledger.record(stored);
    for (StoredPostsListener listener : listeners) {
      try {
        listener.stored(stored);
      } catch (RuntimeException e) {
        stored.forEach(
            p ->
                failures.add(
                    new BatchOutcome.PostFailure(p.post().id(), listener.name(), describe(e))));
      }
    }
    List<String> queryProblems = new ArrayList<>();
    for (QueryMatcher.QueryProblem problem : matches.problems()) {
      queryProblems.add(problem.queryId() + ": " + problem.problem());
    }
    return new BatchOutcome(
        batch.size(),
        recorded,
        alreadyKnown + (stored.size() - recorded),
        failures,
        queryProblems,
        suppressed.size());
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
