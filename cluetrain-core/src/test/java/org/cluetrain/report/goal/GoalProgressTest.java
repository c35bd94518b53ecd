package org.cluetrain.report.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GoalProgressTest {
  private static final LocalDate START = LocalDate.of(2027, 1, 4);

  private static Goal goal(Kpi kpi, double target) {
    return new Goal(
        "nordlicht",
        "fewer-complaints",
        kpi,
        LocalDate.of(2026, 10, 1),
        LocalDate.of(2026, 12, 31),
        target,
        START,
        START.plusWeeks(10).minusDays(1),
        "anna",
        Cadence.WEEKLY);
  }

  private static List<GoalProgress.Point> points(double... values) {
    List<GoalProgress.Point> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new GoalProgress.Point(i, START.plusWeeks(i), START.plusWeeks(i + 1), values[i]));
    }
    return points;
  }

  @Test
  void aHorizonOfTenWeeksHasTenWeeklyCheckIns() {
    List<Goal.CheckIn> checkIns = goal(Kpi.MENTION_VOLUME, 100).checkIns();
    assertThat(checkIns).hasSize(10);
    assertThat(checkIns.get(0)).isEqualTo(new Goal.CheckIn(START, START.plusWeeks(1)));
    assertThat(checkIns.get(9).end()).isEqualTo(START.plusWeeks(10));
  }

  @Test
  void theLastCheckInOfAnUnevenHorizonIsShorter() {
    Goal goal =
        new Goal(
            "p",
            "g",
            Kpi.MENTION_VOLUME,
            START,
            START,
            1,
            START,
            START.plusDays(9),
            "",
            Cadence.WEEKLY);
    assertThat(goal.checkIns()).extracting(Goal.CheckIn::days).containsExactly(7L, 3L);
  }

  @Test
  void theTrendIsTheLeastSquaresLineAndItsForecastIsAtTheLastCheckIn() {
    // values 10, 12, 14, 16: slope 2 per week, intercept 10; the 10th week (index 9) is 28
    GoalProgress progress =
        GoalProgress.of(
            goal(Kpi.MENTION_VOLUME, 25), 9.0, points(10, 12, 14, 16), START.plusWeeks(4));
    assertThat(progress.trend()).isNotNull();
    assertThat(progress.trend().slope()).isCloseTo(2, within(1e-9));
    assertThat(progress.trend().intercept()).isCloseTo(10, within(1e-9));
    assertThat(progress.forecast()).isCloseTo(28, within(1e-9));
    assertThat(progress.status()).isEqualTo(GoalProgress.Status.ON_TRACK);
  }

  @Test
  void aNoisyRiseIsFittedNotJoinedEndToEnd() {
    // 1, 3, 2, 4: least squares gives slope 0.8, intercept 1.3 (end to end would say 1)
    GoalProgress progress =
        GoalProgress.of(
            goal(Kpi.MENTION_VOLUME, 100), null, points(1, 3, 2, 4), START.plusWeeks(4));
    assertThat(progress.trend().slope()).isCloseTo(0.8, within(1e-9));
    assertThat(progress.trend().intercept()).isCloseTo(1.3, within(1e-9));
    assertThat(progress.forecast()).isCloseTo(1.3 + 0.8 * 9, within(1e-9));
    assertThat(progress.status()).isEqualTo(GoalProgress.Status.BEHIND);
  }

  @Test
  void lowerIsBetterForTheNegativeShare() {
    GoalProgress falling =
        GoalProgress.of(
            goal(Kpi.NEGATIVE_SHARE, 0.15), 0.3, points(0.3, 0.28, 0.26), START.plusWeeks(3));
    assertThat(falling.forecast()).isCloseTo(0.12, within(1e-9));
    assertThat(falling.status()).isEqualTo(GoalProgress.Status.ON_TRACK);
    GoalProgress flat =
        GoalProgress.of(
            goal(Kpi.NEGATIVE_SHARE, 0.15), 0.3, points(0.3, 0.31, 0.3), START.plusWeeks(3));
    assertThat(flat.status()).isEqualTo(GoalProgress.Status.BEHIND);
  }

  @Test
  void aShareIsNeverForecastBelowNothing() {
    GoalProgress progress =
        GoalProgress.of(goal(Kpi.NEGATIVE_SHARE, 0.15), 0.3, points(0.3, 0.1), START.plusWeeks(2));
    assertThat(progress.forecast()).isEqualTo(0.0);
  }

  @Test
  void oneCheckInIsTooEarlyForATrendAndBeforeTheHorizonNothingHasStarted() {
    assertThat(
            GoalProgress.of(goal(Kpi.MENTION_VOLUME, 1), 1.0, points(5), START.plusWeeks(1))
                .status())
        .isEqualTo(GoalProgress.Status.TOO_EARLY);
    assertThat(
            GoalProgress.of(goal(Kpi.MENTION_VOLUME, 1), 1.0, List.of(), START.minusDays(1))
                .status())
        .isEqualTo(GoalProgress.Status.NOT_STARTED);
  }

  @Test
  void afterTheHorizonTheLastCheckInDecides() {
    LocalDate after = START.plusWeeks(11);
    assertThat(GoalProgress.of(goal(Kpi.MENTION_VOLUME, 20), 1.0, points(30, 21), after).status())
        .isEqualTo(GoalProgress.Status.REACHED);
    assertThat(GoalProgress.of(goal(Kpi.MENTION_VOLUME, 20), 1.0, points(30, 19), after).status())
        .isEqualTo(GoalProgress.Status.MISSED);
  }

  @Nested
  class Refused {
    @Test
    void aShareTargetAboveOne() {
      assertThatThrownBy(() -> goal(Kpi.NEGATIVE_SHARE, 15))
          .hasMessage(
              "the target of goal 'fewer-complaints' is a share: between 0 and 100 %, not 15.0");
    }

    @Test
    void aHorizonEndingBeforeItStarts() {
      assertThatThrownBy(
              () ->
                  new Goal(
                      "p",
                      "g",
                      Kpi.MENTION_VOLUME,
                      START,
                      START,
                      1,
                      START,
                      START.minusDays(1),
                      "",
                      Cadence.WEEKLY))
          .hasMessage("the horizon of goal 'g' must end after it starts");
    }

    @Test
    void anUnknownKpiNamesTheKnownOnes() {
      assertThatThrownBy(() -> Kpi.of("likes"))
          .hasMessage(
              "unknown KPI 'likes', expected one of mention_volume, share_of_voice, net_sentiment,"
                  + " negative_share, unique_authors");
    }
  }
}
