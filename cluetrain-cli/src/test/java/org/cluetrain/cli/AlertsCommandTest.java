package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cluetrain.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluetrain alerts} end to end on a small stream written for this test: four quiet days
 * about a fictional brand, then thirty complaints in forty minutes.
 */
class AlertsCommandTest {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant BURST = START.plus(Duration.ofDays(4)).plus(Duration.ofHours(10));

  @TempDir Path dir;
  private String workspace;
  private String data;

  @BeforeEach
  void importTheStream() throws Exception {
    Random random = new Random(7);
    List<String> rows = new ArrayList<>(List.of("id,text,author,published"));
    int id = 0;
    for (Instant hour = START; hour.isBefore(BURST); hour = hour.plus(Duration.ofHours(1))) {
      int hourOfDay = (int) (hour.getEpochSecond() / 3600 % 24);
      int posts = hourOfDay >= 8 && hourOfDay < 20 ? 2 + random.nextInt(3) : random.nextInt(2);
      for (int i = 0; i < posts; i++) {
        rows.add(
            "q"
                + (++id)
                + ",\"the acme phone camera is fine, acme support too\",fan"
                + random.nextInt(40)
                + ","
                + hour.plusSeconds(random.nextInt(3600)));
      }
    }
    for (int i = 0; i < 30; i++) {
      rows.add(
          "b"
              + i
              + ",\"acme battery recall, my phone got hot #"
              + i
              + "\",worried"
              + i
              + ","
              + BURST.plusSeconds(80L * i));
    }
    Path csv = Files.write(dir.resolve("acme.csv"), rows);
    workspace =
        Files.writeString(
                dir.resolve("cluetrain.yaml"),
                """
                languages: [en, de]
                projects:
                  - name: acme
                    queries:
                      - name: brand
                        query: acme
                """)
            .toString();
    data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("import", csv.toString(), "--workspace", workspace, "--data", data);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  @Test
  void reportShowsTheOverviewFiguresAsTextAndAsJson() throws Exception {
    String[] period = {"--since", "2026-03-01", "--until", "2026-03-08"};
    CliRun text = CliRun.of(args("report", period));
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith("Overview of acme, 2026-03-01 – 2026-03-07")
        .contains("volume by query:")
        .contains("share of voice:");
    CliRun json = CliRun.of(args("report", period, "--format", "json"));
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode report = Json.mapper().readTree(json.out());
    assertThat(report.get("project").asText()).isEqualTo("acme");
    long mentions = report.get("mentions").asLong();
    assertThat(mentions).isPositive();
    long volume = 0;
    for (JsonNode day : report.get("volume").get(0).get("values")) {
      volume += day.asLong();
    }
    assertThat(volume).isEqualTo(mentions); // one query: each matched post counted once
    assertThat(text.out()).contains(String.format("%,d mentions", mentions));
  }

  @Test
  void reportWritesADocumentAsHtmlAndAsPdf() throws Exception {
    Path pdf = dir.resolve("acme.pdf");
    CliRun written =
        CliRun.of(
            args(
                "report",
                new String[] {"--period", "week", "--at", "2026-03-06"},
                "--format",
                "pdf",
                "--out",
                pdf.toString()));
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).contains("report of acme, 2026-03-02 – 2026-03-08, written to");
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(pdf))) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("Report report · acme")
          .contains("Mentions");
    }
    CliRun html =
        CliRun.of(
            args(
                "report",
                new String[] {"--since", "2026-03-05"},
                "--format",
                "html",
                "--until",
                "2026-03-07"));
    assertThat(html.exitCode()).as(html.err()).isZero();
    assertThat(html.out())
        .startsWith("<html")
        .contains("Mar 5, 2026 – Mar 6, 2026, compared with Mar 3, 2026 – Mar 4, 2026");
    CliRun refused = CliRun.of(args("report", new String[] {"--format", "pdf"}));
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("--format pdf needs --out FILE");
    CliRun unknown =
        CliRun.of(args("report", new String[] {"--report", "weekly"}, "--format", "html"));
    assertThat(unknown.err()).contains("project 'acme' defines no report 'weekly'");
  }

  private String[] args(String command, String[] period, String... more) {
    List<String> all = new ArrayList<>(List.of(command, "--workspace", workspace, "--data", data));
    all.addAll(List.of(period));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void backtestPrintsTheAlertsThatWouldHaveFiredWithTheirExplanations() {
    CliRun text =
        CliRun.of(
            "alerts", "backtest", "--project", "acme", "--workspace", workspace, "--data", data);
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith("Backtest of acme: 4 rules, ")
        .contains("Posts on acme/brand: ")
        .contains("top terms: ")
        .contains("recall")
        .contains("baseline 2026-");
  }

  @Test
  void backtestAsJsonHasTheAlertsAndTheirExplanations() throws Exception {
    CliRun json =
        CliRun.of(
            "alerts",
            "backtest",
            "--project",
            "acme",
            "--since",
            "2026-03-05",
            "--format",
            "json",
            "--workspace",
            workspace,
            "--data",
            data);
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode report = Json.mapper().readTree(json.out());
    assertThat(report.get("project").asText()).isEqualTo("acme");
    assertThat(report.get("since").asText()).isEqualTo("2026-03-05T00:00:00Z");
    JsonNode alerts = report.get("alerts");
    assertThat(alerts.size()).isPositive();
    List<String> detectors = new ArrayList<>();
    for (JsonNode alert : alerts) {
      detectors.add(alert.get("detector").asText());
      Instant at = Instant.parse(alert.get("explanation").get("window_end").asText());
      assertThat(at).isBetween(BURST, BURST.plus(Duration.ofHours(1)));
    }
    assertThat(detectors).contains("volume", "new-voices");
    JsonNode why = alerts.get(0).get("explanation");
    assertThat(why.get("observed").asDouble()).isGreaterThan(why.get("expected").asDouble());
    assertThat(why.get("examples").size()).isPositive();
  }

  @Test
  void rulesListAndAcknowledgeSayWhatTheyDid() {
    CliRun rules = CliRun.of("alerts", "rules", "--workspace", workspace, "--data", data);
    assertThat(rules.out().lines())
        .hasSize(4)
        .first()
        .asString()
        .startsWith("acme/volume: volume on every query, sensitivity medium, min-volume 10");
    CliRun list = CliRun.of("alerts", "list", "--workspace", workspace, "--data", data);
    assertThat(list.out()).isEqualTo("No alerts.\n");
    CliRun ack = CliRun.of("alerts", "ack", "nope", "--workspace", workspace, "--data", data);
    assertThat(ack.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(ack.err()).isEqualTo("cluetrain: no alert with id nope\n");
    CliRun badRule =
        CliRun.of(
            "alerts", "backtest", "--rule", "spikes", "--workspace", workspace, "--data", data);
    assertThat(badRule.err())
        .isEqualTo(
            "cluetrain: no rule 'spikes' in project acme; it has [volume, negative-share,"
                + " new-voices, spillover]\n");
  }
}
