package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.cluetrain.report.goal.Cadence;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.Kpi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A project's {@code goals:} section. */
class WorkspaceGoalsTest {
  @TempDir Path dir;

  Workspace read(String goals) throws Exception {
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
        """
            + goals.indent(6));
    return WorkspaceReader.read(file);
  }

  @Test
  void aGoalIsReadWithItsPeriodsTargetOwnerAndCadence() throws Exception {
    Workspace workspace =
        read(
            """
            - name: weniger-beschwerden
              kpi: negative_share
              baseline: 2026-Q3
              target: 12,5 %
              horizon: 2027..2028
              owner: anna
              check_in: monthly
            """);
    Goal goal = workspace.project("nordlicht").orElseThrow().goals().get(0);
    assertThat(goal)
        .isEqualTo(
            new Goal(
                "nordlicht",
                "weniger-beschwerden",
                Kpi.NEGATIVE_SHARE,
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30),
                0.125,
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2028, 12, 31),
                "anna",
                Cadence.MONTHLY));
    assertThat(goal.checkIns()).hasSize(24);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-10-12..2026-11-08 | 2026-10-12 | 2026-11-08",
        "2027-Q2                | 2027-04-01 | 2027-06-30",
        "2026-02                | 2026-02-01 | 2026-02-28",
        "2027                   | 2027-01-01 | 2027-12-31",
        "2027..2029             | 2027-01-01 | 2029-12-31"
      })
  void periodsAreDaysAQuarterAMonthAYearOrYears(String text, String first, String last) {
    LocalDate[] range = GoalValues.parseRange(text);
    assertThat(range).containsExactly(LocalDate.parse(first), LocalDate.parse(last));
  }

  @Test
  void aCountTargetIsANumberAndTheCadenceIsWeeklyUnlessSaid() throws Exception {
    Goal goal =
        read("""
                - name: mehr-stimmen
                  kpi: unique-authors
                  baseline: 2026-10
                  target: 40
                  horizon: 2027-Q1
                """)
            .project("nordlicht")
            .orElseThrow()
            .goals()
            .get(0);
    assertThat(goal.kpi()).isEqualTo(Kpi.UNIQUE_AUTHORS);
    assertThat(goal.target()).isEqualTo(40);
    assertThat(goal.cadence()).isEqualTo(Cadence.WEEKLY);
    assertThat(goal.owner()).isEmpty();
  }

  @Nested
  class Refused {
    @Test
    void anUnknownKpiNamesLineProjectGoalAndValue() {
      assertThatThrownBy(
              () ->
                  read(
                      """
                      - name: beliebt
                        kpi: likes
                        baseline: 2026-10
                        target: 10
                        horizon: 2027
                      """))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining(
              ":8: project 'nordlicht', goal 'beliebt': unknown KPI 'likes', expected one of"
                  + " mention_volume, share_of_voice");
    }

    @Test
    void aTargetThatIsNotANumber() {
      assertThatThrownBy(
              () ->
                  read(
                      """
                      - name: beliebt
                        kpi: mention_volume
                        baseline: 2026-10
                        target: viele
                        horizon: 2027
                      """))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining(
              ":10: project 'nordlicht', goal 'beliebt': target 'viele' is not a number");
    }

    @Test
    void aShareWrittenAsAWholeNumber() {
      assertThatThrownBy(
              () ->
                  read(
                      """
                      - name: ruhe
                        kpi: negative_share
                        baseline: 2026-10
                        target: 15
                        horizon: 2027
                      """))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining(
              ":10: project 'nordlicht', goal 'ruhe': target '15' is no share: write"
                  + " negative_share in percent, such as 10%");
    }

    @Test
    void aPeriodThatIsNone() {
      assertThatThrownBy(
              () ->
                  read(
                      """
                      - name: ruhe
                        kpi: negative_share
                        baseline: letzten Monat
                        target: 15%
                        horizon: 2027-Q5
                      """))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining(
              ":9: project 'nordlicht', goal 'ruhe': baseline 'letzten Monat' is not a period")
          .hasMessageContaining(
              ":11: project 'nordlicht', goal 'ruhe': horizon '2027-Q5' is not a period");
    }

    @Test
    void aHorizonEndingBeforeItStartsAndATwiceDeclaredGoal() {
      assertThatThrownBy(
              () ->
                  read(
                      """
                      - name: ruhe
                        kpi: negative_share
                        baseline: 2026-10
                        target: 15%
                        horizon: 2027-06-01..2027-01-01
                      - name: stimmen
                        kpi: unique_authors
                        baseline: 2026-10
                        target: 15
                        horizon: 2027
                      - name: stimmen
                        kpi: unique_authors
                        baseline: 2026-10
                        target: 20
                        horizon: 2028
                      """))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining(
              ":11: project 'nordlicht', goal 'ruhe': horizon '2027-06-01..2027-01-01'")
          .hasMessageContaining(":17: project 'nordlicht': goal 'stimmen' is declared twice");
    }
  }
}
