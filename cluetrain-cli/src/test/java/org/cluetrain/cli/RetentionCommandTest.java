package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluetrain retention run} on a data directory no server holds. */
class RetentionCommandTest {
  @TempDir Path dir;

  Path workspace;

  /**
   * Two projects: one keeps third-party posts a week, which the sample blog's posts (written in
   * November 2026) are older than, the other keeps everything.
   */
  @BeforeEach
  void workspace() throws Exception {
    workspace = dir.resolve("cluetrain.yaml");
    Files.writeString(
        workspace,
        """
        projects:
          - name: bahn
            retention:
              third_party: 7 days
          - name: archiv
        """);
  }

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data=" + dir.resolve("data");
    all[args.length + 1] = "--workspace=" + workspace;
    return CliRun.of(all);
  }

  @Test
  void aDryRunSaysWhatARunThenRemovesPerProjectAndSource() {
    CliRun imported = cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    imported =
        cli("import", "-p", "archiv", "../examples/samples/airline-travellers.mastodon.json");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    long posts = count("bahn");
    assertThat(posts).isPositive();

    CliRun dry = cli("retention", "run", "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("Retention dry run (nothing is removed)")
        .containsPattern(
            "bahn\\n  \\S+ +P7D \\(third-party\\) +" + posts + " posts would be removed")
        .containsPattern("archiv\\n  \\S+ +keep forever +0 posts would be removed")
        .contains(posts + " posts and 0 inbox items would be removed");
    assertThat(count("bahn")).isEqualTo(posts);

    CliRun run = cli("retention", "run", "-p", "bahn");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Retention run at")
        .contains(posts + " posts removed")
        .doesNotContain("archiv");
    // the figures stay: stats still counts them, while search finds none of their texts
    assertThat(count("bahn")).isEqualTo(posts);
    assertThat(cli("search", "-p", "bahn", "bahn OR zug OR ice").out()).contains("0 posts found");

    CliRun again = cli("retention", "run");
    assertThat(again.out()).contains("0 posts and 0 inbox items removed");
  }

  @Test
  void anUnknownProjectIsNamed() {
    CliRun run = cli("retention", "run", "-p", "nope");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(run.err()).contains("the workspace has no project 'nope'");
  }

  /** The posts the project's figures count, as {@code stats} prints them. */
  private long count(String project) {
    CliRun stats = cli("stats", "-p", project);
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+) posts").matcher(stats.out());
    assertThat(m.find()).as(stats.out()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
