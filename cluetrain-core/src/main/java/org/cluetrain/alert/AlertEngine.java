package org.cluetrain.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.cluetrain.detect.PostTrace;
import org.cluetrain.detect.QueryActivity;
import org.cluetrain.detect.QueryActivity.Measure;
import org.cluetrain.detect.SeasonalBaseline;
import org.cluetrain.detect.TailProbability;
import org.cluetrain.model.Post;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * Runs the alert rules on a stream of stored posts: the same code for the live stream and for a
 * replay of history (a backtest), so that a backtest shows what the live rules would have done.
 *
 * <p>Posts are counted by their publication time; each rule is tested whenever posts for one of its
 * queries arrive, on the window that ends at the newest of them. The baseline is learned from the
 * hours before that window only, so a spike never raises its own expectation. A rule that fired on
 * a query fires on it again only after its condition has been absent for the cooldown (a crisis
 * that lasts for days is one alert, not one every few hours); alerts on the same query within three
 * hours of each other form one group, delivered together.
 *
 * <p>Not thread-safe by design but synchronised: the pipeline calls it from one thread at a time.
 */
public final class AlertEngine {
  private static final long HOUR = 3_600_000L;

  /** Alerts on the same query less than this apart belong to one group. */
  static final Duration GROUP_GAP = Duration.ofHours(3);

  /** How long after a niche surge a news post still counts as the story spilling over. */
  static final Duration SPILLOVER_HORIZON = Duration.ofDays(3);

  /** The share of negative posts must rise by at least this, absolutely … */
  static final double MIN_SHARE_RISE = 0.10;

  /** … and by at least this part of the way from the usual share to 100 %. */
  static final double MIN_SHARE_GAP_CLOSED = 0.35;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int TOP_TERMS = 8;
  private static final int TOP_SOURCES = 5;
  private static final int EXAMPLES = 3;

  private final List<AlertRule> rules;
  // both set for a running server, both absent for a backtest
  private final @Nullable Clock clock;
  private final @Nullable Duration maxLateness;
  private final Map<String, Set<String>> newsSites = new HashMap<>();
  private final Map<String, QueryActivity> activities = new HashMap<>();
  private final Map<String, Long> projectStart = new HashMap<>();

  /** Per rule and query: the last time the rule's condition held (fired or held back). */
  private final Map<String, Long> lastHeld = new HashMap<>();

  private final Map<String, Group> groups = new HashMap<>();
  private final Map<String, NicheEpisode> episodes = new HashMap<>();
  private long postsSeen;
  private long evaluations;
  private long suppressedByCooldown;
  private long raised;

  private AlertEngine(
      List<AlertRule> rules, @Nullable Clock clock, @Nullable Duration maxLateness) {
    this.rules = List.copyOf(rules);
    this.clock = clock;
    this.maxLateness = maxLateness;
    Set<String> names = new HashSet<>();
    for (AlertRule rule : this.rules) {
      if (!names.add(rule.project() + "/" + rule.name())) {
        throw new IllegalArgumentException(
            "rule '" + rule.name() + "' is declared twice in project " + rule.project());
      }
      newsSites
          .computeIfAbsent(rule.project(), p -> new LinkedHashSet<>())
          .addAll(rule.newsSites());
    }
  }

  /**
   * The engine of a running server: alerts carry the clock's time, and posts published more than
   * {@code maxLateness} before now (an old archive being imported) feed the baseline but raise
   * nothing.
   */
  public static AlertEngine live(List<AlertRule> rules, Clock clock, Duration maxLateness) {
    return new AlertEngine(
        rules, Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(maxLateness));
  }

  /** The engine of a backtest: time is the posts' time, and every alert counts. */
  public static AlertEngine replay(List<AlertRule> rules) {
    return new AlertEngine(rules, null, null);
  }

  public List<AlertRule> rules() {
    return rules;
  }

  /** Counts the posts in and tests the rules of the queries they matched. */
  public synchronized List<Alert> observe(List<StoredPost> batch) {
    Set<QueryActivity> touched = absorb(batch);
    List<Alert> alerts = new ArrayList<>();
    for (QueryActivity activity : touched) {
      for (AlertRule rule : rules) {
        if (rule.watches(activity.queryId())) {
          evaluate(rule, activity).ifPresent(alerts::add);
        }
      }
      activity.prune();
    }
    return alerts;
  }

  /** Counts the posts in as history without testing anything (warming up after a start). */
  public synchronized void warmUp(List<StoredPost> batch) {
    absorb(batch).forEach(QueryActivity::prune);
  }

  /**
   * Remembers alerts raised before (stored, from an earlier run), so that cooldowns and groups go
   * on where they stopped instead of alerting again on the same event.
   */
  public synchronized void remember(Collection<Alert> earlier) {
    List<Alert> sorted = new ArrayList<>(earlier);
    sorted.sort(Comparator.comparing(Alert::at));
    for (Alert alert : sorted) {
      lastHeld.merge(key(alert.rule(), alert.queryId()), alert.at().toEpochMilli(), Math::max);
      groups.put(
          alert.project() + "|" + alert.queryId(),
          new Group(alert.groupId(), alert.at().toEpochMilli()));
    }
  }

  /** What the engine has done so far. */
  public synchronized Stats stats() {
    return new Stats(postsSeen, activities.size(), evaluations, raised, suppressedByCooldown);
  }

  /**
   * What the engine has done.
   *
   * @param posts posts counted in
   * @param queries saved queries with activity being tracked
   * @param evaluations rule tests run
   * @param raised alerts raised
   * @param suppressedByCooldown tests whose condition held but raised nothing: the rule's cooldown
   *     since the condition last held had not passed
   */
  public record Stats(
      long posts, int queries, long evaluations, long raised, long suppressedByCooldown) {}

  private Set<QueryActivity> absorb(List<StoredPost> batch) {
    Set<QueryActivity> touched = new LinkedHashSet<>();
    for (StoredPost stored : batch) {
      Post post = stored.post();
      postsSeen++;
      Map<String, PostTrace> traceByProject = new HashMap<>(2);
      for (String queryId : stored.matchedQueries()) {
        String project = queryId.substring(0, Math.max(0, queryId.indexOf('/')));
        projectStart.merge(project, post.published().toEpochMilli(), Math::min);
        QueryActivity activity = activity(queryId);
        if (activity == null) {
          continue;
        }
        PostTrace trace =
            traceByProject.computeIfAbsent(
                project, p -> PostTrace.of(post, newsSites.getOrDefault(p, Set.of())));
        activity.add(trace);
        touched.add(activity);
      }
      if (post.project() != null) {
        projectStart.merge(post.project(), post.published().toEpochMilli(), Math::min);
      }
    }
    return touched;
  }

  /** The activity of a query some rule watches, or {@code null} when none does. */
  private @Nullable QueryActivity activity(String queryId) {
    QueryActivity existing = activities.get(queryId);
    if (existing != null) {
      return existing;
    }
    long window = 0;
    long history = 0;
    for (AlertRule rule : rules) {
      if (rule.watches(queryId)) {
        window = Math.max(window, rule.window().toMillis());
        history = Math.max(history, rule.baseline().toHours());
      }
    }
    if (window == 0) {
      return null;
    }
    QueryActivity created = new QueryActivity(queryId, window, history);
    activities.put(queryId, created);
    return created;
  }

  private java.util.Optional<Alert> evaluate(AlertRule rule, QueryActivity activity) {
    long now = activity.highWater();
    String key = key(rule.name(), activity.queryId());
    if (clock != null && maxLateness != null && now < clock.millis() - maxLateness.toMillis()) {
      return java.util.Optional.empty();
    }
    long windowStart = now - rule.window().toMillis();
    long endHour = Math.floorDiv(windowStart, HOUR);
    long listeningSince = Math.floorDiv(projectStart.getOrDefault(rule.project(), now), HOUR);
    long startHour = Math.max(endHour - rule.baseline().toHours(), listeningSince);
    if (endHour - startHour < Math.max(1, rule.minHistory().toHours())) {
      return java.util.Optional.empty(); // still learning what is normal
    }
    evaluations++;
    Window window = new Window(rule, activity, windowStart, now, startHour, endHour);
    Finding finding =
        switch (rule.detector()) {
          case VOLUME -> volume(window);
          case NEGATIVE_SHARE -> negativeShare(window);
          case NEW_VOICES -> newVoices(window);
          case SPILLOVER -> spillover(window);
        };
    if (finding == null) {
      return java.util.Optional.empty();
    }
    // hysteresis: the condition holds again; it is news only after being absent for the cooldown
    Long heldBefore = lastHeld.put(key, now);
    if (heldBefore != null && now - heldBefore < rule.cooldown().toMillis()) {
      suppressedByCooldown++;
      return java.util.Optional.empty();
    }
    Instant windowEnd = Instant.ofEpochMilli(now);
    String id = Alert.idOf(rule.project(), rule.name(), activity.queryId(), windowEnd);
    String groupKey = rule.project() + "|" + activity.queryId();
    Group group = groups.get(groupKey);
    String groupId = group != null && now - group.lastAt <= GROUP_GAP.toMillis() ? group.id : id;
    groups.put(groupKey, new Group(groupId, now));
    raised++;
    return java.util.Optional.of(
        new Alert(
            id,
            rule.project(),
            rule.name(),
            rule.detector(),
            activity.queryId(),
            rule.sentiment(),
            groupId,
            clock == null ? windowEnd : clock.instant(),
            finding.explanation(window)));
  }

  private @Nullable Finding volume(Window w) {
    Measure measure =
        w.rule.sentiment() == null ? Measure.POSTS : Measure.ofSentiment(w.rule.sentiment());
    Count count = w.count(measure);
    if (!count.surprising(w.rule)) {
      return null;
    }
    String what = w.rule.sentiment() == null ? "Posts" : capital(w.rule.sentiment()) + " posts";
    String summary =
        String.format(
            Locale.ROOT,
            "%s on %s: %d %s, %s× the %s expected for this hour of the week (score %.1f).",
            what,
            w.activity.queryId(),
            count.observed,
            w.describe(),
            amount(count.observed / Math.max(count.expected, 1e-9)),
            amount(count.expected),
            count.score);
    String sentiment = w.rule.sentiment();
    Predicate<PostTrace> relevant =
        sentiment == null ? t -> true : t -> sentiment.equals(t.sentiment());
    return new Finding(
        summary,
        count.observed,
        count.expected,
        w.rule.sentiment() == null ? "posts" : w.rule.sentiment() + " posts",
        count.estimate,
        count.test,
        count.probability,
        count.score,
        w.traces(relevant),
        null,
        null);
  }

  private @Nullable Finding negativeShare(Window w) {
    long posts = w.activity.inWindow(Measure.POSTS, w.from, w.to);
    long negative = w.activity.inWindow(Measure.NEGATIVE, w.from, w.to);
    if (negative < w.rule.minVolume() || posts == 0) {
      return null;
    }
    long baselinePosts = w.activity.inHours(Measure.POSTS, w.startHour, w.endHour);
    long baselineNegative = w.activity.inHours(Measure.NEGATIVE, w.startHour, w.endHour);
    // add-one smoothing: a history of 0 negative posts does not make one negative post impossible
    double usual = (baselineNegative + 1.0) / (baselinePosts + 2.0);
    double share = (double) negative / posts;
    double needed = Math.max(MIN_SHARE_RISE, MIN_SHARE_GAP_CLOSED * (1 - usual));
    if (share < usual + needed) {
      return null;
    }
    double probability = TailProbability.binomialAtLeast(negative, posts, usual);
    double score = TailProbability.surprise(probability);
    if (score < w.rule.sensitivity().minimumScore()) {
      return null;
    }
    String summary =
        String.format(
            Locale.ROOT,
            "Negative share on %s: %d of %d posts negative (%.0f %%) %s, against %.0f %% in the"
                + " history (score %.1f).",
            w.activity.queryId(),
            negative,
            posts,
            share * 100,
            w.describe(),
            usual * 100,
            score);
    return new Finding(
        summary,
        share,
        usual,
        "negative share",
        null,
        String.format(
            Locale.ROOT,
            "binomial: %d negative of %d against the history's share of %d of %d",
            negative,
            posts,
            baselineNegative,
            baselinePosts),
        probability,
        score,
        w.traces(t -> "negative".equals(t.sentiment())),
        null,
        String.format(
            Locale.ROOT,
            "the share of negative posts over %s of history (%,d posts), needing a rise of %.0f"
                + " points",
            AlertRule.human(Duration.ofHours(w.endHour - w.startHour)),
            baselinePosts,
            needed * 100));
  }

  private @Nullable Finding newVoices(Window w) {
    Count count = w.count(Measure.NEW_AUTHOR);
    if (count.surprising(w.rule)) {
      String summary =
          String.format(
              Locale.ROOT,
              "New voices on %s: %d posts by authors never seen on this query %s, %s× the %s"
                  + " expected (score %.1f).",
              w.activity.queryId(),
              count.observed,
              w.describe(),
              amount(count.observed / Math.max(count.expected, 1e-9)),
              amount(count.expected),
              count.score);
      return new Finding(
          summary,
          count.observed,
          count.expected,
          "posts by new authors",
          count.estimate,
          count.test,
          count.probability,
          count.score,
          w.traces(PostTrace::newAuthor),
          null,
          null);
    }
    // a source never seen on this query that suddenly carries enough posts on its own
    Map<String, List<PostTrace>> bySource = new LinkedHashMap<>();
    for (PostTrace trace : w.traces(t -> true)) {
      bySource.computeIfAbsent(trace.sourceId(), s -> new ArrayList<>()).add(trace);
    }
    long historyStart = w.startHour * HOUR;
    for (Map.Entry<String, List<PostTrace>> source : bySource.entrySet()) {
      Long first = w.activity.sourceFirstSeen(source.getKey());
      int posts = source.getValue().size();
      if (first == null || first <= w.from || posts < w.rule.minVolume()) {
        continue;
      }
      // the whole history knew nothing of it: expect at most one post over the whole history
      double expected = (double) (w.to - w.from) / Math.max(HOUR, w.from - historyStart);
      double probability = TailProbability.poissonAtLeast(posts, expected);
      double score = TailProbability.surprise(probability);
      if (score < w.rule.sensitivity().minimumScore()) {
        continue;
      }
      String name = source.getValue().get(0).sourceName();
      String summary =
          String.format(
              Locale.ROOT,
              "New source on %s: %s, never seen on this query in %s of history, carries %d posts"
                  + " %s (score %.1f).",
              w.activity.queryId(),
              name,
              AlertRule.human(Duration.ofHours(w.endHour - w.startHour)),
              posts,
              w.describe(),
              score);
      return new Finding(
          summary,
          posts,
          expected,
          "posts from a new source",
          null,
          "Poisson: a source absent from the whole history",
          probability,
          score,
          source.getValue(),
          null,
          "the sources seen on the query in the history");
    }
    return null;
  }

  private @Nullable Finding spillover(Window w) {
    String key = key(w.rule.name(), w.activity.queryId());
    NicheEpisode episode = episodes.get(key);
    if (episode != null && w.to - episode.start > SPILLOVER_HORIZON.toMillis()) {
      episodes.remove(key);
      episode = null;
    }
    if (episode == null) {
      Count niche = w.count(Measure.NICHE);
      if (!niche.surprising(w.rule)) {
        return null;
      }
      List<PostTrace> nichePosts = w.traces(PostTrace::niche);
      if (nichePosts.isEmpty()) {
        return null;
      }
      List<Explanation.TermCount> terms = topTerms(w, nichePosts);
      episode = new NicheEpisode(nichePosts.get(0).published(), niche, nichePosts, terms);
      episodes.put(key, episode);
    }
    Set<String> storyTerms = new HashSet<>();
    episode.terms.forEach(t -> storyTerms.add(t.term()));
    int needed = Math.min(2, storyTerms.size());
    long start = episode.start;
    List<PostTrace> news =
        w.traces(
            t ->
                t.news()
                    && t.published() > start
                    && t.terms().stream().filter(storyTerms::contains).count() >= needed);
    if (news.isEmpty()) {
      return null;
    }
    episodes.remove(key);
    PostTrace first = news.get(0);
    Duration lead = Duration.ofMillis(first.published() - episode.start);
    Count newsCount = w.count(Measure.NEWS);
    String summary =
        String.format(
            Locale.ROOT,
            "Spill-over on %s: a story that surged in niche sources from %s (%d posts, %s×"
                + " expected) reached news at %s (%s), %s later.",
            w.activity.queryId(),
            TIME.format(Instant.ofEpochMilli(episode.start)),
            episode.niche.observed,
            amount(episode.niche.observed / Math.max(episode.niche.expected, 1e-9)),
            TIME.format(Instant.ofEpochMilli(first.published())),
            first.sourceName(),
            human(lead));
    List<PostTrace> behind = new ArrayList<>(episode.nichePosts);
    behind.addAll(news);
    return new Finding(
        summary,
        news.size(),
        newsCount.expected,
        "news posts on the story",
        newsCount.estimate,
        "niche surge: " + episode.niche.test,
        episode.niche.probability,
        episode.niche.score,
        behind,
        lead,
        null,
        episode.terms);
  }

  private static String key(String rule, String queryId) {
    return rule + "|" + queryId;
  }

  /** The words much more frequent in these posts than in the query's history. */
  private static List<Explanation.TermCount> topTerms(Window w, List<PostTrace> posts) {
    if (posts.isEmpty()) {
      return List.of();
    }
    List<PostTrace> inWindow = w.traces(t -> true);
    Map<String, Integer> windowAll = new HashMap<>();
    for (PostTrace trace : inWindow) {
      trace.terms().forEach(term -> windowAll.merge(term, 1, Integer::sum));
    }
    Map<String, Integer> counts = new HashMap<>();
    for (PostTrace trace : posts) {
      trace.terms().forEach(term -> counts.merge(term, 1, Integer::sum));
    }
    double n = posts.size();
    double backgroundN = Math.max(1, w.activity.termDocuments() - inWindow.size());
    int minPosts = Math.max(2, (int) Math.ceil(0.05 * n));
    List<Explanation.TermCount> terms = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      int df = entry.getValue();
      if (df < minPosts) {
        continue;
      }
      double background =
          Math.max(
              0, w.activity.termPosts(entry.getKey()) - windowAll.getOrDefault(entry.getKey(), 0));
      double lift = (df / n) / ((background + 0.5) / (backgroundN + 1));
      if (lift >= 1.5) {
        terms.add(new Explanation.TermCount(entry.getKey(), df, round(lift)));
      }
    }
    terms.sort(
        Comparator.comparingDouble((Explanation.TermCount t) -> -t.posts() * Math.log(t.lift()))
            .thenComparing(Explanation.TermCount::term));
    return terms.size() > TOP_TERMS ? List.copyOf(terms.subList(0, TOP_TERMS)) : terms;
  }

  private static List<Explanation.SourceCount> topSources(List<PostTrace> posts) {
    Map<String, Integer> counts = new HashMap<>();
    posts.forEach(p -> counts.merge(p.sourceName(), 1, Integer::sum));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_SOURCES)
        .map(e -> new Explanation.SourceCount(e.getKey(), e.getValue()))
        .toList();
  }

  /** Posts that carry most of the top terms, from different authors, earliest first. */
  private static List<Explanation.ExamplePost> examples(
      List<PostTrace> posts, List<Explanation.TermCount> terms) {
    Set<String> top = new HashSet<>();
    terms.forEach(t -> top.add(t.term()));
    List<PostTrace> ranked = new ArrayList<>(posts);
    ranked.sort(
        Comparator.comparingLong((PostTrace p) -> -p.terms().stream().filter(top::contains).count())
            .thenComparingLong(PostTrace::published)
            .thenComparing(PostTrace::id));
    List<Explanation.ExamplePost> examples = new ArrayList<>();
    Set<String> voices = new HashSet<>();
    for (PostTrace post : ranked) {
      String voice = post.authorId() != null ? post.authorId() : post.excerpt();
      if (voices.add(voice)) {
        examples.add(
            new Explanation.ExamplePost(
                post.id(),
                Instant.ofEpochMilli(post.published()),
                post.sourceName(),
                post.authorName(),
                post.excerpt()));
      }
      if (examples.size() == EXAMPLES) {
        break;
      }
    }
    return examples;
  }

  /** A count or ratio for a sentence: 1,234 · 12.3 · 0.04. */
  static String amount(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 0.1) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2g", value);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** A duration as people say it: 45 min, 6 h 28 min, 2 d 3 h. */
  static String human(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 24 * 60) {
      return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    long hours = minutes / 60;
    return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }

  /** The window a rule is tested on, and the history before it. */
  private static final class Window {
    final AlertRule rule;
    final QueryActivity activity;
    final long from;
    final long to;
    final long startHour;
    final long endHour;

    Window(
        AlertRule rule, QueryActivity activity, long from, long to, long startHour, long endHour) {
      this.rule = rule;
      this.activity = activity;
      this.from = from;
      this.to = to;
      this.startHour = startHour;
      this.endHour = endHour;
    }

    Count count(Measure measure) {
      SeasonalBaseline.Estimate estimate = activity.estimate(measure, startHour, endHour);
      long observed = activity.inWindow(measure, from, to);
      double expected = estimate.expected(from, to);
      // the window's variance grows like an hour's, scaled by how much of an hour it spans
      double hours = (to - from) / (double) HOUR;
      double perHour = expected / Math.max(hours, 1e-9);
      double dispersion = estimate.dispersion(perHour) / Math.max(1, hours);
      double probability = TailProbability.negativeBinomialAtLeast(observed, expected, dispersion);
      String test =
          dispersion > 1e-9
              ? String.format(Locale.ROOT, "negative binomial (dispersion %.3f)", dispersion)
              : "Poisson";
      return new Count(
          observed, expected, probability, TailProbability.surprise(probability), test, estimate);
    }

    List<PostTrace> traces(Predicate<PostTrace> which) {
      return activity.traces(from, to).stream().filter(which).toList();
    }

    String describe() {
      String span =
          rule.window().equals(Duration.ofHours(1))
              ? "the hour"
              : "the " + AlertRule.human(rule.window());
      return "in " + span + " to " + TIME.format(Instant.ofEpochMilli(to));
    }
  }

  /** A count in the window against its expectation. */
  private record Count(
      long observed,
      double expected,
      double probability,
      double score,
      String test,
      SeasonalBaseline.Estimate estimate) {

    boolean surprising(AlertRule rule) {
      return observed >= rule.minVolume()
          && observed >= rule.minRatio() * expected
          && score >= rule.sensitivity().minimumScore();
    }
  }

  /** What a detector found, before it becomes an explanation. */
  private record Finding(
      String summary,
      double observed,
      double expected,
      String measure,
      SeasonalBaseline.@Nullable Estimate estimate,
      String test,
      double probability,
      double score,
      List<PostTrace> behind,
      @Nullable Duration leadTime,
      @Nullable String baselineText,
      @Nullable List<Explanation.TermCount> fixedTerms) {

    Finding(
        String summary,
        double observed,
        double expected,
        String measure,
        SeasonalBaseline.@Nullable Estimate estimate,
        String test,
        double probability,
        double score,
        List<PostTrace> behind,
        @Nullable Duration leadTime,
        @Nullable String baselineText) {
      this(
          summary,
          observed,
          expected,
          measure,
          estimate,
          test,
          probability,
          score,
          behind,
          leadTime,
          baselineText,
          null);
    }

    /** How the expectation was formed: said by the detector, or else the estimate's. */
    private String baselineInWords() {
      if (baselineText != null) {
        return baselineText;
      }
      // every detector that leaves the text out learned an estimate
      return Objects.requireNonNull(estimate, "a finding without a baseline text has an estimate")
          .describe();
    }

    Explanation explanation(Window w) {
      List<Explanation.TermCount> terms = fixedTerms != null ? fixedTerms : topTerms(w, behind);
      return new Explanation(
          summary,
          Math.round(observed * 1000) / 1000.0,
          Math.round(expected * 1000) / 1000.0,
          measure,
          Instant.ofEpochMilli(w.from),
          Instant.ofEpochMilli(w.to),
          Instant.ofEpochMilli(w.startHour * HOUR),
          Instant.ofEpochMilli(w.endHour * HOUR),
          baselineInWords(),
          test,
          probability,
          round(score),
          terms,
          topSources(behind),
          examples(behind, terms),
          leadTime);
    }
  }

  /** A niche surge waiting to see whether news picks the story up. */
  private record NicheEpisode(
      long start, Count niche, List<PostTrace> nichePosts, List<Explanation.TermCount> terms) {}

  private record Group(String id, long lastAt) {}
}
