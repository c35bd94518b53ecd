package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluetrain goals list|show} on the example workspace, with no server holding the data. */
class GoalsCommandTest {
  static final String NORDLICHT_SAMPLE = "../examples/samples/nordlicht-mobil.ndjson";

  @TempDir Path dir;

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data=" + dir.resolve("data");
    all[args.length + 1] = "--workspace=" + CommandLineTest.WORKSPACE;
    return CliRun.of(all);
  }

  @Test
  void theExampleGoalsAreListedAndOneIsShownWithItsCheckInsAndForecast() {
    CliRun imported = cli("import", "-p", "nordlicht", NORDLICHT_SAMPLE);
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    CliRun list = cli("goals", "list", "-p", "nordlicht");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .startsWith("nordlicht\n")
        .containsPattern("weniger-beschwerden +negative_share +baseline 2\\d\\.\\d% +latest")
        .contains("target 15.0%")
        .containsPattern("mehr-stimmen +unique_authors +baseline 36\\.0 ");

    CliRun show = cli("goals", "show", "-p", "nordlicht", "weniger-beschwerden");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("nordlicht / weniger-beschwerden")
        .contains("KPI       negative_share (lower is better)")
        .contains("baseline  ")
        .contains("over 2026-10-12..2026-10-25")
        .contains("horizon   2026-10-26..2027-03-28, 22 check-ins")
        .containsPattern("2026-11-09\\.\\.2026-11-15  5\\d\\.\\d%")
        .contains("least squares");
  }

  @Test
  void anUnknownGoalOrProjectIsNamed() {
    CliRun goal = cli("goals", "show", "-p", "nordlicht", "reichweite");
    assertThat(goal.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(goal.err()).contains("no goal 'reichweite' in project 'nordlicht'");
    CliRun project = cli("goals", "list", "-p", "zeppelin");
    assertThat(project.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(project.err()).contains("no project 'zeppelin' in the workspace");
    CliRun none = cli("goals", "list", "-p", "bahn");
    assertThat(none.out()).isEqualTo("bahn\n  no goals\n");
  }
}
