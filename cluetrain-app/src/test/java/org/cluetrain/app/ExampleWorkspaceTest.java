package org.cluetrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.cluetrain.alert.Alert;
import org.cluetrain.app.alert.BacktestReport;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.report.Multipliers;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;
import org.cluetrain.report.PeriodKind;
import org.cluetrain.report.Report;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.report.SourceSentiment;
import org.cluetrain.report.Topics;
import org.cluetrain.report.goal.GoalProgress;
import org.cluetrain.report.goal.GoalTracker;
import org.cluetrain.store.ProjectActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workspace's sample of several weeks shows every page at work: a newcomer sees the
 * outage of 10 November as a spike the alert rules catch, as emerging topics, as the thread that
 * grows fastest, and the blogger whose posts draw the discussion among the multipliers.
 */
class ExampleWorkspaceTest {
  @TempDir Path data;

  @Test
  void theOutageIsASpikeATopicAGrowingThreadAndAnAlert() throws Exception {
    Workspace workspace =
        WorkspaceReader.read(ListeningEndToEndTest.EXAMPLE_WORKSPACE)
            .withProjects(List.of("nordlicht"));
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      new FileImporter(runtime.pipeline(), Formats.standard())
          .importWorkspace(
              workspace,
              (project, report) -> {
                assertThat(report.problems()).isEmpty();
                assertThat(report.stored()).isGreaterThan(500);
              });

      Instant since = Instant.parse("2026-11-01T00:00:00Z");
      OverviewReport overview =
          runtime.overview(
              "nordlicht", new Period(since, Instant.parse("2026-11-23T00:00:00Z"), 22, null));
      assertThat(overview.negative()).isGreaterThan(overview.mentions() / 4);
      assertThat(overview.topics().emerging())
          .extracting(Topics.Term::phrase)
          .contains("netzausfall");
      List<ProjectActivity.ThreadGrowth> threads = overview.activity().growingThreads();
      assertThat(threads.get(0).thread().title()).contains("Störung im Nordlicht-Netz");
      assertThat(threads.get(0).postsInPeriod()).isGreaterThan(40);
      assertThat(overview.activity().answeredAuthors())
          .extracting(ProjectActivity.AuthorCount::name)
          .contains("Jana Petersen");
      assertThat(overview.multipliers().complete()).isTrue();
      assertThat(overview.multipliers().ranked())
          .extracting(Multipliers.Multiplier::name)
          .contains("Jana Petersen")
          .noneMatch(name -> name.contains("Kredit"));
      assertThat(overview.sourceSentiment()).isNotEmpty();
      assertThat(overview.sourceSentiment().stream().mapToLong(SourceSentiment::mentions).sum())
          .as("the top sources hold at most every mention")
          .isLessThanOrEqualTo(overview.mentions());
      assertThat(overview.sourceSentiment())
          .as("the forum thread about the outage is the most negative source")
          .anyMatch(s -> s.net() < -0.3 && s.mentions() >= 10);
      assertThat(overview.activity().activeAuthors())
          .extracting(ProjectActivity.AuthorCount::name)
          .noneMatch(name -> name.contains("Kredit"));

      List<InboxItem> inbox =
          runtime
              .inbox()
              .items(
                  new InboxQuery(
                      "nordlicht", Set.of(), null, false, null, null, false, Instant.now(), 1000));
      assertThat(inbox)
          .extracting(InboxItem::authorName)
          .as("the brand's own status post is no item; its customers' comments are")
          .doesNotContain("Nordlicht Mobil")
          .contains("Jana Petersen");
      assertThat(inbox).extracting(InboxItem::tags).anyMatch(t -> t.contains("eigener-kanal"));

      ReportDefinition monthly =
          workspace.project("nordlicht").orElseThrow().report("monatsbericht").orElseThrow();
      assertThat(monthly.language()).isEqualTo("de");
      Report report =
          runtime.report(
              "nordlicht", monthly, PeriodKind.MONTH.containing(LocalDate.of(2026, 11, 10)));
      assertThat(report.previousPeriod().firstDate()).isEqualTo(LocalDate.of(2026, 10, 1));
      assertThat(report.figure("mentions").value())
          .as("November with the outage against October")
          .isGreaterThan(report.figure("mentions").previous());
      assertThat(report.figure("negative_share").change()).isPositive();
      assertThat(report.figure("mentions").previous()).isEqualTo(report.previous().mentions());
      assertThat(report.figure("voices").value()).isEqualTo(report.current().voices());
      assertThat(report.goals())
          .as("the goals as they stood when November ended")
          .extracting(g -> g.goal().name())
          .containsExactly("weniger-beschwerden", "mehr-stimmen");
      assertThat(report.goals().get(0).points())
          .allMatch(p -> !p.end().isAfter(LocalDate.of(2026, 12, 1)));

      BacktestReport backtest = runtime.alerts().backtest("nordlicht", since, null, null);
      assertThat(backtest.alerts())
          .extracting(Alert::raisedAt)
          .anyMatch(
              at ->
                  at.isAfter(Instant.parse("2026-11-10T06:00:00Z"))
                      && at.isBefore(Instant.parse("2026-11-10T12:00:00Z")));

      GoalTracker goals =
          runtime.goalTracker(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
      Workspace.Project nordlicht = workspace.project("nordlicht").orElseThrow();
      GoalProgress complaints = goals.progress(nordlicht.goal("weniger-beschwerden").orElseThrow());
      assertThat(complaints.baseline()).isBetween(0.15, 0.30);
      assertThat(complaints.points()).hasSize(4);
      assertThat(complaints.points().get(2).start()).isEqualTo(LocalDate.of(2026, 11, 9));
      assertThat(complaints.points().get(2).value())
          .as("the outage week is the worst")
          .isGreaterThan(0.4);
      assertThat(complaints.status())
          .as("after the outage the negative share is not on course for 15 %")
          .isEqualTo(GoalProgress.Status.BEHIND);
      GoalProgress voices = goals.progress(nordlicht.goal("mehr-stimmen").orElseThrow());
      assertThat(voices.points()).extracting(GoalProgress.Point::value).allMatch(v -> v > 20);
      assertThat(voices.status()).isEqualTo(GoalProgress.Status.ON_TRACK);
    }
  }
}
