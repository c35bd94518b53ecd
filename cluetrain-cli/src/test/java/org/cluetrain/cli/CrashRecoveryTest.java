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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during an import loses nothing that was stored and duplicates nothing: a second
 * import of the same file completes it, and every post is there exactly once.
 */
class CrashRecoveryTest {
  static final int POSTS = 20_000;

  @TempDir Path dir;

  @Test
  void killDashNineDuringImportThenImportAgainLeavesExactlyOneCopyOfEachPost() throws Exception {
    Path file = writePosts(dir.resolve("posts.ndjson"));
    Path data = dir.resolve("data");

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CluetrainCommand.class.getName(),
                "import",
                "--data",
                data.toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    long storedBeforeKill = 0;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (child.isAlive() && Instant.now().isBefore(deadline)) {
      storedBeforeKill = ledgerCount(data);
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

    CliRun again = CliRun.of("import", "--data", data.toString(), file.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains(POSTS + " read");

    CliRun stats = CliRun.of("stats", "--data", data.toString());
    assertThat(stats.out()).startsWith(POSTS + " posts");
    CliRun all = CliRun.of("search", "--data", data.toString(), "", "--limit", "1");
    assertThat(all.out()).startsWith(POSTS + " posts found");
  }

  private static long ledgerCount(Path data) {
    Path ledger = data.resolve("ledger.db");
    if (!Files.exists(ledger)) {
      return 0;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger);
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
