package org.cluetrain.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceException;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.detect.Sensitivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertWorkspaceTest {
  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("cluetrain.yaml"), yaml);
  }

  @Test
  void aProjectWithoutAnAlertsSectionGetsTheDefaultRules() throws Exception {
    Workspace workspace =
        WorkspaceReader.read(
            file(
                """
                projects:
                  - name: acme
                    sources:
                      - feed: https://www.news.example/feed.xml
                    queries:
                      - name: brand
                        query: acme
                """));
    List<AlertRule> rules = workspace.project("acme").orElseThrow().alerts().rules();
    assertThat(rules)
        .extracting(AlertRule::detector)
        .containsExactly(
            DetectorKind.VOLUME,
            DetectorKind.NEGATIVE_SHARE,
            DetectorKind.NEW_VOICES,
            DetectorKind.SPILLOVER);
    assertThat(rules).allSatisfy(r -> assertThat(r.query()).isNull());
    assertThat(rules.get(0).newsSites()).containsExactly("news.example");
    assertThat(rules.get(1).window()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void rulesAndDestinationsAreRead() throws Exception {
    Workspace workspace =
        WorkspaceReader.read(
            file(
                """
                smtp:
                  host: 127.0.0.1
                  port: 2525
                  from: alerts@acme.example
                projects:
                  - name: acme
                    queries:
                      - name: brand
                        query: acme
                    alerts:
                      destinations:
                        - name: ops
                          mattermost: https://chat.acme.example/hooks/abc
                        - name: archive
                          webhook: http://127.0.0.1:9000/alerts
                        - name: team
                          email: [ann@acme.example, bob@acme.example]
                      rules:
                        - name: negative-brand
                          detector: volume
                          query: brand
                          sentiment: negative
                          sensitivity: high
                          min-volume: 5
                          cooldown: 12h
                          recipients: [ops, team]
                """));
    Workspace.Alerts alerts = workspace.project("acme").orElseThrow().alerts();
    assertThat(alerts.destinations())
        .extracting(Workspace.Destination::kind)
        .containsExactly(
            Workspace.DestinationKind.CHAT,
            Workspace.DestinationKind.WEBHOOK,
            Workspace.DestinationKind.EMAIL);
    assertThat(alerts.destinations().get(2).emails())
        .containsExactly("ann@acme.example", "bob@acme.example");
    AlertRule rule = alerts.rules().get(0);
    assertThat(rule.sentiment()).isEqualTo("negative");
    assertThat(rule.sensitivity()).isEqualTo(Sensitivity.HIGH);
    assertThat(rule.minVolume()).isEqualTo(5);
    assertThat(rule.cooldown()).isEqualTo(Duration.ofHours(12));
    assertThat(rule.recipients()).containsExactly("ops", "team");
    assertThat(workspace.smtp().port()).isEqualTo(2525);
  }

  @Test
  void everyProblemIsReportedWithFileAndLine() throws Exception {
    Path file =
        file(
            """
            projects:
              - name: acme
                queries:
                  - name: brand
                    query: acme
                alerts:
                  destinations:
                    - name: team
                      email: ann@acme.example
                    - name: ops
                      slack: not-a-url
                  rules:
                    - name: spikes
                      detector: spike
                    - name: brand
                      detector: volume
                      query: brandd
                      cooldown: 6 hours
                      recipients: [pager]
                    - name: share
                      detector: negative-share
                      sentiment: negative
            """);
    assertThatThrownBy(() -> WorkspaceReader.read(file))
        .isInstanceOf(WorkspaceException.class)
        .satisfies(
            e ->
                assertThat(((WorkspaceException) e).problems())
                    .containsExactly(
                        file
                            + ":9: destination 'team' sends e-mail, but the workspace has no"
                            + " 'smtp' section naming a mail server",
                        file + ":11: destination 'ops': 'not-a-url' is not an http(s) URL",
                        file
                            + ":14: unknown detector 'spike', expected one of volume,"
                            + " negative-share, new-voices, spillover",
                        file
                            + ":17: rule 'brand' watches query 'brandd', which project acme does"
                            + " not have; it has [brand]",
                        file
                            + ":18: cooldown '6 hours' is not a duration such as 90s, 15m, 6h,"
                            + " 28d",
                        file
                            + ":19: recipient 'pager' is not a destination of the project;"
                            + " destinations: team",
                        file
                            + ":20: rule 'share': only volume rules filter by sentiment (the"
                            + " negative-share detector looks at all posts)"));
  }

  @Test
  void rulesSentOverTheApiAreReadAsJson() throws Exception {
    Workspace workspace =
        WorkspaceReader.read(
            file(
                """
                projects:
                  - name: acme
                    queries:
                      - name: brand
                        query: acme
                """));
    List<AlertRule> rules =
        WorkspaceReader.alertRules(
            "request",
            "[{\"name\": \"v\", \"detector\": \"volume\", \"window\": \"30m\"}]",
            workspace,
            "acme");
    assertThat(rules.get(0).window()).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(
            () -> WorkspaceReader.alertRules("request", "[{\"name\": \"v\"}]", workspace, "acme"))
        .hasMessage("request:1: a rule needs 'detector'");
  }
}
