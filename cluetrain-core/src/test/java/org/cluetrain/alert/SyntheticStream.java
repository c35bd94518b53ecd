package org.cluetrain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.store.StoredPost;

/**
 * Synthetic posts for one saved query with a known rate per hour: seasonal by hour of the week,
 * Poisson (optionally over-dispersed by a gamma-distributed hourly rate), with a fixed seed.
 */
final class SyntheticStream {
  static final String QUERY = "brand/brand";
  static final SourceRef SOCIAL = new SourceRef("mastodon:social", SourceType.MASTODON, null, null);
  static final SourceRef FORUM =
      new SourceRef("forum:phones", SourceType.FORUM, "phones-forum.example", null);
  static final SourceRef NEWS =
      new SourceRef("feed:news", SourceType.NEWS, "news.example", "https://news.example/feed");

  private static final String[] WORDS = {
    "coffee", "weekend", "store", "price", "order", "delivery", "app", "service", "friend",
    "morning", "colour", "size", "summer", "gift", "review", "account", "train", "music"
  };

  private final Random random;
  private int sequence;
  private int authorPool = 400;

  SyntheticStream(long seed) {
    this.random = new Random(seed);
  }

  SyntheticStream authors(int pool) {
    this.authorPool = pool;
    return this;
  }

  /**
   * Posts for the hours {@code [from, from + hours)} at the given rate.
   *
   * @param dispersion φ of a gamma-distributed hourly rate (0: plain Poisson)
   * @param negativeShare the chance that a post is negative
   */
  List<StoredPost> hours(
      Instant from, int hours, LongToDoubleFunction rate, double dispersion, double negativeShare) {
    List<StoredPost> posts = new ArrayList<>();
    long firstHour = from.getEpochSecond() / 3600;
    for (long hour = firstHour; hour < firstHour + hours; hour++) {
      double mean = rate.applyAsDouble(hour);
      if (dispersion > 0 && mean > 0) {
        mean *= gamma(1 / dispersion) * dispersion;
      }
      int n = poisson(mean);
      for (int i = 0; i < n; i++) {
        Instant at = Instant.ofEpochSecond(hour * 3600 + random.nextInt(3600));
        posts.add(post(at, SOCIAL, "user" + random.nextInt(authorPool), negativeShare, null));
      }
    }
    posts.sort(java.util.Comparator.comparing(p -> p.post().published()));
    return posts;
  }

  /** {@code n} posts spread evenly over {@code span} from {@code at}, each with these words. */
  List<StoredPost> burst(
      Instant at,
      Duration span,
      int n,
      SourceRef source,
      String authorPrefix,
      double negativeShare,
      String words) {
    List<StoredPost> posts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant time = at.plusMillis(span.toMillis() * i / Math.max(1, n));
      String author = authorPrefix == null ? "user" + random.nextInt(authorPool) : authorPrefix + i;
      posts.add(post(time, source, author, negativeShare, words));
    }
    return posts;
  }

  StoredPost post(Instant at, SourceRef source, String author, double negativeShare, String words) {
    String sentiment = random.nextDouble() < negativeShare ? "negative" : "neutral";
    String text =
        (words == null ? "" : words + " ")
            + WORDS[random.nextInt(WORDS.length)]
            + " "
            + WORDS[random.nextInt(WORDS.length)]
            + " brand";
    Post post =
        Post.builder()
            .id("syn:" + (++sequence))
            .source(source)
            .kind(source == FORUM ? PostKind.COMMENT : PostKind.POST)
            .author(new Author("syn:" + author, author, null, null))
            .text(text)
            .published(at)
            .lang("en")
            .labels(Map.of("sentiment", new Label(sentiment, 0.9, List.of())))
            .project("brand")
            .build();
    return new StoredPost(post, List.of(QUERY));
  }

  private int poisson(double mean) {
    if (mean > 60) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang. */
  private double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** Feeds posts to the engine in batches of one minute, the way a live stream arrives. */
  static List<Alert> feed(AlertEngine engine, List<StoredPost> posts) {
    List<StoredPost> sorted = new ArrayList<>(posts);
    sorted.sort(java.util.Comparator.comparing(p -> p.post().published()));
    List<Alert> alerts = new ArrayList<>();
    List<StoredPost> batch = new ArrayList<>();
    long minute = Long.MIN_VALUE;
    for (StoredPost post : sorted) {
      long m = post.post().published().getEpochSecond() / 60;
      if (m != minute && !batch.isEmpty()) {
        alerts.addAll(engine.observe(batch));
        batch = new ArrayList<>();
      }
      minute = m;
      batch.add(post);
    }
    if (!batch.isEmpty()) {
      alerts.addAll(engine.observe(batch));
    }
    return alerts;
  }
}
