package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cluetrain.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
  static final String WORKSPACE = "../examples/workspace.yaml";
  static final String WXR_SAMPLE = "../examples/samples/unterwegs-mit-der-bahn.wxr.xml";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "import",
        "search",
        "export",
        "stats",
        "serve",
        "query",
        "query check",
        "query match",
        "query test",
        "train",
        "eval",
        "classify",
        "label",
        "label add",
        "label next",
        "retention",
        "retention run",
        "goals",
        "goals list",
        "goals show"
      })
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").strip().split(" ");
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: cluetrain");
  }

  @Nested
  class Import {
    @Test
    void importsOnceAndAgainWithoutDuplicates() {
      String data = dir.resolve("data").toString();
      CliRun first = CliRun.of("import", "--data", data, "-w", WORKSPACE, "-p", "bahn", WXR_SAMPLE);
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out()).contains("wxr, 12 read, 12 new, 0 already stored");
      CliRun second =
          CliRun.of("import", "--data", data, "-w", WORKSPACE, "-p", "bahn", WXR_SAMPLE);
      assertThat(second.out()).contains("12 read, 0 new, 12 already stored");
    }

    @Test
    void anUnusableFileExitsWith2AndSaysWhy() throws Exception {
      Path junk = Files.writeString(dir.resolve("notes.txt"), "just some notes, not posts\n");
      CliRun run = CliRun.of("import", "--data", dir.resolve("data").toString(), junk.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("notes.txt").doesNotContain("Exception");
    }

    @Test
    void aMissingFileExitsWith2() {
      CliRun run =
          CliRun.of("import", "--data", dir.resolve("data").toString(), "no-such-file.xml");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("no-such-file.xml: no such file");
    }

    @Test
    void perItemErrorsExitWith3AndTheOtherItemsAreImported() throws Exception {
      Path ndjson = dir.resolve("posts.ndjson");
      Files.writeString(
          ndjson,
          """
          {"id": "1", "text": "Die Bahn ist pünktlich", "published": "2026-11-20T10:00:00Z", "author": "anna"}
          {"id": "2", "text": "kaputte Zeile
          {"id": "3", "text": "Der ICE fällt aus", "published": "2026-11-20T11:00:00Z", "author": "ben"}
          """,
          StandardCharsets.UTF_8);
      CliRun run = CliRun.of("import", "--data", dir.resolve("data").toString(), ndjson.toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
      assertThat(run.out()).contains("2 new");
      assertThat(run.err()).contains("posts.ndjson").contains("line 2");
    }

    @Test
    void anOpmlListSubscribesTheProjectToItsFeedsOnce() throws Exception {
      Path opml = dir.resolve("feeds.opml");
      Files.writeString(
          opml,
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <opml version="2.0"><head><title>Bahn-Blogs</title></head><body>
            <outline text="Blogs">
              <outline text="Unterwegs" type="rss" xmlUrl="https://unterwegs.example/feed/" htmlUrl="https://unterwegs.example/"/>
              <outline text="Pendlerblog" type="rss" xmlUrl="https://pendler.example/rss.xml"/>
            </outline>
          </body></opml>
          """);
      String data = dir.resolve("data").toString();
      CliRun first =
          CliRun.of("import", "--data", data, "-w", WORKSPACE, "-p", "bahn", opml.toString());
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out()).contains("2 feeds listed, 2 newly subscribed for project bahn");
      CliRun again =
          CliRun.of("import", "--data", data, "-w", WORKSPACE, "-p", "bahn", opml.toString());
      assertThat(again.out()).contains("2 feeds listed, 0 newly subscribed");
    }

    @Test
    void anUnknownFormatNameIsRefusedWithTheKnownOnes() {
      CliRun run =
          CliRun.of(
              "import", "--data", dir.resolve("data").toString(), "--format", "docx", WXR_SAMPLE);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("docx").contains("wxr");
    }
  }

  @Nested
  class Search {
    @Test
    void printsJsonLinesWithTheMatchedQueries() throws Exception {
      String data = dir.resolve("data").toString();
      CliRun.of("import", "--data", data, "-w", WORKSPACE, "-p", "bahn", WXR_SAMPLE);
      CliRun run =
          CliRun.of("search", "--data", data, "-w", WORKSPACE, "flixbus", "--format", "jsonl");
      assertThat(run.exitCode()).as(run.err()).isZero();
      String[] lines = run.out().strip().split("\n");
      assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
      JsonNode post = Json.mapper().readTree(lines[0]);
      for (String key :
          new String[] {
            "id",
            "source",
            "thread",
            "parent",
            "kind",
            "author",
            "published",
            "lang",
            "url",
            "title",
            "text",
            "matched_queries"
          }) {
        assertThat(post.has(key)).as(key).isTrue();
      }
      assertThat(post.get("matched_queries").toString()).contains("bahn/flixbus");
      assertThat(post.get("lang").asText()).isEqualTo("de");
    }

    @Test
    void aBadQueryExitsWith2AndNamesThePosition() {
      CliRun run = CliRun.of("search", "--data", dir.resolve("data").toString(), "(bahn OR");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("at ");
    }

    @Test
    void aBadTimeSaysWhichFormsAreUnderstood() {
      CliRun run =
          CliRun.of(
              "search", "--data", dir.resolve("data").toString(), "bahn", "--since", "gestern");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--since 'gestern' is not a time");
    }
  }

  @Nested
  class Query {
    @Test
    void matchPrintsMatchOrNoMatchWithExitCode() {
      CliRun yes =
          CliRun.of(
              "query",
              "match",
              "--query",
              "bahn* NEAR/3 verspätung",
              "--text",
              "Die Bahnsteige hatten große Verspätung");
      assertThat(yes.exitCode()).isZero();
      assertThat(yes.out().strip()).isEqualTo("match");
      CliRun no = CliRun.of("query", "match", "--query", "bahn", "--text", "Am Bahnsteig");
      assertThat(no.exitCode()).isEqualTo(1);
      assertThat(no.out().strip()).isEqualTo("no match");
    }

    @Test
    void matchHonoursTheLanguageFilter() {
      assertThat(
              CliRun.of("query", "match", "-q", "bahn AND lang:de", "-t", "Bahn", "--lang", "de")
                  .exitCode())
          .isZero();
      assertThat(
              CliRun.of("query", "match", "-q", "bahn AND lang:de", "-t", "Bahn", "--lang", "en")
                  .exitCode())
          .isEqualTo(1);
    }

    @Test
    void checkPointsAtTheError() {
      CliRun run = CliRun.of("query", "check", "bahn AND (ice OR");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("invalid query at");
      assertThat(CliRun.of("query", "check", "\"deutsche bahn\" NEAR/3 verspätung").exitCode())
          .isZero();
    }

    @Test
    void checkSaysWhenAQueryRunsOnEveryPost() {
      CliRun everyPost = CliRun.of("query", "check", "bahn OR NOT zug");
      assertThat(everyPost.exitCode()).isZero();
      assertThat(everyPost.out()).contains("runs on every post");
      assertThat(CliRun.of("query", "check", "bahn -zug").out()).doesNotContain("every post");
    }

    @Test
    void testRunsTheExampleWorkspacesExamples() {
      CliRun run = CliRun.of("query", "test", "-w", WORKSPACE);
      assertThat(run.exitCode()).as(run.out()).isZero();
      assertThat(run.out()).contains("0 failed");
    }

    @Test
    void testReportsAFailingExample() throws Exception {
      Path workspace = dir.resolve("cluetrain.yaml");
      Files.writeString(
          workspace,
          """
          projects:
            - name: demo
              queries:
                - name: bahn
                  query: bahn
                  must-match: ["Am Bahnsteig"]
          """);
      CliRun run = CliRun.of("query", "test", "-w", workspace.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("FAIL demo/bahn: should match but does not: \"Am Bahnsteig\"");
    }
  }

  @Test
  void workspaceErrorsAreAllReportedWithFileAndLine() throws Exception {
    Path workspace = dir.resolve("broken.yaml");
    Files.writeString(
        workspace,
        """
        projects:
          - name: Demo Project
            sources:
              - feed: ftp://example.org/feed
                evry: 15m
            queries:
              - name: q
                query: (bahn OR
        """);
    CliRun run =
        CliRun.of("stats", "--data", dir.resolve("data").toString(), "-w", workspace.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("broken.yaml:2: project name 'Demo Project'")
        .contains("broken.yaml:5: unknown key 'evry'")
        .contains("broken.yaml:4: feed 'ftp://example.org/feed' is not an http(s) URL")
        .contains("broken.yaml:8: query 'q' at");
  }
}
