package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.cluetrain.report.goal.Cadence;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.report.goal.Kpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link GoalStore}: every save appends a version (numbered per project and
 * name, nothing overwritten), a project's goals are the latest versions by name, everything round
 * trips exactly across a reopen, and deleting a goal keeps its history.
 */
public abstract class GoalStoreCompatibilityKit {
  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir protected Path directory;

  /**
   * Opens the goal store whose data lives in {@code directory}: empty the first time, the same data
   * when opened again after the previous one was closed.
   */
  protected abstract GoalStore open(Path directory);

  private static Goal goal(String project, String name, Kpi kpi, double target, String owner) {
    return new Goal(
        project,
        name,
        kpi,
        LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-01-31"),
        target,
        LocalDate.parse("2026-02-01"),
        LocalDate.parse("2026-04-30"),
        owner,
        Cadence.MONTHLY);
  }

  @Test
  void everySaveAppendsAVersionAndTheLatestIsInEffect() {
    Goal first = goal("bahn", "fewer-complaints", Kpi.NEGATIVE_SHARE, 0.15, "social team");
    Goal second =
        new Goal(
            "bahn",
            "fewer-complaints",
            Kpi.NEGATIVE_SHARE,
            LocalDate.parse("2025-12-01"),
            LocalDate.parse("2025-12-31"),
            0.125,
            LocalDate.parse("2026-02-02"),
            LocalDate.parse("2026-06-30"),
            "ana",
            Cadence.WEEKLY);
    Goal other = goal("airlines", "reach", Kpi.UNIQUE_AUTHORS, 1200, "");
    Goal another = goal("bahn", "awareness", Kpi.MENTION_VOLUME, 5000, "jo");
    try (GoalStore goals = open(directory)) {
      assertThat(goals.save(first, "jo", T)).isEqualTo(new GoalStore.Version(first, 1, "jo", T));
      goals.save(other, "ana", T);
      assertThat(goals.save(second, "ana", T.plusSeconds(60)))
          .isEqualTo(new GoalStore.Version(second, 2, "ana", T.plusSeconds(60)));
      goals.save(another, "jo", T.plusSeconds(120));
    }
    try (GoalStore goals = open(directory)) {
      assertThat(goals.goals("bahn"))
          .containsExactly(
              new GoalStore.Version(another, 1, "jo", T.plusSeconds(120)),
              new GoalStore.Version(second, 2, "ana", T.plusSeconds(60)));
      assertThat(goals.goals("airlines"))
          .containsExactly(new GoalStore.Version(other, 1, "ana", T));
      assertThat(goals.goals("nobody")).isEmpty();
      assertThat(goals.history("bahn", "fewer-complaints"))
          .containsExactly(
              new GoalStore.Version(first, 1, "jo", T),
              new GoalStore.Version(second, 2, "ana", T.plusSeconds(60)));
      assertThat(goals.history("airlines", "fewer-complaints")).isEmpty();
    }
  }

  @Test
  void aSaveOfTheSameGoalUnchangedIsStillAVersion() {
    Goal goal = goal("bahn", "sentiment", Kpi.NET_SENTIMENT, -0.05, "jo");
    try (GoalStore goals = open(directory)) {
      goals.save(goal, "jo", T);
      goals.save(goal, "ana", T.plusSeconds(1));
      assertThat(goals.history("bahn", "sentiment"))
          .extracting(GoalStore.Version::number, GoalStore.Version::editedBy)
          .containsExactly(tuple(1, "jo"), tuple(2, "ana"));
    }
  }

  @Test
  void deletingAnswersWhetherThereWasOneAndKeepsTheHistory() {
    Goal goal = goal("bahn", "share", Kpi.SHARE_OF_VOICE, 0.4, "jo");
    try (GoalStore goals = open(directory)) {
      goals.save(goal, "jo", T);
      assertThat(goals.delete("airlines", "share")).isFalse();
      assertThat(goals.delete("bahn", "share")).isTrue();
      assertThat(goals.delete("bahn", "share")).isFalse();
      assertThat(goals.goals("bahn")).isEmpty();
      assertThat(goals.history("bahn", "share")).hasSize(1);
      assertThat(goals.save(goal, "ana", T.plusSeconds(5)).number()).isEqualTo(2);
      assertThat(goals.goals("bahn")).extracting(GoalStore.Version::number).containsExactly(2);
    }
  }
}
