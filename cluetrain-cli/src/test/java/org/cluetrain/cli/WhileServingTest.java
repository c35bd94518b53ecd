package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.RunningServer;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.web.ApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command lines while a server holds the data directory: they hand their work to it,
 * authorised by the running-server file that only the directory's owner can read.
 */
class WhileServingTest {
  @TempDir Path dir;
  private Path data;
  private EmbeddedRuntime runtime;
  private ApiServer server;

  @BeforeEach
  void serve() throws Exception {
    data = dir.resolve("data");
    runtime = EmbeddedRuntime.open(data, WorkspaceReader.read(Path.of(CommandLineTest.WORKSPACE)));
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    // what serve does once it listens
    new RunningServer(
            URI.create("http://127.0.0.1:" + server.port() + "/"),
            runtime.access().operatorKey(),
            ProcessHandle.current().pid())
        .publish(runtime.dataDir());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      RunningServer.withdraw(runtime.dataDir());
      server.close();
      runtime.close();
      server = null;
    }
  }

  private CliRun cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = "--data=" + data;
    return CliRun.of(all);
  }

  @Test
  void importGoesThroughTheServerOnceAndTheSecondTimeAddsNothing() {
    CliRun first = cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("held by the running server");
    assertThat(first.out())
        .contains(CommandLineTest.WXR_SAMPLE + ": wxr, 12 read, 12 new, 0 already stored");
    assertThat(runtime.store().count()).isEqualTo(12);

    CliRun again = cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    assertThat(again.out()).contains("12 read, 0 new, 12 already stored");
    assertThat(runtime.store().count()).isEqualTo(12);
  }

  @Test
  void perItemErrorsAndUnusableFilesKeepTheirExitStatus() throws Exception {
    Path ndjson = dir.resolve("posts.ndjson");
    Files.writeString(
        ndjson,
        """
        {"id":"a1","text":"Der ICE nach Hamburg ist wieder pünktlich","published":"2026-03-01T10:00:00Z"}
        {"id":"a2","text":"kein Datum"
        {"id":"a3","text":"Die Bahn hat mein Ticket erstattet","published":"2026-03-01T11:00:00Z"}
        """);
    CliRun partial = cli("import", "-p", "bahn", ndjson.toString());
    assertThat(partial.exitCode()).as(partial.err()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(partial.out()).contains("2 new");
    assertThat(partial.err()).contains("posts.ndjson").contains("line 2");

    Path junk = Files.writeString(dir.resolve("notes.txt"), "just some notes, not posts\n");
    CliRun unusable = cli("import", "-p", "bahn", junk.toString());
    assertThat(unusable.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(unusable.err()).contains("notes.txt").doesNotContain("Exception");

    CliRun missing = cli("import", "-p", "bahn", "no-such-file.xml");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(missing.err()).contains("no-such-file.xml: no such file");
  }

  @Test
  void goalsAreMeasuredByTheServer() {
    CliRun imported = cli("import", "-p", "nordlicht", GoalsCommandTest.NORDLICHT_SAMPLE);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    CliRun list = cli("goals", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("bahn\n  no goals")
        .containsPattern("weniger-beschwerden +negative_share +baseline 2\\d\\.\\d%");
    CliRun show = cli("goals", "show", "-p", "nordlicht", "mehr-stimmen");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("KPI       unique_authors (higher is better)")
        .contains("target    40.0");
  }

  @Test
  void withoutAProjectTheServersProjectsAreNamed() {
    CliRun run = cli("import", CommandLineTest.WXR_SAMPLE);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(run.err()).contains("name one with --project").contains("bahn", "airlines");
  }

  @Test
  void searchAndStatsAnswerFromTheServerAsTheyWouldLocally() {
    cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    CliRun search = cli("search", "-p", "bahn", "--format", "jsonl", "");
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.out()).contains("\"project\":\"bahn\"").contains("\"matched_queries\"");
    CliRun table = cli("search", "-p", "bahn", "--limit", "1", "");
    assertThat(table.out()).contains("12 posts found, showing 1");

    CliRun stats = cli("stats", "-p", "bahn");
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("12 posts").contains("by source:").contains("wxr:");

    CliRun badQuery = cli("search", "foo AND (");
    assertThat(badQuery.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(badQuery.err()).contains("expected a word");
  }

  @Test
  void exportsComeFromTheServerAsTheyWouldLocally() {
    cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    CliRun export = cli("export", "-p", "bahn", "--query", "@all", "--format", "ndjson");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out().lines()).hasSize(12).allMatch(l -> l.contains("\"project\":\"bahn\""));
    CliRun bad = cli("export", "-p", "bahn", "--query", "nope");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(bad.err()).contains("there is no saved query 'nope'");
  }

  /** A {@code privacy} subcommand, whose options follow the subcommand's name. */
  private CliRun privacy(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "privacy";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data=" + data;
    return CliRun.of(all);
  }

  @Test
  void subjectRequestsGoThroughTheServer() {
    cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    CliRun find = privacy("find", "--author", "Martina K.");
    assertThat(find.exitCode()).as(find.err()).isZero();
    assertThat(find.out()).contains("Martina K.: 1 account").contains("     3  posts");

    CliRun export = privacy("export", "--author", "Martina K.");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("\"subject\" : \"Martina K.\"").contains("\"posts\" : [");

    CliRun refused = privacy("erase", "--author", "Martina K.");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(refused.err()).contains("no terminal to ask on: add --yes");
    assertThat(runtime.store().count()).isEqualTo(12);

    CliRun erase = privacy("erase", "--author", "Martina K.", "--yes");
    assertThat(erase.exitCode()).as(erase.err()).isZero();
    assertThat(erase.out()).contains("erased Martina K.:").contains("     3  posts removed");
    assertThat(runtime.store().count()).isEqualTo(9);

    CliRun again = cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    assertThat(again.out())
        .contains("12 read, 0 new, 9 already stored, 3 suppressed (authors erased on request)");
  }

  @Test
  void theRunningServerFileIsForTheOwnerOnlyAndItsKeyIsTheServers() throws Exception {
    Path file = data.resolve(RunningServer.FILE_NAME);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    // a key from an earlier server (a stale file) signs nobody in
    new RunningServer(
            URI.create("http://127.0.0.1:" + server.port() + "/"), "ctop_not-the-servers-key", 1)
        .publish(data);
    CliRun refused = cli("stats");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("sign in first");
  }

  @Test
  void alertsAndLabelsAnswerFromTheServerAsTheyWouldLocally() throws Exception {
    cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    String postId =
        runtime
            .store()
            .search(new org.cluetrain.store.SearchRequest("", "bahn", null, null, 1))
            .posts()
            .get(0)
            .post()
            .id();
    CliRun label = cli("label", "add", "-p", "bahn", postId, "--relevant");
    assertThat(label.exitCode()).as(label.err()).isZero();
    assertThat(label.out())
        .contains("labelled " + postId + " relevant for bahn (1 labels, 1 relevant)");
    assertThat(runtime.relevanceLabels().relevanceLabels("bahn")).hasSize(1);

    List<List<String>> commands =
        List.of(
            List.of("alerts", "rules"),
            List.of("alerts", "rules", "-p", "airlines"),
            List.of("alerts", "list"),
            List.of("alerts", "backtest", "-p", "bahn"),
            List.of("alerts", "backtest", "-p", "bahn", "--rule", "volume", "--format", "json"),
            List.of("label", "next", "-p", "bahn", "--limit", "3"),
            List.of("alerts", "ack", "nope"));
    List<CliRun> served = new ArrayList<>();
    for (List<String> command : commands) {
      served.add(cli(withWorkspace(command)));
    }
    stop(); // the same commands with no server: they open the data directory themselves
    for (int i = 0; i < commands.size(); i++) {
      CliRun local = cli(withWorkspace(commands.get(i)));
      CliRun remote = served.get(i);
      assertThat(remote.exitCode()).as("%s", commands.get(i)).isEqualTo(local.exitCode());
      assertThat(remote.out()).as("%s", commands.get(i)).isEqualTo(local.out());
    }
    assertThat(served.get(0).out()).contains("bahn/").contains("airlines/");
    assertThat(served.get(5).out()).contains("p(relevant)=");
    CliRun unknown = served.get(6);
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(unknown.err()).contains("no alert with id nope");
  }

  private static String[] withWorkspace(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--workspace=" + CommandLineTest.WORKSPACE);
    return args.toArray(String[]::new);
  }
}
