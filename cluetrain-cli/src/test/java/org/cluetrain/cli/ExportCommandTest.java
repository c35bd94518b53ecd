package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void importSample() {
    data = dir.resolve("data").toString();
    CliRun imported =
        CliRun.of(
            "import",
            "--data",
            data,
            "-w",
            CommandLineTest.WORKSPACE,
            "-p",
            "bahn",
            CommandLineTest.WXR_SAMPLE);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  private CliRun export(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "export";
    all[1] = "--data=" + data;
    all[2] = "-w";
    all[3] = CommandLineTest.WORKSPACE;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  @Test
  void mentionsGoToTheStandardOutputAsNdjson() throws Exception {
    CliRun run = export("-p", "bahn", "--query", "@all", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(12);
    for (String line : lines) {
      assertThat(Json.mapper().readTree(line).path("project").asText()).isEqualTo("bahn");
    }
    assertThat(run.err()).contains("12 rows exported");
  }

  @Test
  void aSearchAndAWindowNarrowTheExport() {
    CliRun all = export("-p", "bahn", "--query", "@all", "--format", "ndjson");
    CliRun some =
        export(
            "-p",
            "bahn",
            "--query",
            "@all",
            "--format",
            "ndjson",
            "--since",
            "2000-01-01",
            "bahn*");
    assertThat(some.exitCode()).as(some.err()).isZero();
    assertThat(some.out().lines().count()).isPositive().isLessThan(all.out().lines().count());
    CliRun none = export("-p", "bahn", "--query", "@all", "--until", "2000-01-01");
    assertThat(none.out().lines()).hasSize(1); // the header alone
  }

  @Test
  void csvAndXlsxGoToAFileWithOut() throws Exception {
    Path csv = dir.resolve("threads.csv");
    CliRun run = export("-p", "bahn", "--kind", "threads", "--out", csv.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(csv, StandardCharsets.UTF_8))
        .startsWith("\uFEFFthread,project,source,title,posts,first,last\r\n");

    Path xlsx = dir.resolve("authors.xlsx");
    CliRun workbook =
        export("-p", "bahn", "--kind", "authors", "--format", "xlsx", "--out", xlsx.toString());
    assertThat(workbook.exitCode()).as(workbook.err()).isZero();
    byte[] bytes = Files.readAllBytes(xlsx);
    assertThat(new String(bytes, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
  }

  @Test
  void exportsAreInTheAuditLog() throws Exception {
    export("-p", "bahn", "--kind", "inbox", "--format", "json");
    try (EmbeddedRuntime runtime =
        EmbeddedRuntime.open(
            Path.of(data), WorkspaceReader.read(Path.of(CommandLineTest.WORKSPACE)))) {
      List<AuditEntry> entries =
          runtime.audit().find(new AuditQuery(AuditKind.EXPORT, null, null, null, 0, 10));
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).event().target()).isEqualTo("bahn");
      assertThat(entries.get(0).event().detail()).matches("inbox as JSON: \\d+ rows");
      assertThat(entries.get(0).event().address()).isEqualTo("local");
    }
  }

  @Test
  void whatCannotBeExportedExitsWith2AndSaysWhy() {
    CliRun kind = export("-p", "bahn", "--kind", "everything");
    assertThat(kind.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(kind.err()).contains("unknown export 'everything'");
    CliRun query = export("-p", "bahn", "--query", "nope");
    assertThat(query.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(query.err()).contains("there is no saved query 'nope'");
    CliRun syntax = export("-p", "bahn", "bahn (");
    assertThat(syntax.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(syntax.err()).contains("does not parse");
  }
}
