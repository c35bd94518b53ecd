package org.cluetrain.connectors.source;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cluetrain.connectors.feed.Backoff;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.ingest.SourceHealth.State;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.StreamingSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs live {@link Source}s: polls each when due, hands its posts to the {@link SourceListener},
 * then saves its cursor (so the cursor never runs ahead of the stored posts: a restart fetches
 * again from the last stored position, and the post ledger drops what it already has), keeps its
 * health and records every interval it could not cover in the {@link GapLedger}.
 *
 * <p>A gap starts where coverage last ended and grows with each failed attempt. When a later poll
 * reaches back to the cursor, the gap is marked backfilled; when the source says its cursor was
 * lost (the host no longer serves that far back), the gap stays open, and a cursor lost without a
 * failure is a gap of its own. Streaming sources are read on a thread of their own between polls; a
 * dropped stream makes the source due at once, so the poll from the cursor fetches what the stream
 * missed.
 */
public final class SourceRunner implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SourceRunner.class.getName());

  /** How many recent problems a source's health lists. */
  static final int MAX_RECENT = 20;

  private final Map<String, Track> tracks = new LinkedHashMap<>();
  private final SourceListener listener;
  private final SourceStateStore states;
  private final GapLedger gaps;
  private final Clock clock;
  private final Backoff backoff;
  private final Duration checkInterval;
  private final Duration streamPause;
  private final ExecutorService workers;
  private final ExecutorService streams;
  private @Nullable ScheduledExecutorService scheduler;
  private volatile boolean closed;

  /**
   * @param sources the sources, each id once
   * @param checkInterval how often the background thread looks for due sources
   * @param streamPause the least time between two starts of a source's stream
   */
  public SourceRunner(
      List<Source> sources,
      SourceListener listener,
      SourceStateStore states,
      GapLedger gaps,
      Clock clock,
      Duration checkInterval,
      Duration streamPause) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.states = Objects.requireNonNull(states, "states");
    this.gaps = Objects.requireNonNull(gaps, "gaps");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new Backoff(Duration.ofHours(6), new Random());
    this.checkInterval = checkInterval;
    this.streamPause = streamPause;
    Map<String, SourceHealth> saved = new LinkedHashMap<>();
    states.health().forEach(h -> saved.put(h.sourceId(), h));
    List<String> problems = new ArrayList<>();
    for (Source source : sources) {
      if (tracks.containsKey(source.id())) {
        problems.add("source id " + source.id() + " is declared twice");
        continue;
      }
      tracks.put(source.id(), new Track(source, saved.get(source.id())));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("live sources: " + String.join("; ", problems));
    }
    this.workers = Executors.newFixedThreadPool(4, daemonThreads("cluetrain-source"));
    this.streams = Executors.newCachedThreadPool(daemonThreads("cluetrain-stream"));
  }

  /** With a 1 s check interval and 10 s between a source's stream starts. */
  public SourceRunner(
      List<Source> sources,
      SourceListener listener,
      SourceStateStore states,
      GapLedger gaps,
      Clock clock) {
    this(sources, listener, states, gaps, clock, Duration.ofSeconds(1), Duration.ofSeconds(10));
  }

  private synchronized List<Track> snapshot() {
    return List.copyOf(tracks.values());
  }

  /**
   * Runs these sources from now on: new ones start (continuing from their saved cursor and health),
   * missing ones stop, and one whose address, interval or streaming changed starts afresh with its
   * saved cursor; the others go on undisturbed.
   */
  public synchronized void replaceSources(List<Source> sources) {
    Map<String, Track> next = new LinkedHashMap<>();
    Map<String, SourceHealth> saved = new LinkedHashMap<>();
    states.health().forEach(h -> saved.put(h.sourceId(), h));
    for (Source source : sources) {
      if (next.containsKey(source.id())) {
        LOG.log(Level.WARNING, "live source {0} is declared twice; the first is run", source.id());
        continue;
      }
      Track old = tracks.get(source.id());
      if (old != null && sameRun(old.source, source)) {
        next.put(source.id(), old);
      } else {
        if (old != null) {
          old.stop();
        }
        next.put(source.id(), new Track(source, saved.get(source.id())));
      }
    }
    for (Map.Entry<String, Track> gone : tracks.entrySet()) {
      if (!next.containsKey(gone.getKey())) {
        gone.getValue().stop();
      }
    }
    tracks.clear();
    tracks.putAll(next);
  }

  private static boolean sameRun(Source a, Source b) {
    return a.address().equals(b.address())
        && a.interval().equals(b.interval())
        && a.project().equals(b.project())
        && (a instanceof StreamingSource) == (b instanceof StreamingSource);
  }

  /** The health of every source, in declaration order. */
  public List<SourceHealth> health() {
    List<SourceHealth> all = new ArrayList<>();
    for (Track track : snapshot()) {
      synchronized (track) {
        all.add(track.health);
      }
    }
    return all;
  }

  /**
   * Polls every due source now, on the calling thread's behalf (sources in parallel), and returns
   * when all are done.
   */
  public void pollDue() throws InterruptedException {
    Instant now = clock.instant();
    List<Future<?>> running = new ArrayList<>();
    for (Track track : snapshot()) {
      if (track.claimIfDue(now)) {
        running.add(workers.submit(() -> pollClaimed(track)));
      }
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (java.util.concurrent.ExecutionException unexpected) {
        throw new IllegalStateException("source polling failed", unexpected.getCause());
      }
    }
  }

  /** Polls due sources in the background until {@link #close()}. */
  public synchronized void start() {
    if (closed || scheduler != null) {
      throw new IllegalStateException("source runner was already started or is closed");
    }
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("cluetrain-source-scheduler"));
    scheduler = started;
    started.scheduleWithFixedDelay(
        () -> {
          try {
            Instant now = clock.instant();
            for (Track track : snapshot()) {
              if (track.claimIfDue(now)) {
                workers.submit(() -> pollClaimed(track));
              }
            }
          } catch (RuntimeException unexpected) {
            LOG.log(Level.ERROR, "live source round failed; trying again", unexpected);
          }
        },
        0,
        checkInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = scheduler;
    }
    if (running != null) {
      running.shutdownNow();
    }
    workers.shutdownNow();
    streams.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
      streams.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void pollClaimed(Track track) {
    try {
      poll(track);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException unexpected) {
      LOG.log(Level.ERROR, "live source " + track.source.id() + " failed unexpectedly", unexpected);
    } finally {
      track.release();
    }
  }

  private void poll(Track track) throws InterruptedException {
    Source source = track.source;
    Instant started = clock.instant();
    Source.Batch batch;
    try {
      batch = source.poll(track.cursor);
    } catch (SourceFailure failure) {
      failed(track, failure, started);
      return;
    } catch (RuntimeException bug) {
      failed(
          track,
          new SourceFailure(
              GapReason.PAGE_UNPARSEABLE, source.address() + ": cannot read the answer: " + bug),
          started);
      return;
    }
    if (deliver(track, batch, started)) {
      maybeStartStream(track);
    }
  }

  /** Hands a batch on, then moves the cursor and closes the gap; false when it was not taken. */
  private boolean deliver(Track track, Source.Batch batch, Instant started) {
    Source source = track.source;
    try {
      listener.onPosts(source, batch.posts(), batch.problems());
    } catch (RuntimeException notTaken) {
      LOG.log(
          Level.WARNING,
          "posts of " + source.id() + " were not stored; they are fetched again",
          notTaken);
      synchronized (track) {
        Instant now = clock.instant();
        track.failures++;
        track.health =
            health(
                track,
                State.FAILING,
                started,
                track.health.lastSuccess(),
                source.address()
                    + ": posts could not be stored ("
                    + notTaken
                    + "); they are fetched again at the next attempt",
                0,
                0,
                now.plus(backoff.after(source.interval(), track.failures)),
                null);
        save(track);
      }
      return false;
    }
    synchronized (track) {
      Instant now = clock.instant();
      String before = track.cursor;
      if (batch.cursor() != null) {
        track.cursor = batch.cursor();
        states.saveCursor(source.id(), track.cursor);
      }
      String recent = null;
      Instant gapFrom = track.gapFrom;
      if (gapFrom != null) {
        if (batch.cursorLost()) {
          gaps.record(
              new Gap(
                  source.id(),
                  source.project(),
                  gapFrom,
                  started,
                  track.gapReason,
                  track.gapDetail + "; not backfilled: the host no longer serves posts that old",
                  null));
        } else {
          gaps.backfill(source.id(), now, now);
        }
      } else if (batch.cursorLost() && before != null && track.lastCovered != null) {
        Instant from = Objects.requireNonNull(track.lastCovered);
        String detail =
            source.address()
                + ": the host no longer serves posts back to the last one read; posts between"
                + " may be missing";
        gaps.record(
            new Gap(
                source.id(), source.project(), from, started, GapReason.CURSOR_LOST, detail, null));
        recent = started + ": " + detail;
      }
      track.gapFrom = null;
      track.lastCovered = now;
      track.failures = 0;
      track.health =
          health(
              track,
              State.OK,
              started,
              now,
              track.health.lastError(),
              batch.posts().size(),
              batch.problems().size(),
              now.plus(source.interval()),
              recent);
      save(track);
    }
    return true;
  }

  private void failed(Track track, SourceFailure failure, Instant started) {
    Source source = track.source;
    synchronized (track) {
      Instant now = clock.instant();
      Instant from = track.gapFrom;
      if (from == null) {
        from = track.lastCovered != null ? track.lastCovered : started;
        track.gapFrom = from;
      }
      String detail = Objects.requireNonNullElse(failure.getMessage(), failure.reason().label());
      track.gapReason = failure.reason();
      track.gapDetail = detail;
      gaps.record(
          new Gap(source.id(), source.project(), from, now, failure.reason(), detail, null));
      track.failures++;
      Instant next = now.plus(backoff.after(source.interval(), track.failures));
      Instant retryAfter = failure.retryAfter();
      if (retryAfter != null && retryAfter.isAfter(next)) {
        next = retryAfter;
      }
      track.health =
          health(
              track,
              failure.reason() == GapReason.UNREACHABLE ? State.UNREACHABLE : State.FAILING,
              started,
              track.health.lastSuccess(),
              detail,
              0,
              0,
              next,
              started + ": " + failure.reason().label() + ": " + detail);
      save(track);
      LOG.log(Level.INFO, "{0}; next attempt {1}", detail, next);
    }
  }

  private void maybeStartStream(Track track) {
    if (!(track.source instanceof StreamingSource streaming) || closed) {
      return;
    }
    synchronized (track) {
      Instant now = clock.instant();
      if (track.streaming
          || track.stopped
          || (track.streamStarted != null
              && now.isBefore(Objects.requireNonNull(track.streamStarted).plus(streamPause)))) {
        return;
      }
      track.streaming = true;
      track.streamStarted = now;
    }
    try {
      Future<?> reading = streams.submit(() -> readStream(track, streaming));
      synchronized (track) {
        track.stream = reading;
      }
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      synchronized (track) {
        track.streaming = false;
      }
    }
  }

  private void readStream(Track track, StreamingSource source) {
    String why = "the host ended the stream";
    try {
      source.stream(
          batch -> {
            Instant at = clock.instant();
            try {
              listener.onPosts(source, batch.posts(), batch.problems());
            } catch (RuntimeException notTaken) {
              // the next poll from the cursor brings them again
              LOG.log(Level.WARNING, "streamed posts of " + source.id() + " not stored", notTaken);
            }
            synchronized (track) {
              track.health =
                  health(
                      track,
                      track.health.state(),
                      track.health.lastAttempt(),
                      at,
                      track.health.lastError(),
                      batch.posts().size(),
                      batch.problems().size(),
                      track.health.nextAttempt(),
                      null);
              save(track);
            }
          });
    } catch (SourceFailure failure) {
      why = Objects.requireNonNullElse(failure.getMessage(), failure.reason().label());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException bug) {
      why = String.valueOf(bug);
    } finally {
      synchronized (track) {
        track.streaming = false;
      }
    }
    // what the stream missed while it was down comes with the poll from the cursor
    LOG.log(Level.INFO, "stream of {0} dropped ({1}); polling from its cursor", source.id(), why);
    synchronized (track) {
      track.health =
          health(
              track,
              track.health.state(),
              track.health.lastAttempt(),
              track.health.lastSuccess(),
              source.address() + ": stream dropped (" + why + "); resumed from the cursor",
              0,
              0,
              clock.instant(),
              null);
      save(track);
    }
  }

  private SourceHealth health(
      Track track,
      State state,
      @Nullable Instant attempt,
      @Nullable Instant success,
      @Nullable String error,
      int posts,
      int problems,
      @Nullable Instant next,
      @Nullable String recent) {
    SourceHealth was = track.health;
    List<String> recentProblems = new ArrayList<>();
    if (recent != null) {
      recentProblems.add(recent);
    }
    recentProblems.addAll(was.gaps());
    if (recentProblems.size() > MAX_RECENT) {
      recentProblems = recentProblems.subList(0, MAX_RECENT);
    }
    return new SourceHealth(
        track.source.id(),
        track.source.project(),
        track.source.address(),
        state,
        attempt,
        success,
        error,
        track.failures,
        was.itemsFetched() + posts,
        was.itemsUnparseable() + problems,
        next,
        recentProblems);
  }

  private void save(Track track) {
    try {
      states.saveHealth(track.health);
    } catch (RuntimeException storeFailure) {
      LOG.log(Level.WARNING, "cannot save the health of " + track.source.id(), storeFailure);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One source's schedule, cursor, open gap and health. */
  private final class Track {
    final Source source;
    @Nullable String cursor;
    SourceHealth health;
    int failures;
    @Nullable Instant lastCovered;
    @Nullable Instant gapFrom;
    GapReason gapReason = GapReason.UNREACHABLE;
    String gapDetail = "";
    boolean claimed;
    boolean streaming;
    boolean stopped;
    @Nullable Instant streamStarted;
    @Nullable Future<?> stream;

    /** No more polls, and the stream, if any, ends. */
    synchronized void stop() {
      stopped = true;
      Future<?> reading = stream;
      if (reading != null) {
        reading.cancel(true);
      }
    }

    Track(Source source, @Nullable SourceHealth saved) {
      this.source = source;
      if (saved == null) {
        health = SourceHealth.pending(source.id(), source.project(), source.address());
        states.saveHealth(health);
      } else {
        // a restart keeps the counts and continues from the stored posts' cursor
        health = saved;
        failures = saved.consecutiveFailures();
        lastCovered = saved.lastSuccess();
        cursor = states.cursor(source.id()).orElse(null);
        if (!source.address().equals(saved.url())) {
          // another address: the old cursor means nothing there
          cursor = null;
          lastCovered = null;
        }
        Instant covered = lastCovered;
        if (failures > 0 && covered != null) {
          // the gap still open when the last run stopped goes on
          for (Gap open : gaps.gaps(source.id(), covered, clock.instant().plusSeconds(1))) {
            if (open.from().equals(covered) && !open.backfilled()) {
              gapFrom = covered;
              gapReason = open.reason();
              gapDetail = open.detail();
            }
          }
        }
      }
    }

    synchronized boolean claimIfDue(Instant now) {
      if (claimed || closed || stopped) {
        return false;
      }
      Instant next = health.nextAttempt();
      if (next != null && next.isAfter(now)) {
        return false;
      }
      claimed = true;
      return true;
    }

    synchronized void release() {
      claimed = false;
    }
  }
}
