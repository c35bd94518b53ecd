package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A project's {@code retention:} section and the per-source override. */
class WorkspaceRetentionTest {
  @TempDir Path dir;

  Workspace read(String yaml) throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(file, yaml);
    return WorkspaceReader.read(file);
  }

  @Test
  void withoutASectionEverythingIsKeptForever() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: bahn
                sources:
                  - feed: https://blog.example/feed
            """);

    Workspace.Project project = workspace.project("bahn").orElseThrow();
    assertThat(project.retention()).isEqualTo(Workspace.Retention.FOREVER);
    assertThat(project.retention().keepsEverything()).isTrue();
    assertThat(project.feeds().get(0).retention()).isNull();
  }

  @Test
  void periodsInIsoFormAndInWordsAreRead() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: bahn
                retention:
                  third_party: P15M
                  own_channels: 3 years
                  inbox_closed: 2 years
                sources:
                  - feed: https://blog.example/feed
                    retention: 90 days
                  - feed: https://news.example/feed
                  - mastodon: https://mastodon.social
                    tag: bahn
                    retention: forever
            """);

    Workspace.Project project = workspace.project("bahn").orElseThrow();
    assertThat(project.retention().thirdParty().period()).isEqualTo(Period.ofMonths(15));
    assertThat(project.retention().ownChannels().period()).isEqualTo(Period.ofYears(3));
    assertThat(project.retention().inboxClosed().period()).isEqualTo(Period.ofYears(2));
    assertThat(project.feeds().get(0).retention().period()).isEqualTo(Period.ofDays(90));
    assertThat(project.feeds().get(1).retention()).isNull();
    assertThat(project.liveSources().get(0).retention()).isEqualTo(RetentionPeriod.FOREVER);
  }

  @Test
  void aSectionLeavingAKeyOutKeepsThatForever() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: bahn
                retention:
                  third_party: 15 months
            """);

    Workspace.Retention retention = workspace.project("bahn").orElseThrow().retention();
    assertThat(retention.thirdParty().forever()).isFalse();
    assertThat(retention.ownChannels().forever()).isTrue();
    assertThat(retention.inboxClosed().forever()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"15m", "PT12H", "P0D", "0 days", "15 mins", "soon", "P1.5Y", "-P1Y"})
  void shortOrAmbiguousProjectPeriodsAreRefusedNamingProjectKeyAndValue(String value) {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: bahn
                        retention:
                          third_party: "%s"
                    """
                        .formatted(value)))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(":4: project 'bahn': retention.third_party '" + value + "'")
        .hasMessageContaining("refused");
  }

  @Test
  void aRefusedSourcePeriodNamesTheProjectAndTheSource() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: bahn
                        sources:
                          - name: blog
                            feed: https://blog.example/feed
                            retention: 15m
                    """))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(
            ":6: project 'bahn', source 'blog': retention '15m' is refused: '15m' is not a"
                + " retention period");
  }

  @Test
  void everyRefusedPeriodIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: bahn
                        retention:
                          third_party: 15m
                          inbox_closed: PT1H
                          kept: P1Y
                    """))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("retention.third_party '15m'")
        .hasMessageContaining("retention.inbox_closed 'PT1H'")
        .hasMessageContaining("unknown key 'kept'");
  }

  @Nested
  class Periods {
    @ParameterizedTest
    @CsvSource({
      "P15M, P15M",
      "P3Y, P3Y",
      "p2y6m, P2Y6M",
      "15 months, P15M",
      "1 year, P1Y",
      "6 weeks, P42D",
      "1 day, P1D",
      "forever, forever"
    })
    void areReadAsTheirIsoForm(String given, String iso) {
      assertThat(RetentionPeriod.parse(given)).hasToString(iso);
    }

    @Test
    void theCutoffCountsCalendarMonthsInUtc() {
      Instant now = Instant.parse("2026-12-06T03:00:00Z");
      assertThat(RetentionPeriod.parse("P15M").cutoff(now))
          .contains(Instant.parse("2025-09-06T03:00:00Z"));
      assertThat(RetentionPeriod.FOREVER.cutoff(now)).isEmpty();
    }
  }
}
