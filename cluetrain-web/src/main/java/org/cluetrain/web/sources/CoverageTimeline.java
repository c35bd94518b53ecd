package org.cluetrain.web.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.SourceHealth;

/**
 * What a live source covered over a window ending now, drawn as a bar: covered where it was
 * fetched, the gaps from the ledger marked on it (open ones and backfilled ones apart) and listed
 * below it, so nobody trusts a silent zero.
 *
 * @param since the window's start
 * @param until the window's end (now)
 * @param everCovered whether the source was ever fetched successfully (else the bar is grey)
 * @param marks the gaps as parts of the bar, in thousandths of its width
 * @param gaps the gaps in the window, newest first
 */
public record CoverageTimeline(
    Instant since, Instant until, boolean everCovered, List<Mark> marks, List<Gap> gaps) {

  /** The width of the bar in SVG user units. */
  public static final int WIDTH = 1000;

  /** A short gap is still drawn this wide, so that it can be seen and pointed at. */
  static final double MIN_MARK = 4;

  /**
   * One gap on the bar.
   *
   * @param x where it starts, from 0 to {@link #WIDTH}
   * @param width how wide it is drawn
   * @param gap the gap
   */
  public record Mark(double x, double width, Gap gap) {
    public String cssClass() {
      return gap.backfilled() ? "gap-backfilled" : "gap-open";
    }
  }

  /** The timeline of a source over the window ending now. */
  public static CoverageTimeline of(
      SourceHealth health, List<Gap> gaps, Instant now, Duration window) {
    Instant since = now.minus(window);
    double span = window.toMillis();
    List<Mark> marks = new ArrayList<>();
    for (Gap gap : gaps) {
      Instant from = gap.from().isBefore(since) ? since : gap.from();
      Instant to = gap.until().isAfter(now) ? now : gap.until();
      double x = WIDTH * (from.toEpochMilli() - since.toEpochMilli()) / span;
      double width = Math.max(MIN_MARK, WIDTH * (to.toEpochMilli() - from.toEpochMilli()) / span);
      x = Math.min(x, WIDTH - MIN_MARK);
      marks.add(new Mark(round(x), round(Math.min(width, WIDTH - x)), gap));
    }
    List<Gap> newestFirst = new ArrayList<>(gaps);
    newestFirst.sort((a, b) -> b.from().compareTo(a.from()));
    return new CoverageTimeline(since, now, health.lastSuccess() != null, marks, newestFirst);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
