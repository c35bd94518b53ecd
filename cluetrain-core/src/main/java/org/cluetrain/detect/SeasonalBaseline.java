package org.cluetrain.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * What a count should be in a given hour, learned from the hours before it: a robust level times an
 * hour-of-week profile, with the count's own dispersion.
 *
 * <p>The profile knows that Monday morning is not Sunday night, but it has to learn that from few
 * weeks. So it is built in layers, each shrunk towards the one below by how much evidence it has:
 *
 * <ol>
 *   <li><b>level</b>: the median of the daily totals, divided by 24 — a spike day moves a median
 *       hardly at all;
 *   <li><b>hour of day × day of week</b>: the average shape of a day and of a week, each smoothed
 *       towards flat with a pseudo-count, so one odd Sunday does not make every Sunday odd;
 *   <li><b>hour of week</b>: the mean of the same hour in the weeks seen, weighted {@code n / (n +
 *       2)} against the layer below, so after one week it counts a third, after four weeks two
 *       thirds.
 * </ol>
 *
 * Hours far above their expectation (past spikes) are clipped to {@code e + 4√e + 4} and the fit
 * repeated until nothing more is clipped, so that yesterday's crisis does not hide today's.
 *
 * <p>Dispersion is estimated from the history's residuals by the method of moments: {@code Var = e
 * + φ e²}. Real streams vary more than Poisson from hour to hour (news cycles, retweet cascades); a
 * Poisson test on large counts would fire on every wobble. With {@code φ = 0} the test is Poisson,
 * which is exact for small counts.
 */
public final class SeasonalBaseline {
  private static final int HOURS_PER_WEEK = 168;
  private static final double HOUR_PSEUDO_COUNT = 0.5;
  private static final double DAY_PSEUDO_COUNT = 0.5;
  private static final double WEEK_PSEUDO_COUNT = 2;
  private static final double MAX_DISPERSION = 1;
  private static final int MAX_CLIPPING_ROUNDS = 5;

  private SeasonalBaseline() {}

  /**
   * Learns the expectation from the hours {@code [startHour, endHour)} (epoch hours).
   *
   * @param count the count of an epoch hour
   */
  public static Estimate learn(LongToDoubleFunction count, long startHour, long endHour) {
    int hours = (int) Math.max(0, endHour - startHour);
    double[] counts = new double[hours];
    for (int i = 0; i < hours; i++) {
      counts[i] = Math.max(0, count.applyAsDouble(startHour + i));
    }
    double level = level(counts);
    double[] profile = profile(counts, startHour, level);
    // clip hours far above their expectation and fit again, until nothing is clipped: a past spike
    // inflates its own first expectation, so one round of clipping would leave much of it in
    double[] clipped = counts.clone();
    for (int round = 0; round < MAX_CLIPPING_ROUNDS; round++) {
      double spread = robustDispersion(clipped, profile, startHour);
      boolean changed = false;
      for (int i = 0; i < hours; i++) {
        double e = profile[hourOfWeek(startHour + i)];
        double cap = e + 5 * Math.sqrt(e + spread * e * e) + 4;
        if (clipped[i] > cap + 1e-9) {
          clipped[i] = cap;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      level = level(clipped);
      profile = profile(clipped, startHour, level);
    }
    // a history without a single post still expects a little: one post over the whole history
    double floor = 1.0 / Math.max(1, hours);
    for (int i = 0; i < profile.length; i++) {
      profile[i] = Math.max(profile[i], floor);
    }
    // residuals against the expectation each hour would have had without itself (leave one out):
    // in-sample residuals of a profile learned from few weeks understate the spread badly
    double[] weekN = new double[HOURS_PER_WEEK];
    for (int i = 0; i < hours; i++) {
      weekN[hourOfWeek(startHour + i)]++;
    }
    double excess = 0;
    double squares = 0;
    for (int i = 0; i < hours; i++) {
      int how = hourOfWeek(startHour + i);
      double withIt = profile[how] * (weekN[how] + WEEK_PSEUDO_COUNT);
      double e = Math.max(floor, (withIt - clipped[i]) / (weekN[how] - 1 + WEEK_PSEUDO_COUNT));
      double residual = clipped[i] - e;
      excess += residual * residual - e;
      squares += e * e;
    }
    double dispersion = squares <= 0 ? 0 : Math.max(0, Math.min(MAX_DISPERSION, excess / squares));
    // the hour-of-day and day-of-week shapes are learned in-sample too: widen by n / (n - 1) days
    double days = Math.max(1, hours / 24.0);
    dispersion = dispersion * days / Math.max(1, days - 1);
    double total = Arrays.stream(counts).sum();
    return new Estimate(startHour, endHour, level, profile, dispersion, total);
  }

  /**
   * A dispersion that one spike cannot move: the median of the hours' excess variance, scaled by
   * the median of a squared standard normal (0.455) to estimate the mean. Used only to decide what
   * to clip.
   */
  private static double robustDispersion(double[] counts, double[] profile, long startHour) {
    double[] excess = new double[counts.length];
    int n = 0;
    for (int i = 0; i < counts.length; i++) {
      double e = profile[hourOfWeek(startHour + i)];
      if (e >= 1) {
        double residual = counts[i] - e;
        excess[n++] = (residual * residual - e) / (e * e);
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(excess, 0, n);
    double median = n % 2 == 1 ? excess[n / 2] : (excess[n / 2 - 1] + excess[n / 2]) / 2;
    return Math.max(0, Math.min(MAX_DISPERSION, median / 0.455));
  }

  /** Median of the totals of the complete 24-hour blocks, counted back from the end, per hour. */
  private static double level(double[] counts) {
    int days = counts.length / 24;
    if (days == 0) {
      return counts.length == 0 ? 0 : Arrays.stream(counts).sum() / counts.length;
    }
    double[] totals = new double[days];
    for (int d = 0; d < days; d++) {
      int end = counts.length - d * 24;
      for (int i = end - 24; i < end; i++) {
        totals[d] += counts[i];
      }
    }
    Arrays.sort(totals);
    double median =
        days % 2 == 1 ? totals[days / 2] : (totals[days / 2 - 1] + totals[days / 2]) / 2;
    return median / 24;
  }

  private static double[] profile(double[] counts, long startHour, double level) {
    double[] hourSum = new double[24];
    double[] hourN = new double[24];
    double[] daySum = new double[7];
    double[] dayHours = new double[7];
    double[] weekSum = new double[HOURS_PER_WEEK];
    double[] weekN = new double[HOURS_PER_WEEK];
    for (int i = 0; i < counts.length; i++) {
      long hour = startHour + i;
      int how = hourOfWeek(hour);
      hourSum[how % 24] += counts[i];
      hourN[how % 24]++;
      daySum[how / 24] += counts[i];
      dayHours[how / 24]++;
      weekSum[how] += counts[i];
      weekN[how]++;
    }
    double[] hourShape = new double[24];
    for (int h = 0; h < 24; h++) {
      hourShape[h] = (hourSum[h] + HOUR_PSEUDO_COUNT * level) / (hourN[h] + HOUR_PSEUDO_COUNT);
    }
    normalise(hourShape);
    double[] dayShape = new double[7];
    for (int d = 0; d < 7; d++) {
      dayShape[d] =
          (daySum[d] + DAY_PSEUDO_COUNT * 24 * level) / (dayHours[d] / 24 + DAY_PSEUDO_COUNT);
    }
    normalise(dayShape);
    double[] profile = new double[HOURS_PER_WEEK];
    for (int how = 0; how < HOURS_PER_WEEK; how++) {
      double prior = level * hourShape[how % 24] * dayShape[how / 24];
      profile[how] = (weekSum[how] + WEEK_PSEUDO_COUNT * prior) / (weekN[how] + WEEK_PSEUDO_COUNT);
    }
    return profile;
  }

  private static void normalise(double[] shape) {
    double mean = Arrays.stream(shape).average().orElse(0);
    for (int i = 0; i < shape.length; i++) {
      shape[i] = mean <= 0 ? 1 : shape[i] / mean;
    }
  }

  /** 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00–24:00 UTC. */
  public static int hourOfWeek(long epochHour) {
    // the epoch (1970-01-01) was a Thursday: day 3 of a week that starts on Monday
    long days = Math.floorDiv(epochHour, 24);
    int dayOfWeek = (int) Math.floorMod(days + 3, 7);
    return dayOfWeek * 24 + (int) Math.floorMod(epochHour, 24);
  }

  /**
   * The learned expectation.
   *
   * @param startHour first epoch hour of the history
   * @param endHour end of the history (exclusive)
   * @param level the robust hourly level
   * @param profile expected count per hour of the week (0 = Monday 00 UTC)
   * @param dispersion φ in {@code Var = e + φ e²}
   * @param total the posts in the history
   */
  public record Estimate(
      long startHour,
      long endHour,
      double level,
      double[] profile,
      double dispersion,
      double total) {

    /**
     * The dispersion of a count with this expectation, including the uncertainty of the expectation
     * itself: a mean of {@code n} days of Poisson counts has a relative variance of {@code 1/(n
     * e)}, and the day-to-day spread {@code φ/n}.
     */
    public double dispersion(double expected) {
      double days = Math.max(1, hours() / 24.0);
      return dispersion * (1 + 1 / days) + 1 / (days * Math.max(expected, 1e-9));
    }

    /** The expected count of an epoch hour. */
    public double expected(long epochHour) {
      return profile[hourOfWeek(epochHour)];
    }

    /**
     * The expected count in the window {@code (fromMillis, toMillis]}, hour by hour, each hour
     * weighted by how much of it the window covers.
     */
    public double expected(long fromMillis, long toMillis) {
      double sum = 0;
      long hour = Math.floorDiv(fromMillis, 3_600_000L);
      for (; hour * 3_600_000L < toMillis; hour++) {
        long start = Math.max(fromMillis, hour * 3_600_000L);
        long end = Math.min(toMillis, (hour + 1) * 3_600_000L);
        sum += expected(hour) * (end - start) / 3_600_000.0;
      }
      return sum;
    }

    public long hours() {
      return endHour - startHour;
    }

    public String describe() {
      long days = hours() / 24;
      return String.format(
          Locale.ROOT,
          "%s of history (%,.0f posts): level %.2f posts/h, hour-of-week profile (%s), dispersion"
              + " %.3f",
          days >= 1 ? days + (days == 1 ? " day" : " days") : hours() + " h",
          total,
          level,
          days >= 14
              ? days / 7 + " weeks of the same hour"
              : "hour of day × day of week, " + days / 7 + " week(s) of the same hour",
          dispersion);
    }
  }
}
