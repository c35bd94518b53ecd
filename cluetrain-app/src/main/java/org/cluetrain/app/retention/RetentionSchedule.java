package org.cluetrain.app.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cluetrain.store.RetentionLog;

/**
 * Runs {@link Retention} when the server starts and then once a day: a run is due a day after the
 * last recorded one. The clock is injected; the background thread only asks {@link #runIfDue} every
 * few minutes, so tests call that with a manual clock instead of waiting.
 */
public final class RetentionSchedule implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RetentionSchedule.class.getName());

  /** How long after one run the next is due. */
  public static final Duration EVERY = Duration.ofDays(1);

  /** How often the background thread asks whether a run is due. */
  static final Duration CHECK_EVERY = Duration.ofMinutes(10);

  /** Who the audit log names for scheduled runs. */
  public static final String ACTOR = "system";

  private final Retention retention;
  private final Clock clock;
  private ScheduledExecutorService executor;

  /** When this schedule last ran retention: a run over no project leaves no record to go by. */
  private volatile Instant ranAt;

  public RetentionSchedule(Retention retention, Clock clock) {
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** When the next run is due: a day after the last, or now when none has run. */
  public Instant nextRun() {
    Instant last = retention.lastRun().map(RetentionLog.Run::at).orElse(null);
    Instant here = ranAt;
    if (last == null || (here != null && here.isAfter(last))) {
      last = here;
    }
    return last == null ? clock.instant() : last.plus(EVERY);
  }

  /** Runs retention if the last run is a day old (or there was none); the report when it ran. */
  public synchronized Optional<RetentionReport> runIfDue() {
    if (clock.instant().isBefore(nextRun())) {
      return Optional.empty();
    }
    return Optional.of(runNow());
  }

  /** Runs retention now, whatever the last run. */
  public synchronized RetentionReport runNow() {
    RetentionReport report = retention.run(false, null, ACTOR);
    ranAt = report.at();
    return report;
  }

  /** The latest recorded run. */
  public Optional<RetentionLog.Run> lastRun() {
    return retention.lastRun();
  }

  /** Runs retention now, in the background, and then whenever a run is due. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "retention");
              thread.setDaemon(true);
              return thread;
            });
    executor.execute(this::startRun);
    executor.scheduleWithFixedDelay(
        this::scheduledRun, CHECK_EVERY.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
  }

  private void startRun() {
    try {
      RetentionReport report = runNow();
      LOG.log(
          System.Logger.Level.INFO,
          "retention at start removed {0} posts and {1} inbox items",
          report.posts(),
          report.inboxItems());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "retention at start failed: " + e.getMessage(), e);
    }
  }

  private void scheduledRun() {
    try {
      runIfDue()
          .ifPresent(
              report ->
                  LOG.log(
                      System.Logger.Level.INFO,
                      "daily retention removed {0} posts and {1} inbox items",
                      report.posts(),
                      report.inboxItems()));
    } catch (RuntimeException e) {
      // the next check tries again; a failing run must not end the schedule
      LOG.log(System.Logger.Level.WARNING, "daily retention failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
