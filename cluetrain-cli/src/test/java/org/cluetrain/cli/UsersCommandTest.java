package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.jdbc.TestDatabase;
import org.cluetrain.jdbc.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluetrain users} manages the accounts in the storage the workspace configures, the same
 * accounts a running server signs people in with: the SQLite file in the data directory, or a
 * PostgreSQL database.
 */
class UsersCommandTest {
  @TempDir Path dir;

  @Test
  void managesTheAccountsOfEmbeddedStorageWhileTheServerRuns() throws Exception {
    Path workspace = dir.resolve("cluetrain.yaml");
    Files.writeString(workspace, "projects:\n  - name: bahn\n");
    addListAndRemoveBesideARunningRuntime(workspace);
    assertThat(dir.resolve("data/ledger.db")).isRegularFile();
  }

  @Test
  void managesTheAccountsOfAConfiguredPostgresqlWhileTheServerRuns() throws Exception {
    TestDatabase database = TestDatabase.postgres();
    Path workspace = dir.resolve("cluetrain.yaml");
    Files.writeString(
        workspace,
        "storage:\n  kind: postgresql\n  url: "
            + database.url()
            + "\n  user: "
            + TestPostgres.USER
            + "\nprojects:\n  - name: bahn\n");
    addListAndRemoveBesideARunningRuntime(workspace);
    // the accounts are in PostgreSQL, not in a SQLite file of their own
    assertThat(dir.resolve("data/ledger.db")).doesNotExist();
  }

  @Test
  void aMissingWorkspaceIsNamedInTheError() {
    Path missing = dir.resolve("missing.yaml");
    CliRun list =
        CliRun.of(
            "users", "list", "--data", dir.resolve("data").toString(), "-w", missing.toString());
    assertThat(list.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(list.err()).contains(missing + ": no such workspace file");
  }

  /**
   * With the runtime open, as {@code serve} holds it (the index included): the first admin it
   * creates is listed by the command, and what the command adds and removes the runtime sees.
   */
  private void addListAndRemoveBesideARunningRuntime(Path workspace) throws Exception {
    Path data = dir.resolve("data");
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, WorkspaceReader.read(workspace))) {
      assertThat(runtime.access().createFirstAdmin()).isPresent();

      CliRun add =
          withStandardInput(
              "a long passphrase\n",
              () ->
                  users(data, workspace, "add", "maria", "--role", "analyst", "--project", "bahn"));
      assertThat(add.exitCode()).as(add.err()).isZero();
      assertThat(add.out()).contains("added maria (analyst, projects bahn)");
      Account maria = runtime.access().accounts().find("maria").orElseThrow();
      assertThat(maria.projects()).containsExactly("bahn");

      CliRun list = users(data, workspace, "list");
      assertThat(list.exitCode()).as(list.err()).isZero();
      assertThat(list.out().lines().map(line -> line.split("\\s+")[0]))
          .containsExactlyInAnyOrder("admin", "maria");

      CliRun remove = users(data, workspace, "remove", "maria");
      assertThat(remove.exitCode()).as(remove.err()).isZero();
      assertThat(runtime.access().accounts().find("maria")).isEmpty();

      // the command line's changes are in the audit log the server's admins read
      assertThat(runtime.audit().find(org.cluetrain.audit.AuditQuery.all(100)))
          .extracting(org.cluetrain.audit.AuditEntry::event)
          .filteredOn(event -> event.target().equals("maria"))
          .extracting(
              event -> event.kind(),
              event -> event.actor().equals(AccessControl.OPERATOR),
              event -> event.address())
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  org.cluetrain.audit.AuditKind.USER_CREATED, true, "local"),
              org.assertj.core.groups.Tuple.tuple(
                  org.cluetrain.audit.AuditKind.USER_REMOVED, true, "local"));

      CliRun removeAgain = users(data, workspace, "remove", "maria");
      assertThat(removeAgain.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
      assertThat(removeAgain.err()).contains("there is no user named 'maria'");
    }
  }

  private static CliRun users(Path data, Path workspace, String... command) {
    String[] arguments = new String[command.length + 5];
    arguments[0] = "users";
    System.arraycopy(command, 0, arguments, 1, command.length);
    arguments[command.length + 1] = "--data";
    arguments[command.length + 2] = data.toString();
    arguments[command.length + 3] = "--workspace";
    arguments[command.length + 4] = workspace.toString();
    return CliRun.of(arguments);
  }

  /** The command reads passwords from standard input, so that they never show in a process list. */
  private static CliRun withStandardInput(String text, Supplier<CliRun> run) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(original);
    }
  }
}
