package org.cluetrain.app.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.Notifier;

/**
 * Delivers alerts without ever holding up the pipeline: {@link #submit} only puts the alert in a
 * bounded queue per destination and returns; one thread per destination sends.
 *
 * <p>Flood control: after a message a destination gets no other for the {@code throttle}; what
 * arrives meanwhile goes out as one message, alerts of a group together. A failing destination is
 * retried with exponential back-off up to {@code maxAttempts}; every attempt's outcome is recorded
 * in the alert store and shown in {@link #status()}. When a queue is full, further alerts for that
 * destination are counted as dropped (they stay stored and listed).
 */
public final class AlertDispatcher implements AutoCloseable {
  /**
   * How delivery behaves.
   *
   * @param queueCapacity alerts waiting per destination before new ones are dropped
   * @param throttle the least time between two messages to one destination
   * @param firstRetry the wait before the first retry; doubled after each failure
   * @param maxRetry the longest wait between retries
   * @param maxAttempts attempts before an alert is given up for a destination
   * @param maxPerMessage alerts in one message at most
   */
  public record Settings(
      int queueCapacity,
      Duration throttle,
      Duration firstRetry,
      Duration maxRetry,
      int maxAttempts,
      int maxPerMessage) {
    public static final Settings DEFAULT =
        new Settings(
            1_000, Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(15), 8, 20);

    public Settings {
      if (queueCapacity < 1 || maxAttempts < 1 || maxPerMessage < 1) {
        throw new IllegalArgumentException(
            "queue capacity, attempts and alerts per message must be at least 1");
      }
    }
  }

  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final AlertStore store;
  private final Clock clock;
  private final Settings settings;
  private final AtomicLong unknownRecipients = new AtomicLong();

  public AlertDispatcher(
      List<Notifier> notifiers, AlertStore store, Clock clock, Settings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    for (Notifier notifier : notifiers) {
      Lane lane = new Lane(notifier);
      lanes.put(notifier.name(), lane);
      lane.thread.start();
    }
  }

  /**
   * Queues an alert for its recipients and returns at once.
   *
   * @return how many destinations took it into their queue
   */
  public int submit(Alert alert, List<String> recipients) {
    int queued = 0;
    for (String recipient : recipients) {
      Lane lane = lanes.get(recipient);
      if (lane == null) {
        unknownRecipients.incrementAndGet();
        continue;
      }
      if (lane.queue.offer(alert)) {
        queued++;
        record(alert, lane, AlertStore.DeliveryState.PENDING, 0, null);
      } else {
        lane.dropped.incrementAndGet();
        record(
            alert,
            lane,
            AlertStore.DeliveryState.FAILED,
            0,
            "dropped: the delivery queue was full");
      }
    }
    return queued;
  }

  /** Per destination: what is waiting, what went out, what failed and why. */
  public List<DestinationStatus> status() {
    List<DestinationStatus> status = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      synchronized (lane) {
        status.add(
            new DestinationStatus(
                lane.notifier.name(),
                lane.queue.size() + lane.pendingSize,
                lane.messages,
                lane.delivered,
                lane.failed,
                lane.dropped.get(),
                lane.consecutiveFailures,
                lane.lastError,
                lane.lastErrorAt,
                lane.lastDeliveredAt,
                lane.consecutiveFailures > 0 ? lane.nextAttempt : null));
      }
    }
    return status;
  }

  /**
   * How delivery to one destination is going.
   *
   * @param destination its name
   * @param waiting alerts not yet delivered
   * @param messages messages sent
   * @param delivered alerts delivered
   * @param failed alerts given up after the last retry
   * @param dropped alerts not queued because the queue was full
   * @param consecutiveFailures failed attempts since the last success (0: healthy)
   * @param lastError the last failure, or {@code null}
   * @param lastErrorAt when it happened
   * @param lastDeliveredAt the last success
   * @param nextAttempt when a failing destination is tried again
   */
  public record DestinationStatus(
      String destination,
      int waiting,
      long messages,
      long delivered,
      long failed,
      long dropped,
      int consecutiveFailures,
      String lastError,
      Instant lastErrorAt,
      Instant lastDeliveredAt,
      Instant nextAttempt) {}

  private void record(
      Alert alert, Lane lane, AlertStore.DeliveryState state, int attempts, String error) {
    try {
      store.recordDelivery(
          new AlertStore.Delivery(
              alert.id(), lane.notifier.name(), state, attempts, error, clock.instant()));
    } catch (RuntimeException e) {
      synchronized (lane) {
        lane.lastError = "cannot record the delivery: " + e.getMessage();
        lane.lastErrorAt = clock.instant();
      }
    }
  }

  @Override
  public void close() {
    for (Lane lane : lanes.values()) {
      lane.thread.interrupt();
    }
    for (Lane lane : lanes.values()) {
      try {
        lane.thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One destination: its queue, the alerts being retried, its thread. */
  private final class Lane implements Runnable {
    final Notifier notifier;
    final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    final List<Pending> pending = new ArrayList<>();

    /** {@code pending.size()} for other threads: the list itself belongs to the lane's thread. */
    volatile int pendingSize;

    final Thread thread;
    final AtomicLong dropped = new AtomicLong();
    long messages;
    long delivered;
    long failed;
    int consecutiveFailures;
    String lastError;
    Instant lastErrorAt;
    Instant lastDeliveredAt;
    Instant nextAttempt = Instant.EPOCH;

    Lane(Notifier notifier) {
      this.notifier = notifier;
      this.thread = new Thread(this, "cluetrain-alerts-" + notifier.name());
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          step();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          // a bug must not silently end delivery: report it and carry on
          synchronized (this) {
            lastError = "delivery failed unexpectedly: " + e;
            lastErrorAt = clock.instant();
          }
        }
      }
    }

    /** Waits for alerts or for the throttle or back-off to pass, then sends one message. */
    private void step() throws InterruptedException {
      if (pending.isEmpty()) {
        pending.add(new Pending(queue.take()));
        pendingSize = pending.size();
      }
      long waitMillis = Duration.between(clock.instant(), nextAttempt()).toMillis();
      if (waitMillis > 0) {
        // while throttled or backing off, newer alerts join the next message
        Alert next = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (next != null) {
          pending.add(new Pending(next));
        }
        pendingSize = pending.size();
        return;
      }
      List<Alert> drained = new ArrayList<>();
      queue.drainTo(drained);
      drained.forEach(a -> pending.add(new Pending(a)));
      sendOnce();
      pendingSize = pending.size();
    }

    private synchronized Instant nextAttempt() {
      return nextAttempt;
    }

    private void sendOnce() {
      // alerts of one group next to each other, oldest group first
      pending.sort(
          java.util.Comparator.comparing((Pending p) -> p.alert.groupId())
              .thenComparing(p -> p.alert.at()));
      List<Pending> message =
          new ArrayList<>(pending.subList(0, Math.min(pending.size(), settings.maxPerMessage())));
      List<Alert> alerts = message.stream().map(p -> p.alert).toList();
      try {
        notifier.send(alerts);
        Instant now = clock.instant();
        synchronized (this) {
          messages++;
          delivered += alerts.size();
          consecutiveFailures = 0;
          lastDeliveredAt = now;
          nextAttempt = now.plus(settings.throttle());
        }
        pending.removeAll(message);
        for (Pending p : message) {
          record(p.alert, this, AlertStore.DeliveryState.DELIVERED, p.attempts + 1, null);
        }
      } catch (Notifier.DeliveryFailure | RuntimeException e) {
        Instant now = clock.instant();
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        long backoff;
        synchronized (this) {
          consecutiveFailures++;
          lastError = error;
          lastErrorAt = now;
          backoff =
              Math.min(
                  settings.maxRetry().toMillis(),
                  settings.firstRetry().toMillis() << Math.min(20, consecutiveFailures - 1));
          nextAttempt = now.plusMillis(backoff);
        }
        for (Pending p : message) {
          p.attempts++;
          if (p.attempts >= settings.maxAttempts()) {
            pending.remove(p);
            synchronized (this) {
              failed++;
            }
            record(p.alert, this, AlertStore.DeliveryState.FAILED, p.attempts, error);
          } else {
            record(p.alert, this, AlertStore.DeliveryState.PENDING, p.attempts, error);
          }
        }
      }
    }
  }

  /** An alert waiting for one destination, and how often it was tried. */
  private static final class Pending {
    final Alert alert;
    int attempts;

    Pending(Alert alert) {
      this.alert = alert;
    }
  }
}
