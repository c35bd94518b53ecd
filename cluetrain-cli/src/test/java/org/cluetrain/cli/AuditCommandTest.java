package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.RunningServer;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.web.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluetrain audit list|export}: the same command lines on the data directory itself and
 * while a server holds it; both exports are recorded in the log.
 */
class AuditCommandTest {
  @TempDir Path dir;

  private Path data() {
    return dir.resolve("data");
  }

  private EmbeddedRuntime open() throws Exception {
    return EmbeddedRuntime.open(data(), WorkspaceReader.read(Path.of(CommandLineTest.WORKSPACE)));
  }

  private CliRun cli(String command, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "audit";
    all[1] = command;
    all[2] = "--data=" + data();
    all[3] = "-w=" + CommandLineTest.WORKSPACE;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  private void recordSome() throws Exception {
    try (EmbeddedRuntime runtime = open()) {
      runtime.audit().record("ada", AuditKind.SIGN_IN, "ada", "", "192.0.2.1");
      runtime.audit().record("ada", AuditKind.ROLE_CHANGED, "vera", "now analyst", "192.0.2.1");
      runtime.audit().record("anonymous", AuditKind.SIGN_IN_FAILED, "bob", "", "192.0.2.9");
    }
  }

  @Test
  void listsAndExportsTheDataDirectorysLog() throws Exception {
    recordSome();
    CliRun list = cli("list", "--kind", "role-changed");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out().lines())
        .singleElement()
        .asString()
        .contains("role-changed", "ada", "vera: now analyst", "(192.0.2.1)");

    Path file = dir.resolve("audit.ndjson");
    CliRun export = cli("export", "--format", "ndjson", "-o", file.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.readAllLines(file))
        .hasSize(4) // the three above and the export itself, newest first
        .first()
        .asString()
        .contains("\"kind\":\"export\"", "\"actor\":\"local-operator\"", "\"address\":\"local\"");
  }

  @Test
  void listsAndExportsThroughARunningServer() throws Exception {
    recordSome();
    try (EmbeddedRuntime runtime = open();
        ApiServer server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of)) {
      new RunningServer(
              URI.create("http://127.0.0.1:" + server.port() + "/"),
              runtime.access().operatorKey(),
              ProcessHandle.current().pid())
          .publish(runtime.dataDir());
      try {
        CliRun list = cli("list", "--actor", "anonymous");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("sign-in-failed", "bob");
        assertThat(list.out()).doesNotContain("role-changed");

        CliRun csv = cli("export", "--kind", "sign-in");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines())
            .containsExactly(
                "id,at,actor,kind,target,detail,address",
                csv.out().lines().skip(1).findFirst().orElseThrow());
        assertThat(csv.out()).contains(",ada,sign-in,ada,,192.0.2.1");
        assertThat(
                runtime
                    .audit()
                    .find(
                        new org.cluetrain.audit.AuditQuery(
                            AuditKind.EXPORT, "local-operator", null, null, 0, 10)))
            .hasSize(1);

        CliRun bad = cli("list", "--kind", "coffee");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("coffee", "sign-in-failed");
      } finally {
        RunningServer.withdraw(runtime.dataDir());
      }
    }
  }
}
