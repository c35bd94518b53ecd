package org.cluetrain.connectors.feed;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.formats.Formats;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.ingest.SourceHealth.State;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;
import org.jspecify.annotations.Nullable;

/**
 * Polls declared feeds over HTTP and hands their posts and health to a {@link FeedListener}.
 *
 * <pre>{@code
 * FeedPoller poller = FeedPoller.builder(listener)
 *     .subscribe(FeedSubscription.of("feed:https://example.org/feed", "acme",
 *         "https://example.org/feed", Duration.ofMinutes(15)))
 *     .initialStates(savedStates)   // from states() of the last run
 *     .build();
 * poller.start();                   // polls due feeds in the background
 * ...
 * store.save(poller.states());
 * poller.close();
 * }</pre>
 *
 * <p>One failing feed never stops the others: every attempt ends in a {@link FeedPollResult} and a
 * {@link SourceHealth}, whatever went wrong. See the package documentation for the behaviour
 * towards hosts (conditional GET, politeness, back-off).
 */
public final class FeedPoller implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FeedPoller.class.getName());

  /** How many recent gaps a source's health keeps. */
  static final int MAX_GAPS = 20;

  private final Map<String, FeedTrack> tracks;
  private final FeedListener listener;
  private final Clock clock;
  private final Backoff backoff;
  private final HostLanes lanes;
  private final FeedFetcher fetcher;
  private final DocumentReader reader;
  private final Duration checkInterval;
  private final ExecutorService workers;

  /** Hosts that asked us to stay away ({@code Retry-After}), and until when. */
  private final Map<String, Instant> hostsResting = new ConcurrentHashMap<>();

  private @Nullable ScheduledExecutorService scheduler; // guarded by this; set by start()
  private volatile boolean closed;

  private FeedPoller(Builder builder, DocumentReader reader) {
    this.listener = builder.listener;
    this.clock = builder.clock;
    this.backoff = new Backoff(builder.maxBackoff, builder.random);
    this.lanes = new HostLanes(builder.hostDelay);
    this.fetcher =
        new FeedFetcher(
            builder.userAgent,
            builder.connectTimeout,
            builder.requestTimeout,
            builder.maxBodyBytes,
            builder.addresses,
            clock);
    this.reader = reader;
    this.checkInterval = builder.checkInterval;
    Map<String, FeedState> seeds = new LinkedHashMap<>();
    for (FeedState state : builder.initialStates) {
      seeds.put(state.health().sourceId(), state);
    }
    Map<String, FeedTrack> byId = new LinkedHashMap<>();
    for (FeedSubscription feed : builder.feeds) {
      byId.put(feed.sourceId(), new FeedTrack(feed, seed(feed, seeds.get(feed.sourceId()))));
    }
    this.tracks = byId;
    this.workers =
        Executors.newFixedThreadPool(builder.parallelHosts, daemonThreads("cluetrain-feed-fetch"));
  }

  /** Starts configuring a poller that reports to the listener. */
  public static Builder builder(FeedListener listener) {
    return new Builder(listener);
  }

  /**
   * Fetches every feed whose next attempt is due: hosts in parallel, the feeds of one host one
   * after another. Returns when all of them are done.
   *
   * @return one result per due feed, in declaration order (a feed whose host is rate limiting us is
   *     not fetched; its result only moves its next attempt)
   * @throws InterruptedException when interrupted while waiting; attempts under way are abandoned
   * @throws IllegalStateException when the poller is closed
   */
  public List<FeedPollResult> pollDue() throws InterruptedException {
    if (closed) {
      throw new IllegalStateException("feed poller is closed");
    }
    Instant now = clock.instant();
    Map<String, List<FeedTrack>> dueByHost = new LinkedHashMap<>();
    for (FeedTrack track : tracks.values()) {
      if (track.isDue(now) && track.claim()) {
        dueByHost.computeIfAbsent(track.feed.host(), h -> new ArrayList<>()).add(track);
      }
    }
    List<Future<List<FeedPollResult>>> hosts = new ArrayList<>();
    for (List<FeedTrack> feeds : dueByHost.values()) {
      hosts.add(workers.submit(() -> pollInTurn(feeds)));
    }
    Map<String, FeedPollResult> bySource = new LinkedHashMap<>();
    try {
      for (Future<List<FeedPollResult>> host : hosts) {
        for (FeedPollResult result : host.get()) {
          bySource.put(result.feed().sourceId(), result);
        }
      }
    } catch (InterruptedException interrupted) {
      hosts.forEach(host -> host.cancel(true));
      dueByHost.values().forEach(feeds -> feeds.forEach(FeedTrack::release));
      throw interrupted;
    } catch (ExecutionException unexpected) {
      // pollOne catches everything a feed can throw, so this is a bug in the poller itself
      throw new IllegalStateException("feed polling failed", unexpected.getCause());
    }
    List<FeedPollResult> inOrder = new ArrayList<>();
    for (String sourceId : tracks.keySet()) {
      FeedPollResult result = bySource.get(sourceId);
      if (result != null) {
        inOrder.add(result);
      }
    }
    return inOrder;
  }

  /**
   * Polls due feeds in the background, looking every check interval, until {@link #close()}.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("feed poller is closed");
    }
    if (scheduler != null) {
      throw new IllegalStateException("feed poller was already started");
    }
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("cluetrain-feed-poller"));
    scheduler = started;
    started.scheduleWithFixedDelay(
        this::pollInBackground, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the background polling and abandons attempts under way. */
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
    try {
      if (running != null) {
        running.awaitTermination(5, TimeUnit.SECONDS);
      }
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** What to persist so that a restart continues where this run stopped, in declaration order. */
  public List<FeedState> states() {
    return tracks.values().stream().map(FeedTrack::state).toList();
  }

  /** The health of every declared feed, in declaration order. */
  public List<SourceHealth> health() {
    return tracks.values().stream().map(FeedTrack::health).toList();
  }

  private void pollInBackground() {
    try {
      pollDue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException unexpected) {
      // the scheduler would silently stop repeating a task that throws
      LOG.log(Level.ERROR, "feed polling round failed; trying again next round", unexpected);
    }
  }

  private List<FeedPollResult> pollInTurn(List<FeedTrack> feeds) throws InterruptedException {
    List<FeedPollResult> results = new ArrayList<>();
    try {
      for (FeedTrack track : feeds) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        results.add(pollOne(track));
      }
    } finally {
      feeds.forEach(FeedTrack::release);
    }
    return results;
  }

  private FeedPollResult pollOne(FeedTrack track) throws InterruptedException {
    FeedSubscription feed = track.feed;
    FeedState before = track.state();
    Instant[] attempted = {clock.instant()};
    Instant resting = hostsResting.get(feed.host());
    if (resting != null && resting.isAfter(attempted[0])) {
      // a rate limit is the host's, not the feed's: its other feeds wait as well
      Attempt skipped = new Attempt(feed, before, attempted[0], attempted[0], List.of());
      LOG.log(Level.DEBUG, "{0}: host rate limited until {1}, not fetched", feed.url(), resting);
      return report(track, skipped.deferredUntil(resting), false);
    }
    FetchOutcome outcome;
    try {
      outcome =
          lanes.call(
              feed.host(),
              () -> {
                attempted[0] = clock.instant();
                return fetcher.fetch(feed.uri(), before.etag(), before.lastModified());
              });
    } catch (RuntimeException bug) {
      outcome =
          new FetchOutcome.Failure(
              State.FAILING, "failing: " + feed.url() + " (" + bug + ")", null, List.of());
    }
    Attempt attempt = new Attempt(feed, before, attempted[0], clock.instant(), outcome.moves());
    Outcome result;
    // Java 17 has no pattern matching for switch; the sealed interface keeps this list complete
    if (outcome instanceof FetchOutcome.Content content) {
      result = read(attempt, content);
    } else if (outcome instanceof FetchOutcome.NotModified notModified) {
      result =
          attempt.succeeded(notModified.etag(), notModified.lastModified(), List.of(), List.of());
    } else {
      FetchOutcome.Failure failure = (FetchOutcome.Failure) outcome;
      result = attempt.failed(failure.state(), failure.message(), failure.retryAfter());
      if (failure.retryAfter() != null) {
        hostsResting.merge(feed.host(), failure.retryAfter(), FeedPoller::later);
      }
    }
    return report(track, result, true);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private FeedPollResult report(FeedTrack track, Outcome result, boolean attempted) {
    FeedSubscription feed = track.feed;
    track.update(result.state);
    if (attempted) {
      logOutcome(result.result);
    }
    try {
      listener.onHealth(result.result.health());
    } catch (RuntimeException listenerFailure) {
      LOG.log(Level.WARNING, "health listener failed for " + feed.sourceId(), listenerFailure);
    }
    return result.result;
  }

  private Outcome read(Attempt attempt, FetchOutcome.Content content) {
    FeedSubscription feed = attempt.feed;
    List<Post> posts = new ArrayList<>();
    List<ReadItem.UnreadableItem> problems = new ArrayList<>();
    InputDocument document =
        InputDocument.ofBytes(
            feed.url(), content.finalUri(), content.contentType(), content.body());
    try {
      reader.read(
          document,
          item -> {
            if (item instanceof ReadItem.ParsedPost parsed) {
              posts.add(parsed.post().toBuilder().project(feed.project()).build());
            } else if (item instanceof ReadItem.UnreadableItem problem) {
              problems.add(problem);
            } else if (item instanceof ReadItem.FeedSubscription listed) {
              LOG.log(
                  Level.DEBUG,
                  "{0} lists feed {1}; polled feeds are declared, not discovered",
                  feed.url(),
                  listed.feedUrl());
            }
          });
    } catch (UnusableInputException unusable) {
      return attempt.failed(
          State.FAILING,
          "failing: " + feed.url() + " (cannot read the content: " + problemOf(unusable) + ")",
          null);
    } catch (RuntimeException readerBug) {
      return attempt.failed(
          State.FAILING,
          "failing: " + feed.url() + " (cannot read the content: " + readerBug + ")",
          null);
    }
    try {
      listener.onItems(feed, List.copyOf(posts), List.copyOf(problems));
    } catch (RuntimeException listenerFailure) {
      LOG.log(
          Level.WARNING,
          "listener did not take the items of " + feed.sourceId() + "; they are fetched again",
          listenerFailure);
      // keeping the old validators makes the next attempt fetch the same items again
      return attempt.failed(
          State.FAILING,
          "failing: items of "
              + feed.url()
              + " could not be delivered ("
              + listenerFailure
              + "); they are fetched again at the next attempt",
          null);
    }
    return attempt.succeeded(content.etag(), content.lastModified(), posts, problems);
  }

  private static String problemOf(UnusableInputException unusable) {
    String message = Objects.requireNonNullElse(unusable.getMessage(), "");
    String prefix = unusable.input() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private void logOutcome(FeedPollResult result) {
    SourceHealth health = result.health();
    if (health.state() == State.OK) {
      LOG.log(
          Level.DEBUG,
          "{0}: {1} posts, {2} unreadable items; next attempt {3}",
          health.url(),
          result.posts().size(),
          result.problems().size(),
          health.nextAttempt());
    } else {
      LOG.log(
          Level.INFO,
          "{0}; consecutive failures: {1}, next attempt {2}",
          health.lastError(),
          health.consecutiveFailures(),
          health.nextAttempt());
    }
  }

  /** A poll's result and the state to remember after it. */
  private record Outcome(FeedPollResult result, FeedState state) {}

  /** One attempt on one feed, turning its outcome into the next health and state. */
  private final class Attempt {
    final FeedSubscription feed;
    final FeedState before;
    final Instant started;
    final Instant finished;
    final List<String> moves;

    Attempt(
        FeedSubscription feed,
        FeedState before,
        Instant started,
        Instant finished,
        List<String> moves) {
      this.feed = feed;
      this.before = before;
      this.started = started;
      this.finished = finished;
      this.moves = moves;
    }

    Outcome succeeded(
        @Nullable String etag,
        @Nullable String lastModified,
        List<Post> posts,
        List<ReadItem.UnreadableItem> problems) {
      SourceHealth was = before.health();
      List<String> gaps = withGaps(was.gaps(), newMoves(was.gaps()));
      SourceHealth health =
          new SourceHealth(
              feed.sourceId(),
              feed.project(),
              feed.url(),
              State.OK,
              started,
              finished,
              was.lastError(),
              0,
              was.itemsFetched() + posts.size(),
              was.itemsUnparseable() + problems.size(),
              finished.plus(feed.pollInterval()),
              gaps);
      // a server that stops sending a validator on 304 still honours the one we have
      FeedState state =
          new FeedState(
              etag != null ? etag : before.etag(),
              lastModified != null ? lastModified : before.lastModified(),
              health);
      return new Outcome(new FeedPollResult(feed, posts, problems, health), state);
    }

    Outcome failed(State state, String message, @Nullable Instant retryAfter) {
      SourceHealth was = before.health();
      int failures = was.consecutiveFailures() + 1;
      Instant next = finished.plus(backoff.after(feed.pollInterval(), failures));
      List<String> newGaps = new ArrayList<>(newMoves(was.gaps()));
      if (retryAfter != null) {
        if (retryAfter.isAfter(next)) {
          next = retryAfter;
        }
        newGaps.add(started + ": rate limited by host until " + retryAfter);
      } else {
        newGaps.add(started + ": " + message);
      }
      SourceHealth health =
          new SourceHealth(
              feed.sourceId(),
              feed.project(),
              feed.url(),
              state,
              started,
              was.lastSuccess(),
              message,
              failures,
              was.itemsFetched(),
              was.itemsUnparseable(),
              next,
              withGaps(was.gaps(), newGaps));
      FeedState kept = new FeedState(before.etag(), before.lastModified(), health);
      return new Outcome(new FeedPollResult(feed, List.of(), List.of(), health), kept);
    }

    /** Not attempted because the host asked to be left alone until then. */
    Outcome deferredUntil(Instant resting) {
      SourceHealth was = before.health();
      String gap = "rate limited by host until " + resting;
      List<String> gaps =
          was.gaps().stream().anyMatch(g -> g.endsWith(gap))
              ? was.gaps()
              : withGaps(was.gaps(), List.of(started + ": " + gap));
      SourceHealth health =
          new SourceHealth(
              was.sourceId(),
              was.project(),
              was.url(),
              was.state(),
              was.lastAttempt(),
              was.lastSuccess(),
              was.lastError(),
              was.consecutiveFailures(),
              was.itemsFetched(),
              was.itemsUnparseable(),
              resting,
              gaps);
      FeedState kept = new FeedState(before.etag(), before.lastModified(), health);
      return new Outcome(new FeedPollResult(feed, List.of(), List.of(), health), kept);
    }

    /** Permanent moves not yet in the gaps: a moved feed would otherwise fill them every poll. */
    private List<String> newMoves(List<String> gaps) {
      return moves.stream()
          .filter(move -> gaps.stream().noneMatch(gap -> gap.endsWith(move)))
          .map(move -> started + ": " + move)
          .toList();
    }
  }

  /** The gaps, newest first, bounded. */
  private static List<String> withGaps(List<String> gaps, List<String> newest) {
    List<String> all = new ArrayList<>(newest.size() + gaps.size());
    for (int i = newest.size() - 1; i >= 0; i--) {
      all.add(newest.get(i));
    }
    all.addAll(gaps);
    return all.size() > MAX_GAPS ? List.copyOf(all.subList(0, MAX_GAPS)) : all;
  }

  /**
   * The state a feed starts from: the persisted one when there is one for the same address (the
   * validators of another address would be wrong), else pending and due at once.
   */
  private FeedState seed(FeedSubscription feed, @Nullable FeedState persisted) {
    if (persisted == null) {
      return new FeedState(
          null, null, SourceHealth.pending(feed.sourceId(), feed.project(), feed.url()));
    }
    SourceHealth h = persisted.health();
    boolean sameAddress = feed.url().equals(h.url());
    SourceHealth health =
        new SourceHealth(
            feed.sourceId(),
            feed.project(),
            feed.url(),
            h.state(),
            h.lastAttempt(),
            h.lastSuccess(),
            h.lastError(),
            h.consecutiveFailures(),
            h.itemsFetched(),
            h.itemsUnparseable(),
            sameAddress ? h.nextAttempt() : null,
            h.gaps());
    return sameAddress
        ? new FeedState(persisted.etag(), persisted.lastModified(), health)
        : new FeedState(null, null, health);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Configures a {@link FeedPoller}. Every setting has a default suited to polling public feeds;
   * {@link #build()} reports every invalid setting at once.
   */
  public static final class Builder {
    private final FeedListener listener;
    private final List<FeedSubscription> feeds = new ArrayList<>();
    private final List<FeedState> initialStates = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new Random();
    private String userAgent = defaultUserAgent();
    private Duration hostDelay = Duration.ofSeconds(2);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxBodyBytes = 20L * 1024 * 1024;
    private Duration maxBackoff = Duration.ofHours(6);
    private Duration checkInterval = Duration.ofSeconds(1);
    private int parallelHosts = 8;
    private AddressPolicy addresses = AddressPolicy.publicOnly();
    private @Nullable DocumentReader reader;

    private Builder(FeedListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Adds feeds to poll. */
    public Builder subscribe(FeedSubscription... feeds) {
      return subscribe(List.of(feeds));
    }

    /** Adds feeds to poll. */
    public Builder subscribe(Collection<FeedSubscription> feeds) {
      feeds.forEach(feed -> this.feeds.add(Objects.requireNonNull(feed, "feed subscription")));
      return this;
    }

    /**
     * What an earlier run remembered ({@link FeedPoller#states()}), matched to feeds by source id.
     * States of feeds no longer declared are ignored; a feed whose address changed starts afresh
     * but keeps its counts.
     */
    public Builder initialStates(Collection<FeedState> states) {
      states.forEach(state -> initialStates.add(Objects.requireNonNull(state, "feed state")));
      return this;
    }

    /** Where the poller reads the time: due feeds, back-off, health times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where back-off jitter comes from. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** How the poller introduces itself to hosts; default names Cluetrain. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** The least time between two requests to the same host; default 2 s. */
    public Builder hostDelay(Duration hostDelay) {
      this.hostDelay = Objects.requireNonNull(hostDelay, "hostDelay");
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long a whole request may take, body included; default 30 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
      return this;
    }

    /** The largest body accepted, after decompression; default 20 MB. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The longest wait after failures (unless the host asks for longer); default 6 h. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /** How often the background thread looks for due feeds; default 1 s. */
    public Builder checkInterval(Duration checkInterval) {
      this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
      return this;
    }

    /** How many hosts are fetched from at the same time; default 8. */
    public Builder parallelHosts(int parallelHosts) {
      this.parallelHosts = parallelHosts;
      return this;
    }

    /**
     * Which addresses feeds may be fetched from; default public addresses only, so that a feed (or
     * a redirect) cannot reach the machine's own services or the local network.
     */
    public Builder addresses(AddressPolicy addresses) {
      this.addresses = Objects.requireNonNull(addresses, "addresses");
      return this;
    }

    /** Replaces the formats module's detection, for tests of the poller alone. */
    Builder reader(DocumentReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /**
     * The poller.
     *
     * @throws IllegalArgumentException listing every invalid setting
     */
    public FeedPoller build() {
      List<String> problems = new ArrayList<>();
      Map<String, FeedSubscription> ids = new LinkedHashMap<>();
      for (FeedSubscription feed : feeds) {
        if (ids.putIfAbsent(feed.sourceId(), feed) != null) {
          problems.add("source id " + feed.sourceId() + " is declared twice");
        }
      }
      if (userAgent.isBlank()) {
        problems.add("user agent is blank");
      }
      if (hostDelay.isNegative()) {
        problems.add("host delay must not be negative but was " + hostDelay);
      }
      requirePositive(connectTimeout, "connect timeout", problems);
      requirePositive(requestTimeout, "request timeout", problems);
      requirePositive(maxBackoff, "maximum back-off", problems);
      requirePositive(checkInterval, "check interval", problems);
      if (maxBodyBytes <= 0) {
        problems.add("maximum body size must be positive but was " + maxBodyBytes);
      }
      if (parallelHosts < 1) {
        problems.add("parallel hosts must be at least 1 but was " + parallelHosts);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "feed poller configuration: " + String.join("; ", problems));
      }
      DocumentReader documents = reader;
      if (documents == null) {
        Formats formats = Formats.standard();
        documents =
            (input, sink) -> {
              // A web page at a feed's address is an error page or a moved feed, not a post.
              String format = formats.detect(input).format();
              if (format.equals("html")) {
                throw new UnusableInputException(
                    input.name(),
                    "format not recognised: an HTML page, not a feed (RSS, Atom, JSON Feed or an"
                        + " API listing)");
              }
              formats.read(input, format, sink);
            };
      }
      return new FeedPoller(this, documents);
    }

    private static void requirePositive(Duration value, String name, List<String> problems) {
      if (value.isNegative() || value.isZero()) {
        problems.add(name + " must be positive but was " + value);
      }
    }

    private static String defaultUserAgent() {
      String version = FeedPoller.class.getPackage().getImplementationVersion();
      return "Cluetrain/"
          + (version == null ? "dev" : version)
          + " (social listening feed poller; polls at most once per declared interval)";
    }
  }
}
