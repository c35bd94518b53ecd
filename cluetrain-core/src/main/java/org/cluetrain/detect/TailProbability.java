package org.cluetrain.detect;

/**
 * Upper-tail probabilities of the count distributions the detectors test against: Poisson (small
 * counts, where a z-score misleads), negative binomial (counts whose hour-to-hour variation is
 * larger than Poisson's, as real streams are) and binomial (a share such as the negative posts').
 *
 * <p>All are computed through the regularised incomplete gamma and beta functions, evaluated on the
 * side that converges, so that probabilities far in the tail (1e-12) keep their relative accuracy:
 * the score of an alert is {@code -log10} of them.
 */
public final class TailProbability {
  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 10_000;

  private TailProbability() {}

  /** P(X ≥ observed) for X ~ Poisson(mean). */
  public static double poissonAtLeast(long observed, double mean) {
    if (observed <= 0) {
      return 1;
    }
    if (mean <= 0) {
      return 0;
    }
    // P(X ≥ k) = P(k, mean): the regularised lower incomplete gamma function
    return regularizedGammaP(observed, mean);
  }

  /**
   * P(X ≥ observed) for X negative-binomial with this mean and variance {@code mean + dispersion ×
   * mean²}; a dispersion of 0 is Poisson.
   */
  public static double negativeBinomialAtLeast(long observed, double mean, double dispersion) {
    if (dispersion <= 1e-9) {
      return poissonAtLeast(observed, mean);
    }
    if (observed <= 0) {
      return 1;
    }
    if (mean <= 0) {
      return 0;
    }
    double size = 1 / dispersion;
    // P(X ≥ k) = I_{mean/(size+mean)}(k, size)
    return regularizedBeta(mean / (size + mean), observed, size);
  }

  /** P(K ≥ successes) for K ~ Binomial(trials, probability). */
  public static double binomialAtLeast(long successes, long trials, double probability) {
    if (successes <= 0) {
      return 1;
    }
    if (successes > trials) {
      return 0;
    }
    if (probability <= 0) {
      return 0;
    }
    if (probability >= 1) {
      return 1;
    }
    return regularizedBeta(probability, successes, trials - successes + 1.0);
  }

  /** {@code -log10(p)}, capped at 300 so that a probability of 0 still has a finite score. */
  public static double surprise(double probability) {
    return probability <= 1e-300 ? 300 : Math.min(300, -Math.log10(probability));
  }

  /** log Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error below 1e-15). */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double[] c = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    x -= 1;
    double sum = c[0];
    for (int i = 1; i < c.length; i++) {
      sum += c[i] / (x + i);
    }
    double t = x + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** The regularised lower incomplete gamma function P(a, x). */
  static double regularizedGammaP(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x < a + 1) {
      return gammaSeries(a, x);
    }
    return 1 - gammaContinuedFraction(a, x);
  }

  private static double gammaSeries(double a, double x) {
    double ap = a;
    double sum = 1 / a;
    double term = sum;
    for (int n = 0; n < MAX_ITERATIONS; n++) {
      ap++;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  /** Q(a, x) = 1 − P(a, x) by Lentz's continued fraction (valid for x ≥ a + 1). */
  private static double gammaContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  /** The regularised incomplete beta function I_x(a, b). */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    // the continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
  }

  private static double betaContinuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return h;
  }
}
