package org.cluetrain.connectors.feed;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness towards hosts: at most one request in flight per host, and a minimum pause between the
 * end of one request and the start of the next to the same host.
 *
 * <p>The pause is measured on the monotonic clock, not on the poller's injected {@link
 * java.time.Clock}: it is about real spacing on the wire, whereas the injected clock decides which
 * feeds are due (and stands still in tests).
 */
public final class HostLanes {

  /** Work done while holding a host's lane. */
  @FunctionalInterface
  public interface Request<T> {
    T run() throws InterruptedException;
  }

  private static final class Lane {
    final ReentrantLock inFlight = new ReentrantLock(true);
    long lastEndNanos;
    boolean used;
  }

  private final long minDelayNanos;
  private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();

  public HostLanes(Duration minDelay) {
    this.minDelayNanos = minDelay.toNanos();
  }

  /** Runs the request once the host is free and has rested long enough. */
  public <T> T call(String host, Request<T> request) throws InterruptedException {
    Lane lane = lanes.computeIfAbsent(host, h -> new Lane());
    lane.inFlight.lockInterruptibly();
    try {
      if (lane.used) {
        long wait = lane.lastEndNanos + minDelayNanos - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      try {
        return request.run();
      } finally {
        lane.lastEndNanos = System.nanoTime();
        lane.used = true;
      }
    } finally {
      lane.inFlight.unlock();
    }
  }
}
