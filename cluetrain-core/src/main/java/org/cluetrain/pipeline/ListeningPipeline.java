package org.cluetrain.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.privacy.AuthorSuppression;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * The listening pipeline for one batch: skip what is known → enrich → match → enrich the matched
 * posts → store → record.
 *
 * <p>The second enrichment is for the expensive tier: enrichers that are too slow for every post
 * read (a sentence encoder) run only on the posts that matched at least one saved query, since a
 * post no project listens for is never shown, counted or alerted on. They run after the first
 * enrichers (whose labels they may replace) and before the post is stored; matching must not depend
 * on what they add. A post on which one of them fails is stored as the first enrichers left it, and
 * the failure is reported under that enricher's name.
 *
 * <p>Ordering is what makes it crash-safe: posts are made durable in the searchable store first and
 * recorded in the ledger last. A crash in between leaves posts the ledger does not know, so they
 * are processed again on the next import or poll, and the store's writes are idempotent by id:
 * nothing is lost, nothing duplicated. One bad post never stops the batch.
 *
 * <p>Two cores: a batch is enriched and matched on the thread that hands it in, and stored and
 * recorded on the pipeline's one writer thread, so that the next batch is enriched and matched
 * while the last one is written ({@link #submit}). Writes keep the order in which batches were
 * handed in, and a post still being written counts as known to the batches after it, so what is
 * stored, counted and told to the listeners is what one thread doing everything would give.
 */
public final class ListeningPipeline implements AutoCloseable {
  private final List<Enricher> enrichers;
  private final List<Enricher> matchedEnrichers;
  private final QueryMatcher matcher;
  private final PostStore store;
  private final PostLedger ledger;
  private final List<StoredPostsListener> listeners;
  private volatile @Nullable AuthorSuppression suppression;

  /** Held while a batch is enriched and matched: batches from several threads take turns. */
  private final ReentrantLock intake = new ReentrantLock(true);

  /** Stores and records batches one after another, in the order they were handed in. */
  private final ExecutorService writer = writerThread();

  /** The ids of posts handed to the writer and not yet recorded: known to later batches. */
  private final Set<String> beingWritten = ConcurrentHashMap.newKeySet();

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
    this(enrichers, List.of(), matcher, store, ledger, listeners);
  }

  /**
   * A pipeline whose {@code matchedEnrichers} run only on the posts that matched at least one
   * query, after matching (the expensive tier).
   */
  public ListeningPipeline(
      List<Enricher> enrichers,
      List<Enricher> matchedEnrichers,
      QueryMatcher matcher,
      PostStore store,
      PostLedger ledger,
      List<StoredPostsListener> listeners) {
    this.enrichers = List.copyOf(enrichers);
    this.matchedEnrichers = List.copyOf(matchedEnrichers);
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    // listeners join while batches run (the alert detectors when serving starts)
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  public List<Enricher> enrichers() {
    return enrichers;
  }

  /** The enrichers that run only on posts that matched a query. */
  public List<Enricher> matchedEnrichers() {
    return matchedEnrichers;
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
   * Processes one batch and waits until it is stored and recorded; never throws for a problem with
   * a single post or query. Batches from several threads (feeds being polled while an upload is
   * imported) take turns.
   */
  public BatchOutcome process(List<Post> batch) {
    try {
      return submit(batch).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Enriches and matches one batch on the calling thread and hands it to the writer; the future
   * ends when the batch is stored, recorded and told to the listeners. A caller with many batches
   * (an import) submits the next one before waiting for the last, so both cores work. The known-id
   * check, the store and the ledger see each batch whole and in order: a post in two batches at
   * once is stored and told to the listeners once.
   *
   * @throws IllegalStateException when the pipeline is closed
   */
  public CompletableFuture<BatchOutcome> submit(List<Post> batch) {
    intake.lock();
    try {
      Map<String, Post> unique = new LinkedHashMap<>();
      for (Post post : batch) {
        unique.putIfAbsent(post.id(), post); // a feed listing the same item twice
      }
      AuthorSuppression keptOut = suppression;
      Set<String> suppressed =
          keptOut == null ? Set.of() : keptOut.suppressedPosts(List.copyOf(unique.values()));
      unique.keySet().removeAll(suppressed);
      Set<String> known = new java.util.HashSet<>(ledger.knownPostIds(unique.keySet()));
      for (String id : unique.keySet()) {
        if (beingWritten.contains(id)) {
          known.add(id); // the writer has it from an earlier batch: recorded by the time it matters
        }
      }
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
        return CompletableFuture.completedFuture(
            new BatchOutcome(
                batch.size(), 0, alreadyKnown, failures, List.of(), suppressed.size()));
      }

      QueryMatcher.MatchBatch matches = matcher.match(enriched);
      List<StoredPost> stored = new ArrayList<>(enriched.size());
      for (int i = 0; i < enriched.size(); i++) {
        List<String> matched = matches.matches().get(i);
        Post post = enriched.get(i);
        if (!matched.isEmpty()) {
          post = enrichMatched(post, failures);
        }
        stored.add(new StoredPost(post, matched));
      }
      List<String> queryProblems = new ArrayList<>();
      for (QueryMatcher.QueryProblem problem : matches.problems()) {
        queryProblems.add(problem.queryId() + ": " + problem.problem());
      }
      List<String> ids = enriched.stream().map(Post::id).toList();
      beingWritten.addAll(ids);
      try {
        // handed over under the intake lock, so the writer takes batches in the order of intake
        return CompletableFuture.supplyAsync(
            () -> {
              try {
                return write(
                    stored, batch.size(), alreadyKnown, failures, queryProblems, suppressed.size());
              } finally {
                ids.forEach(beingWritten::remove);
              }
            },
            writer);
      } catch (RejectedExecutionException e) {
        ids.forEach(beingWritten::remove);
        throw new IllegalStateException("the listening pipeline is closed", e);
      }
    } finally {
      intake.unlock();
    }
  }

  /** The matched post through the expensive tier; as it was if one of those enrichers fails. */
  private Post enrichMatched(Post post, List<BatchOutcome.PostFailure> failures) {
    Post current = post;
    for (Enricher enricher : matchedEnrichers) {
      try {
        current = enricher.enrich(current);
      } catch (RuntimeException e) {
        failures.add(new BatchOutcome.PostFailure(post.id(), enricher.name(), describe(e)));
        return post;
      }
    }
    return current;
  }

  /** Stores and records one enriched, matched batch and tells the listeners: the writer's part. */
  private BatchOutcome write(
      List<StoredPost> stored,
      int read,
      int alreadyKnown,
      List<BatchOutcome.PostFailure> failures,
      List<String> queryProblems,
      int suppressed) {
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
    return new BatchOutcome(
        read,
        recorded,
        alreadyKnown + (stored.size() - recorded),
        failures,
        queryProblems,
        suppressed);
  }

  /**
   * Runs work while no batch is being taken in or written: batches handed in meanwhile wait, and
   * those already handed to the writer are written first. For changes that must not race a batch
   * (erasing a person, whose post could otherwise arrive in between).
   */
  public <T> T exclusively(Supplier<T> work) {
    intake.lock();
    try {
      CompletableFuture.runAsync(() -> {}, writer).join(); // the writer has nothing left
      return work.get();
    } catch (RejectedExecutionException e) {
      return work.get(); // closed: nothing can be written any more
    } finally {
      intake.unlock();
    }
  }

  /** Writes what was handed in and stops the writer; later batches are refused. */
  @Override
  public void close() {
    intake.lock();
    try {
      writer.shutdown();
      if (!writer.awaitTermination(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the listening pipeline did not finish writing in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      intake.unlock();
    }
  }

  /** One thread, so batches are written in order; it ends when idle, as pipelines in tests are. */
  private static ExecutorService writerThread() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "cluetrain-pipeline-writer");
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
