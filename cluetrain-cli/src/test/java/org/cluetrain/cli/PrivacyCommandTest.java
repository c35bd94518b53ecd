package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluetrain privacy} on a data directory no server holds. */
class PrivacyCommandTest {
  @TempDir Path dir;

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data=" + dir.resolve("data");
    all[args.length + 1] = "--workspace=" + CommandLineTest.WORKSPACE;
    return CliRun.of(all);
  }

  @Test
  void aPersonIsFoundExportedToAPrivateFileAndErasedOnlyWhenConfirmed() throws Exception {
    CliRun imported = cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    CliRun find = cli("privacy", "find", "--author", "martina k.");
    assertThat(find.exitCode()).as(find.err()).isZero();
    assertThat(find.out())
        .contains("martina k.: 1 account")
        .contains("Martina K.")
        .contains("     3  posts")
        .contains("     3  ledger posts");

    Path file = dir.resolve("martina.json");
    CliRun export = cli("privacy", "export", "--author", "Martina K.", "--output", file.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("\"name\" : \"Martina K.\"");
    CliRun overwrite =
        cli("privacy", "export", "--author", "Martina K.", "--output", file.toString());
    assertThat(overwrite.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(overwrite.err()).contains("exists already; an export never overwrites a file");

    CliRun refused = cli("privacy", "erase", "--author", "Martina K.");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(refused.err())
        .contains("there is no terminal to ask on: add --yes to erase Martina K. without asking");
    assertThat(cli("privacy", "find", "--author", "Martina K.").out()).contains("     3  posts");

    CliRun erase = cli("privacy", "erase", "--author", "Martina K.", "--yes");
    assertThat(erase.exitCode()).as(erase.err()).isZero();
    assertThat(erase.out())
        .contains("     3  posts removed")
        .contains("     1  authors suppressed");
    assertThat(cli("privacy", "find", "--author", "Martina K.").out()).contains("     0  posts");

    CliRun again = cli("import", "-p", "bahn", CommandLineTest.WXR_SAMPLE);
    assertThat(again.out()).contains("3 suppressed (authors erased on request)");

    CliRun missing = cli("privacy", "erase", "--yes");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(missing.err()).contains("Missing required option: '--author=HANDLE_OR_NAME'");
  }
}
