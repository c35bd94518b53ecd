package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cluetrain.jdbc.TestDatabase;
import org.cluetrain.jdbc.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during an import loses nothing that was stored and duplicates nothing: a second
 * import of the same file completes it, and every post is there exactly once; on SQLite and on
 * PostgreSQL.
 */
class CrashRecoveryTest {
  static final int POSTS = 20_000;

  @TempDir Path dir;

  @Test
  void killDashNineDuringImportThenImportAgainLeavesExactlyOneCopyOfEachPost() throws Exception {
    Path data = dir.resolve("data");
    killImportThenImportAgain(List.of(), () -> sqliteCount(data.resolve("ledger.db")));
  }

  @Test
  void theSameOnPostgresql() throws Exception {
    TestDatabase database = TestDatabase.postgres();
    Path workspace = dir.resolve("cluetrain.yaml");
    Files.writeString(
        workspace,
        "storage:\n  kind: postgresql\n  url: "
            + database.url()
            + "\n  user: "
            + TestPostgres.USER
            + "\nprojects:\n  - name: crash\n");
    killImportThenImportAgain(
        List.of("--workspace", workspace.toString()), () -> postgresCount(database.url()));
  }

  /** Counts the posts the ledger has recorded so far; 0 while it cannot tell. */
  private interface LedgerCount {
    long posts();
  }

  private void killImportThenImportAgain(List<String> options, LedgerCount ledgerCount)
      throws Exception {
    Path file = writePosts(dir.resolve("posts.ndjson"));
    Path data = dir.resolve("data");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CluetrainCommand.class.getName(),
                "import",
                "--data",
                data.toString()));
    command.addAll(options);
    command.add(file.toString());

    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    long storedBeforeKill = 0;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (child.isAlive() && Instant.now().isBefore(deadline)) {
      storedBeforeKill = ledgerCount.posts();
      if (storedBeforeKill >= 2_000) {
        break;
      }
      Thread.sleep(50);
    }
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
    child.waitFor(30, TimeUnit.SECONDS);
    assertThat(storedBeforeKill)
        .as(
            "the import was killed in the middle (log: %s)",
            Files.readString(dir.resolve("child.log")))
        .isBetween(1L, (long) POSTS - 1);

    CliRun again = CliRun.of(arguments("import", data, options, file.toString()));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains(POSTS + " read");

    CliRun stats = CliRun.of(arguments("stats", data, options));
    assertThat(stats.out()).startsWith(POSTS + " posts");
    CliRun all = CliRun.of(arguments("search", data, options, "", "--limit", "1"));
    assertThat(all.out()).startsWith(POSTS + " posts found");
  }

  private static String[] arguments(
      String command, Path data, List<String> options, String... more) {
    List<String> arguments = new ArrayList<>(List.of(command, "--data", data.toString()));
    arguments.addAll(options);
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }

  private static long sqliteCount(Path ledger) {
    if (!Files.exists(ledger)) {
      return 0;
    }
    return count("jdbc:sqlite:" + ledger, null);
  }

  private static long postgresCount(String url) {
    return count(url, TestPostgres.USER);
  }

  private static long count(String url, String user) {
    try (Connection c = DriverManager.getConnection(url, user, TestPostgres.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM posts")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      return 0; // not created yet, or busy: ask again
    }
  }

  /** Distinct posts in German and English, written for this test. */
  private static Path writePosts(Path file) throws Exception {
    List<String> words =
        new ArrayList<>(
            List.of(
                "bahn",
                "zug",
                "verspätung",
                "bahnsteig",
                "pünktlich",
                "service",
                "ticket",
                "app",
                "flight",
                "delay",
                "crew",
                "gate",
                "luggage",
                "refund",
                "great",
                "terrible",
                "heute",
                "morgen",
                "wieder",
                "schon",
                "today",
                "again",
                "never",
                "always"));
    Random random = new Random(42);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < POSTS; i++) {
        StringBuilder text = new StringBuilder("Post " + i + ":");
        for (int w = 0; w < 12; w++) {
          text.append(' ').append(words.get(random.nextInt(words.size())));
        }
        out.write(
            "{\"id\": \"p"
                + i
                + "\", \"text\": \""
                + text
                + "\", \"published\": \""
                + start.plusSeconds(i * 37L)
                + "\", \"author\": \"user"
                + (i % 500)
                + "\"}\n");
      }
    }
    return file;
  }
}
