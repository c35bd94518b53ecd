package org.cluetrain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.detect.Sensitivity;
import org.cluetrain.detect.WeeklyRate;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertEngineTest {
  private static final Instant START = WeeklyRate.MONDAY;
  private static final int WEEKS = 3;

  /** The Monday after the history: every scenario's event happens in that week. */
  private static final Instant EVENT_WEEK = START.plus(Duration.ofDays(7L * WEEKS));

  private static AlertEngine defaults() {
    return AlertEngine.replay(AlertRule.defaults("brand", List.of()));
  }

  private static int hoursBetween(Instant from, Instant to) {
    return (int) Duration.between(from, to).toHours();
  }

  /** A quiet weekly stream from the start up to (not including) the hour of {@code until}. */
  private static List<StoredPost> historyUntil(
      SyntheticStream stream, double daytime, Instant until) {
    return stream.hours(START, hoursBetween(START, until), WeeklyRate.weekly(daytime), 0, 0.2);
  }

  private static List<Alert> of(List<Alert> alerts, DetectorKind kind) {
    return alerts.stream().filter(a -> a.detector() == kind).toList();
  }

  @Nested
  class QuietStreamsStayQuiet {

    @ParameterizedTest(name = "weekday daytime rate {0} per hour")
    @ValueSource(doubles = {0.5, 3, 40})
    void poissonStreamsOfAnySizeRaiseNothing(double daytime) {
      SyntheticStream stream = new SyntheticStream(7);
      List<StoredPost> posts = stream.hours(START, 24 * 7 * 6, WeeklyRate.weekly(daytime), 0, 0.3);
      AlertEngine engine = defaults();
      assertThat(SyntheticStream.feed(engine, posts)).isEmpty();
      assertThat(engine.stats().evaluations()).isGreaterThan(100);
    }

    @Test
    void largeOverDispersedStreamsRaiseNothing() {
      // 600 posts an hour on weekdays, varying from hour to hour by ±20 % (φ = 0.04) as real
      // streams do
      SyntheticStream stream = new SyntheticStream(11).authors(100_000);
      List<StoredPost> posts = stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(600), 0.04, 0.3);
      AlertEngine engine =
          AlertEngine.replay(
              List.of(
                  AlertRule.of("volume", "brand", DetectorKind.VOLUME, null),
                  AlertRule.of("negative-share", "brand", DetectorKind.NEGATIVE_SHARE, null)));
      assertThat(SyntheticStream.feed(engine, posts)).isEmpty();
    }
  }

  @Nested
  class VolumeSpikes {

    @Test
    void aSmallCountSpikeIsFoundWithinItsHour() {
      SyntheticStream stream = new SyntheticStream(3);
      List<StoredPost> posts =
          new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(1), 0, 0.2));
      Instant spike = EVENT_WEEK.plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
      posts.addAll(
          stream.burst(
              spike,
              Duration.ofMinutes(40),
              14,
              SyntheticStream.SOCIAL,
              null,
              0.2,
              "battery recall"));
      List<Alert> alerts = of(SyntheticStream.feed(defaults(), posts), DetectorKind.VOLUME);

      assertThat(alerts).hasSize(1);
      Alert alert = alerts.get(0);
      assertThat(alert.at()).isBetween(spike, spike.plus(Duration.ofMinutes(40)));
      Explanation why = alert.explanation();
      assertThat(why.observed()).isGreaterThanOrEqualTo(10);
      assertThat(why.expected()).isLessThan(2.5);
      assertThat(why.score()).isGreaterThanOrEqualTo(Sensitivity.MEDIUM.minimumScore());
      assertThat(why.topTerms())
          .extracting(Explanation.TermCount::term)
          .contains("battery", "recall");
      assertThat(why.examples()).isNotEmpty();
      assertThat(why.examples().get(0).excerpt()).contains("battery recall");
      assertThat(why.baselineEnd()).isBeforeOrEqualTo(why.windowStart());
      assertThat(why.summary()).startsWith("Posts on brand/brand: ");
    }

    @Test
    void theSameCountIsASpikeOnSundayNightButNotOnMondayMorning() {
      // about 30 posts an hour is Monday 10:00 as usual; on Sunday at 03:00 about 1.2 are usual
      Instant monday10 = EVENT_WEEK.plus(Duration.ofHours(10));
      Instant sunday03 = EVENT_WEEK.plus(Duration.ofDays(6)).plus(Duration.ofHours(3));
      List<StoredPost> monday =
          historyUntil(new SyntheticStream(5), 30, monday10.plus(Duration.ofHours(1)));
      long mondayHour = monday10.getEpochSecond() / 3600;
      assertThat(
              monday.stream()
                  .filter(p -> p.post().published().getEpochSecond() / 3600 == mondayHour))
          .hasSizeBetween(20, 40);
      SyntheticStream stream = new SyntheticStream(5);
      List<StoredPost> sunday = new ArrayList<>(historyUntil(stream, 30, sunday03));
      sunday.addAll(
          stream.burst(
              sunday03, Duration.ofMinutes(59), 30, SyntheticStream.SOCIAL, null, 0.2, null));

      assertThat(of(SyntheticStream.feed(defaults(), monday), DetectorKind.VOLUME)).isEmpty();
      List<Alert> alerts = of(SyntheticStream.feed(defaults(), sunday), DetectorKind.VOLUME);
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).explanation().baseline()).contains("hour-of-week profile");
    }

    @Test
    void aLargeCountSpikeIsFoundAndASmallRiseIsNot() {
      SyntheticStream stream = new SyntheticStream(13).authors(100_000);
      Instant wednesday11 = EVENT_WEEK.plus(Duration.ofDays(2)).plus(Duration.ofHours(11));
      List<StoredPost> history =
          stream.hours(START, hoursBetween(START, wednesday11), WeeklyRate.weekly(600), 0.04, 0.3);
      long hour = wednesday11.getEpochSecond() / 3600;
      List<StoredPost> rise = new ArrayList<>(history);
      rise.addAll(stream.hours(wednesday11, 1, h -> 660, 0, 0.3)); // +10 %
      List<StoredPost> spike = new ArrayList<>(history);
      spike.addAll(stream.hours(wednesday11, 1, h -> 1500, 0, 0.3)); // 2.5×

      AlertRule volume = AlertRule.of("volume", "brand", DetectorKind.VOLUME, null);
      assertThat(SyntheticStream.feed(AlertEngine.replay(List.of(volume)), rise)).isEmpty();
      List<Alert> alerts = SyntheticStream.feed(AlertEngine.replay(List.of(volume)), spike);
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).at().getEpochSecond() / 3600).isEqualTo(hour);
      assertThat(alerts.get(0).explanation().test()).startsWith("negative binomial");
    }

    @Test
    void aSentimentRuleCountsOnlyThatSentiment() {
      SyntheticStream stream = new SyntheticStream(17);
      List<StoredPost> posts =
          new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(20), 0, 0.1));
      Instant at = EVENT_WEEK.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));
      posts.addAll(
          stream.burst(
              at, Duration.ofMinutes(50), 25, SyntheticStream.SOCIAL, null, 1.0, "refund"));
      AlertRule negativeVolume =
          new AlertRule(
              "negative-volume",
              "brand",
              DetectorKind.VOLUME,
              "brand",
              "negative",
              null,
              10,
              1.5,
              null,
              null,
              null,
              null,
              List.of(),
              Set.of());
      List<Alert> alerts = SyntheticStream.feed(AlertEngine.replay(List.of(negativeVolume)), posts);
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).explanation().measure()).isEqualTo("negative posts");
      assertThat(alerts.get(0).explanation().summary()).startsWith("Negative posts on brand/brand");
    }
  }

  @Test
  void aNegativeSurgeIsFoundWhenTheVolumeDoesNotMove() {
    SyntheticStream stream = new SyntheticStream(19);
    // Tuesday 08:00–12:00: the usual volume, but 70 % negative instead of 20 %
    Instant at = EVENT_WEEK.plus(Duration.ofDays(1)).plus(Duration.ofHours(8));
    List<StoredPost> posts =
        new ArrayList<>(
            stream.hours(START, hoursBetween(START, at), WeeklyRate.weekly(40), 0, 0.2));
    posts.addAll(stream.hours(at, 4, WeeklyRate.weekly(40), 0, 0.7));
    List<Alert> alerts = SyntheticStream.feed(defaults(), posts);
    assertThat(of(alerts, DetectorKind.VOLUME)).isEmpty();
    List<Alert> share = of(alerts, DetectorKind.NEGATIVE_SHARE);
    assertThat(share).hasSize(1);
    // the six-hour window still holds some of the usual hours when the rise becomes certain
    assertThat(share.get(0).explanation().observed()).isGreaterThan(0.4);
    assertThat(share.get(0).at()).isBetween(at, at.plus(Duration.ofHours(4)));
    assertThat(share.get(0).explanation().expected()).isBetween(0.15, 0.25);
  }

  @Nested
  class NewVoices {

    @Test
    void manyNewAuthorsRaiseAnAlert() {
      SyntheticStream stream = new SyntheticStream(23).authors(60);
      List<StoredPost> posts =
          new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(8), 0, 0.2));
      Instant at = EVENT_WEEK.plus(Duration.ofDays(3)).plus(Duration.ofHours(9));
      posts.addAll(
          stream.burst(
              at, Duration.ofMinutes(45), 20, SyntheticStream.SOCIAL, "newcomer", 0.2, "boycott"));
      List<Alert> alerts = of(SyntheticStream.feed(defaults(), posts), DetectorKind.NEW_VOICES);
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).explanation().measure()).isEqualTo("posts by new authors");
      assertThat(alerts.get(0).explanation().examples())
          .allSatisfy(e -> assertThat(e.author()).startsWith("newcomer"));
    }

    @Test
    void aSourceNeverSeenBeforeRaisesAnAlert() {
      SyntheticStream stream = new SyntheticStream(29).authors(60);
      List<StoredPost> posts =
          new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(20), 0, 0.2));
      Instant at = EVENT_WEEK.plus(Duration.ofDays(1)).plus(Duration.ofHours(15));
      // twelve posts on a forum, by people also active elsewhere: no new authors, a new source
      posts.addAll(
          stream.burst(at, Duration.ofMinutes(50), 12, SyntheticStream.FORUM, null, 0.2, null));
      List<Alert> alerts = of(SyntheticStream.feed(defaults(), posts), DetectorKind.NEW_VOICES);
      assertThat(alerts).isNotEmpty();
      assertThat(alerts.get(0).explanation().summary())
          .startsWith("New source on brand/brand: phones-forum.example, never seen");
    }
  }

  @Test
  void aStorySpreadingFromAForumToNewsIsFoundWithItsLeadTime() {
    SyntheticStream stream = new SyntheticStream(31);
    List<StoredPost> posts =
        new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(10), 0, 0.2));
    // the forum has had a post now and then, so it is no new source
    for (int week = 0; week < WEEKS; week++) {
      posts.add(
          stream.post(
              START.plus(Duration.ofDays(7L * week + 2)),
              SyntheticStream.FORUM,
              "regular",
              0.2,
              "charger"));
    }
    Instant forum = EVENT_WEEK.plus(Duration.ofDays(1)).plus(Duration.ofHours(9));
    posts.addAll(
        stream.burst(
            forum,
            Duration.ofMinutes(50),
            15,
            SyntheticStream.FORUM,
            null,
            0.8,
            "battery swelling"));
    Instant news = forum.plus(Duration.ofHours(7));
    posts.addAll(
        stream.burst(
            news,
            Duration.ofMinutes(5),
            1,
            SyntheticStream.NEWS,
            "reporter",
            0.5,
            "battery swelling reports"));

    List<Alert> alerts = of(SyntheticStream.feed(defaults(), posts), DetectorKind.SPILLOVER);
    assertThat(alerts).hasSize(1);
    Explanation why = alerts.get(0).explanation();
    assertThat(why.leadTime()).isEqualTo(Duration.ofHours(7));
    assertThat(why.topTerms())
        .extracting(Explanation.TermCount::term)
        .contains("battery", "swelling");
    assertThat(why.summary()).contains("reached news at").contains("7 h later");
  }

  @Nested
  class FloodControl {
    private List<StoredPost> sustainedCrisis(SyntheticStream stream) {
      List<StoredPost> posts =
          new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(10), 0, 0.2));
      // twelve hours of a crisis: five times the volume, mostly negative, many new authors
      Instant at = EVENT_WEEK.plus(Duration.ofDays(2)).plus(Duration.ofHours(8));
      for (int hour = 0; hour < 12; hour++) {
        posts.addAll(
            stream.burst(
                at.plus(Duration.ofHours(hour)),
                Duration.ofMinutes(59),
                50,
                SyntheticStream.SOCIAL,
                "crisis" + hour + "-",
                0.9,
                "outage"));
      }
      return posts;
    }

    @Test
    void cooldownAllowsOneAlertPerRuleAndCooldown() {
      List<StoredPost> crisis = sustainedCrisis(new SyntheticStream(37));
      AlertEngine engine = defaults();
      List<Alert> alerts = SyntheticStream.feed(engine, crisis);
      // twelve hours (and the hour after, still in the window) with a 6-hour cooldown: at most
      // three alerts per rule, instead of one per batch
      for (DetectorKind kind :
          List.of(DetectorKind.VOLUME, DetectorKind.NEGATIVE_SHARE, DetectorKind.NEW_VOICES)) {
        assertThat(of(alerts, kind)).hasSizeBetween(1, 3);
      }
      assertThat(engine.stats().suppressedByCooldown()).isGreaterThan(1_000);

      List<AlertRule> withoutCooldown =
          AlertRule.defaults("brand", List.of()).stream()
              .map(
                  r ->
                      new AlertRule(
                          r.name(),
                          r.project(),
                          r.detector(),
                          r.query(),
                          r.sentiment(),
                          r.sensitivity(),
                          r.minVolume(),
                          r.minRatio(),
                          r.window(),
                          r.baseline(),
                          r.minHistory(),
                          Duration.ZERO,
                          r.recipients(),
                          r.newsSites()))
              .toList();
      assertThat(SyntheticStream.feed(AlertEngine.replay(withoutCooldown), crisis).size())
          .isGreaterThan(100);
    }

    @Test
    void relatedAlertsShareOneGroup() {
      List<Alert> alerts =
          SyntheticStream.feed(defaults(), sustainedCrisis(new SyntheticStream(41)));
      List<Alert> firstHours =
          alerts.stream()
              .filter(a -> a.at().isBefore(alerts.get(0).at().plus(Duration.ofHours(3))))
              .toList();
      assertThat(firstHours).hasSizeGreaterThanOrEqualTo(2);
      assertThat(firstHours).extracting(Alert::groupId).containsOnly(alerts.get(0).id());
    }

    @Test
    void rememberedAlertsKeepTheirCooldownAfterARestart() {
      List<StoredPost> posts = sustainedCrisis(new SyntheticStream(43));
      List<Alert> before = SyntheticStream.feed(defaults(), posts);
      Alert first = before.get(0);
      // a restart during the crisis: history replayed, earlier alerts remembered
      AlertEngine restarted = defaults();
      List<StoredPost> history =
          posts.stream().filter(p -> !p.post().published().isAfter(first.at())).toList();
      List<StoredPost> rest =
          posts.stream().filter(p -> p.post().published().isAfter(first.at())).toList();
      restarted.warmUp(history);
      restarted.remember(before.stream().filter(a -> !a.at().isAfter(first.at())).toList());
      List<Alert> after = SyntheticStream.feed(restarted, rest);
      List<Alert> expectedAfter = before.stream().filter(a -> a.at().isAfter(first.at())).toList();
      assertThat(after)
          .extracting(Alert::id)
          .containsExactlyElementsOf(expectedAfter.stream().map(Alert::id).toList());
    }
  }

  @Test
  void nothingIsRaisedBeforeTheQueryHasItsMinimumHistory() {
    SyntheticStream stream = new SyntheticStream(47);
    List<StoredPost> posts = new ArrayList<>(stream.hours(START, 40, WeeklyRate.weekly(5), 0, 0.2));
    posts.addAll(
        stream.burst(
            START.plus(Duration.ofHours(34)),
            Duration.ofMinutes(30),
            40,
            SyntheticStream.SOCIAL,
            null,
            0.9,
            "outage"));
    AlertEngine engine = defaults();
    assertThat(SyntheticStream.feed(engine, posts)).isEmpty();
    assertThat(engine.stats().evaluations()).isZero();
  }

  @Test
  void liveAlertsCarryTheClockAndIgnoreOldImports() {
    SyntheticStream stream = new SyntheticStream(53);
    List<StoredPost> posts =
        new ArrayList<>(stream.hours(START, 24 * 7 * 4, WeeklyRate.weekly(2), 0, 0.2));
    Instant spike = EVENT_WEEK.plus(Duration.ofHours(10));
    posts.addAll(
        stream.burst(spike, Duration.ofMinutes(30), 20, SyntheticStream.SOCIAL, null, 0.2, "fire"));
    ManualClock clock = new ManualClock(spike.plus(Duration.ofDays(30)));
    AlertEngine late =
        AlertEngine.live(AlertRule.defaults("brand", List.of()), clock, Duration.ofDays(1));
    assertThat(SyntheticStream.feed(late, posts)).isEmpty();

    clock.set(spike.plus(Duration.ofMinutes(31)));
    AlertEngine onTime =
        AlertEngine.live(AlertRule.defaults("brand", List.of()), clock, Duration.ofDays(1));
    List<Alert> alerts = of(SyntheticStream.feed(onTime, posts), DetectorKind.VOLUME);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).raisedAt()).isEqualTo(clock.instant());
  }

  @Test
  void alertIdsAreStableForTheSameRuleQueryAndHour() {
    Instant at = Instant.parse("2026-03-02T10:15:00Z");
    assertThat(Alert.idOf("p", "volume", "p/q", at))
        .isEqualTo(Alert.idOf("p", "volume", "p/q", at.plus(Duration.ofMinutes(30))))
        .isNotEqualTo(Alert.idOf("p", "volume", "p/q", at.plus(Duration.ofHours(1))))
        .isNotEqualTo(Alert.idOf("p", "negative-share", "p/q", at))
        .hasSize(16);
  }

  @Nested
  class RuleValidation {

    @Test
    void sentimentIsOnlyForVolumeRules() {
      assertThatThrownBy(
              () ->
                  new AlertRule(
                      "r",
                      "p",
                      DetectorKind.NEGATIVE_SHARE,
                      null,
                      "negative",
                      null,
                      10,
                      1.5,
                      null,
                      null,
                      null,
                      null,
                      List.of(),
                      Set.of()))
          .hasMessage(
              "rule 'r': only volume rules filter by sentiment (the negative-share detector"
                  + " looks at all posts)");
    }

    @Test
    void unknownNamesListWhatIsKnown() {
      assertThatThrownBy(() -> DetectorKind.fromLabel("spike"))
          .hasMessage(
              "unknown detector 'spike', expected one of volume, negative-share, new-voices,"
                  + " spillover");
      assertThatThrownBy(() -> Sensitivity.fromLabel("extreme"))
          .hasMessage("unknown sensitivity 'extreme', expected low, medium or high");
    }

    @Test
    void windowsAndHistoriesHaveBounds() {
      assertThatThrownBy(
              () ->
                  new AlertRule(
                      "r",
                      "p",
                      DetectorKind.VOLUME,
                      null,
                      null,
                      null,
                      10,
                      1.5,
                      Duration.ofMinutes(1),
                      null,
                      null,
                      null,
                      List.of(),
                      Set.of()))
          .hasMessage("rule 'r': window must be between 5m and 1d, was 1m");
      assertThatThrownBy(
              () ->
                  new AlertRule(
                      "r",
                      "p",
                      DetectorKind.VOLUME,
                      null,
                      null,
                      null,
                      10,
                      1.5,
                      null,
                      Duration.ofDays(7),
                      Duration.ofDays(8),
                      null,
                      List.of(),
                      Set.of()))
          .hasMessage("rule 'r': min-history must be between 0 and the baseline (7d), was 8d");
      assertThatThrownBy(
              () ->
                  new AlertRule(
                      "r",
                      "p",
                      DetectorKind.VOLUME,
                      null,
                      null,
                      null,
                      0,
                      1.5,
                      null,
                      null,
                      null,
                      null,
                      List.of(),
                      Set.of()))
          .hasMessage("rule 'r': min-volume must be at least 1, was 0");
    }

    @Test
    void ruleNamesAreUniquePerProject() {
      AlertRule rule = AlertRule.of("volume", "p", DetectorKind.VOLUME, null);
      assertThatThrownBy(() -> AlertEngine.replay(List.of(rule, rule)))
          .hasMessage("rule 'volume' is declared twice in project p");
    }
  }
}
