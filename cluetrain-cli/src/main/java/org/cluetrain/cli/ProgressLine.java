package org.cluetrain.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a long import is: on a terminal one line redrawn in place with a bar, the rate and the
 * time left; otherwise (a log, a pipe) a plain line every {@value #PLAIN_EVERY_SECONDS} seconds, so
 * logs stay readable. Short imports print nothing: a line appears only after {@value
 * #QUIET_SECONDS} seconds.
 */
final class ProgressLine {
  static final int PLAIN_EVERY_SECONDS = 10;
  static final int QUIET_SECONDS = 2;
  private static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final boolean terminal;
  private final String name;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastShown;
  private boolean drawn;

  ProgressLine(PrintWriter out, boolean terminal, String name, LongSupplier nanoTime) {
    this.out = out;
    this.terminal = terminal;
    this.name = name;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastShown = started;
  }

  static ProgressLine forTerminal(PrintWriter out, String name) {
    return new ProgressLine(out, System.console() != null, name, System::nanoTime);
  }

  /**
   * @param bytesRead how much of the file is read
   * @param bytes the file's size, or 0 when unknown
   * @param posts posts read so far
   */
  void update(long bytesRead, long bytes, long posts) {
    long now = nanoTime.getAsLong();
    Duration elapsed = Duration.ofNanos(now - started);
    if (elapsed.toSeconds() < QUIET_SECONDS) {
      return;
    }
    if (!terminal && Duration.ofNanos(now - lastShown).toSeconds() < PLAIN_EVERY_SECONDS) {
      return;
    }
    lastShown = now;
    String line = describe(bytesRead, bytes, posts, elapsed);
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
      drawn = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Clears the line on a terminal before the final summary is printed. */
  void finish() {
    if (drawn) {
      out.print("\r\u001b[K");
      out.flush();
    }
  }

  String describe(long bytesRead, long bytes, long posts, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
    long rate = Math.round(posts / seconds);
    StringBuilder line = new StringBuilder(name).append(": ");
    if (bytes > 0) {
      double share = Math.min(1.0, (double) bytesRead / bytes);
      if (terminal) {
        int filled = (int) Math.round(share * BAR_WIDTH);
        line.append('[')
            .append("#".repeat(filled))
            .append(" ".repeat(BAR_WIDTH - filled))
            .append("] ");
      }
      line.append(String.format(Locale.ROOT, "%3.0f%%, ", share * 100));
      line.append(String.format(Locale.ROOT, "%,d posts, %,d/s", posts, rate));
      if (share > 0.0 && share < 1.0) {
        long left = Math.round(seconds * (1 - share) / share);
        line.append(", about ").append(clock(left)).append(" left");
      }
    } else {
      line.append(String.format(Locale.ROOT, "%,d posts, %,d/s", posts, rate));
    }
    return line.toString();
  }

  private static String clock(long seconds) {
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
