package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.cluetrain.report.PeriodKind;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.report.ReportSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's {@code reports:} section. */
class WorkspaceReportsTest {
  @TempDir Path dir;

  Workspace read(String yaml) throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(file, yaml);
    return WorkspaceReader.read(file);
  }

  @Test
  void aDefinitionIsReadWithItsScheduleAndRecipients() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: bahn
                reports:
                  - name: monthly
                    sections: [overview, sentiment, sources]
                    period: month
                    language: de
                    schedule: weekly on monday 08:00
                    recipients: [team@bahn.example, chef@bahn.example]
                  - name: quick
            """);

    Workspace.Project project = workspace.project("bahn").orElseThrow();
    ReportDefinition monthly = project.report("monthly").orElseThrow();
    assertThat(monthly.ordered())
        .containsExactly(ReportSection.OVERVIEW, ReportSection.SENTIMENT, ReportSection.SOURCES);
    assertThat(monthly.period()).isEqualTo(PeriodKind.MONTH);
    assertThat(monthly.language()).isEqualTo("de");
    assertThat(monthly.schedule().cron()).isEqualTo("0 8 * * 1");
    assertThat(monthly.recipients()).containsExactly("team@bahn.example", "chef@bahn.example");
    ReportDefinition quick = project.report("quick").orElseThrow();
    assertThat(quick.sections()).isEqualTo(EnumSet.allOf(ReportSection.class));
    assertThat(quick.language()).isEqualTo("en");
    assertThat(quick.schedule()).isNull();
    assertThat(project.reports())
        .extracting(ReportDefinition::name)
        .containsExactly("monthly", "quick");
  }

  @Test
  void everyBadValueIsReportedAtOnceWithItsLineProjectAndReport() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: bahn
                        reports:
                          - name: weekly
                            sections: [overview, weather]
                            period: fortnight
                            language: fr
                            schedule: every tuesday
                            recipients: [not-an-address]
                    """))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(
            ":5: project 'bahn', report 'weekly': unknown report section 'weather', expected one"
                + " of overview, goals, volume")
        .hasMessageContaining(
            ":6: project 'bahn', report 'weekly': unknown period 'fortnight', expected one of"
                + " week, month, quarter, year, custom")
        .hasMessageContaining(
            ":7: project 'bahn', report 'weekly': language 'fr' is not one of de, en")
        .hasMessageContaining(
            ":8: project 'bahn', report 'weekly': schedule 'every tuesday' is not understood")
        .hasMessageContaining(
            ":9: project 'bahn', report 'weekly': recipient 'not-an-address' is not an e-mail"
                + " address");
  }

  @Test
  void aScheduleWithoutRecipientsAndATwiceDeclaredNameAreRefused() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: bahn
                        reports:
                          - name: weekly
                            schedule: 0 8 * * 1
                          - name: other
                          - name: other
                    """))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(
            ":4: project 'bahn', report 'weekly': report 'weekly' has a schedule but no"
                + " recipients")
        .hasMessageContaining(":7: project 'bahn', report 'other' is declared twice");
  }

  @Test
  void aBadCronFieldIsNamed() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: bahn
                        reports:
                          - name: weekly
                            schedule: 0 25 * * 1
                            recipients: team@bahn.example
                    """))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(
            ":5: project 'bahn', report 'weekly': the hour field '25' is not a number, range or"
                + " step within 0–23");
  }
}
