package org.cluetrain.app.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.report.goal.Cadence;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.report.goal.GoalTracker;
import org.cluetrain.report.goal.Kpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals in effect: the file's, replaced by versions saved in the interface, then new ones. */
class GoalsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;

  @Test
  void aSavedVersionReplacesTheFilesGoalAndNewGoalsFollow() throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(
        file,
        """
        projects:
          - name: nordlicht
            queries:
              - name: marke
                query: nordlicht
            goals:
              - name: weniger-beschwerden
                kpi: negative_share
                baseline: 2026-Q3
                target: 12,5 %
                horizon: 2027..2028
                check_in: monthly
              - name: reichweite
                kpi: mention_volume
                baseline: 2026-Q3
                target: 500
                horizon: 2027
                check_in: monthly
        """);
    Workspace workspace = WorkspaceReader.read(file);
    try (JdbcStorage storage = JdbcStorage.openSqlite(dir.resolve("ledger.db"))) {
      GoalTracker tracker =
          new GoalTracker(
              (project, period) -> {
                throw new AssertionError("not measured here");
              },
              Clock.systemUTC());
      Goals goals =
          new Goals(workspace, storage.goals(), tracker, Clock.fixed(NOW, ZoneOffset.UTC));
      Goal fromFile = goals.find("nordlicht", "weniger-beschwerden").orElseThrow();
      assertThat(goals.entry("nordlicht", "weniger-beschwerden").orElseThrow().origin())
          .isEqualTo(Goals.Origin.WORKSPACE);
      assertThat(goals.history("nordlicht", "weniger-beschwerden")).isEmpty();

      Goal changed =
          new Goal(
              "nordlicht",
              "weniger-beschwerden",
              fromFile.kpi(),
              fromFile.baselineFrom(),
              fromFile.baselineTo(),
              0.10,
              fromFile.horizonStart(),
              fromFile.horizonEnd(),
              "anna",
              fromFile.cadence());
      Goal created =
          new Goal(
              "nordlicht",
              "a-neu",
              fromFile.kpi(),
              fromFile.baselineFrom(),
              fromFile.baselineTo(),
              0.2,
              fromFile.horizonStart(),
              fromFile.horizonEnd(),
              "",
              fromFile.cadence());
      assertThat(goals.save(changed, "anna"))
          .isEqualTo(new GoalStore.Version(changed, 1, "anna", NOW));
      goals.save(created, "jo");

      assertThat(goals.entries("nordlicht"))
          .extracting(e -> e.goal().name(), Goals.Entry::origin)
          .containsExactly(
              tuple("weniger-beschwerden", Goals.Origin.EDITED_OVER_WORKSPACE),
              tuple("reichweite", Goals.Origin.WORKSPACE),
              tuple("a-neu", Goals.Origin.EDITED));
      assertThat(goals.find("nordlicht", "weniger-beschwerden")).contains(changed);

      storage.goals().delete("nordlicht", "weniger-beschwerden");
      assertThat(goals.find("nordlicht", "weniger-beschwerden")).contains(fromFile);
      assertThat(goals.history("nordlicht", "weniger-beschwerden")).hasSize(1);
    }
  }

  @Test
  void aGoalOfAProjectTheWorkspaceDoesNotHaveIsRefused() throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(
        file,
        """
        projects:
          - name: nordlicht
            queries:
              - name: marke
                query: nordlicht
        """);
    Workspace workspace = WorkspaceReader.read(file);
    try (JdbcStorage storage = JdbcStorage.openSqlite(dir.resolve("ledger.db"))) {
      Goals goals =
          new Goals(
              workspace,
              storage.goals(),
              new GoalTracker(
                  (p, period) -> {
                    throw new AssertionError("not measured here");
                  },
                  Clock.systemUTC()),
              Clock.fixed(NOW, ZoneOffset.UTC));
      Goal goal =
          new Goal(
              "elsewhere",
              "x",
              Kpi.MENTION_VOLUME,
              LocalDate.of(2026, 1, 1),
              LocalDate.of(2026, 1, 31),
              10,
              LocalDate.of(2026, 2, 1),
              LocalDate.of(2026, 3, 1),
              "",
              Cadence.WEEKLY);
      assertThatThrownBy(() -> goals.save(goal, "jo"))
          .hasMessage("no project 'elsewhere' in the workspace");
      assertThat(storage.goals().goals("elsewhere")).isEmpty();
      assertThat(goals.entries("elsewhere")).isEmpty();
    }
  }
}
