package org.cluetrain.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.mentions.MentionFilter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.json.Json;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.SearchPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of a real import: the same posts as the Mentions page, pseudonyms kept, every format. */
class ExportsTest {
  private static final Path SAMPLE = Path.of("../examples/samples/unterwegs-mit-der-bahn.wxr.xml");

  @TempDir Path data;
  @TempDir Path config;
  private Workspace workspace;

  @BeforeEach
  void workspace() throws Exception {
    Path file = config.resolve("workspace.yaml");
    Files.writeString(
        file,
        """
        projects:
          - name: bahn
            privacy:
              pseudonymise_authors: true
            queries:
              - name: bahn
                query: bahn*
              - name: lob
                query: lob OR danke
        """);
    workspace = WorkspaceReader.read(file);
  }

  private static String export(
      EmbeddedRuntime runtime, ExportKind kind, ExportFormat format, MentionFilter filter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    runtime.exports().prepare("bahn", kind, format, filter).write(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void mentionsAreWhatTheMentionsPageFindsForTheSameFilterInEveryFormat() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      new FileImporter(runtime.pipeline(), Formats.standard()).importFile(SAMPLE, "bahn", "auto");
      MentionFilter filter = new MentionFilter("", "bahn", "", "", "", "", "", "", "", "");
      List<SavedQuery> queries = runtime.queries().queries();
      SearchPage page =
          runtime.store().search(filter.resolve("bahn", queries, Instant.now()).request(100));
      List<String> expected = page.posts().stream().map(p -> p.post().id()).toList();
      assertThat(expected).isNotEmpty();

      JsonNode json =
          Json.mapper().readTree(export(runtime, ExportKind.MENTIONS, ExportFormat.JSON, filter));
      List<String> ids = new ArrayList<>();
      json.forEach(row -> ids.add(row.path("id").asText()));
      assertThat(ids).containsExactlyElementsOf(expected);
      assertThat(json.get(0).path("matched_queries").get(0).asText()).isEqualTo("bahn/bahn");

      String ndjson = export(runtime, ExportKind.MENTIONS, ExportFormat.NDJSON, filter);
      assertThat(ndjson.lines()).hasSize(expected.size());
      assertThat(
              Json.mapper().readTree(ndjson.lines().findFirst().orElseThrow()).path("id").asText())
          .isEqualTo(expected.get(0));

      String csv = export(runtime, ExportKind.MENTIONS, ExportFormat.CSV, filter);
      assertThat(csv).startsWith("\uFEFFid,published,project,");
      assertThat(csv).contains(expected.get(0));

      Path xlsx = config.resolve("mentions.xlsx");
      try (OutputStream file = Files.newOutputStream(xlsx)) {
        runtime
            .exports()
            .prepare("bahn", ExportKind.MENTIONS, ExportFormat.XLSX, filter)
            .write(file);
      }
      List<String> entries = new ArrayList<>();
      String sheet;
      // the workbook is a ZIP written as a stream: read it by its central directory
      try (ZipFile zip = new ZipFile(xlsx.toFile())) {
        zip.stream().forEach(entry -> entries.add(entry.getName()));
        StringBuilder cells = new StringBuilder();
        for (String part : List.of("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml")) {
          if (zip.getEntry(part) != null) {
            cells.append(
                new String(
                    zip.getInputStream(zip.getEntry(part)).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
        sheet = cells.toString();
      }
      assertThat(sheet).contains(expected.get(0));
      assertThat(entries).contains("xl/worksheets/sheet1.xml", "[Content_Types].xml");
    }
  }

  @Test
  void authorsStayPseudonymsInEveryExport() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      new FileImporter(runtime.pipeline(), Formats.standard()).importFile(SAMPLE, "bahn", "auto");
      for (ExportKind kind : List.of(ExportKind.MENTIONS, ExportKind.AUTHORS, ExportKind.THREADS)) {
        String csv = export(runtime, kind, ExportFormat.CSV, MentionFilter.NONE);
        assertThat(csv).doesNotContain("Martina K.");
      }
      String authors = export(runtime, ExportKind.AUTHORS, ExportFormat.CSV, MentionFilter.NONE);
      assertThat(authors.lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("pseudonym:"));
      String threads = export(runtime, ExportKind.THREADS, ExportFormat.NDJSON, MentionFilter.NONE);
      assertThat(threads.lines()).hasSize(runtime.rollups().threads("bahn", 1000).size());
      String figures = export(runtime, ExportKind.FIGURES, ExportFormat.CSV, MentionFilter.NONE);
      assertThat(figures).startsWith("\uFEFFquery,role,hour,posts,positive,neutral,negative\r\n");
      assertThat(figures.lines().skip(1)).isNotEmpty();
    }
  }

  @Test
  void aBadFilterOrQueryIsRefusedBeforeAnythingIsWritten() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      assertThatThrownBy(
              () ->
                  runtime
                      .exports()
                      .prepare(
                          "bahn",
                          ExportKind.MENTIONS,
                          ExportFormat.CSV,
                          new MentionFilter("", "nope", "", "", "", "", "", "", "", "")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("query: there is no saved query 'nope' in this project");
      assertThatThrownBy(
              () ->
                  runtime
                      .exports()
                      .prepare(
                          "bahn",
                          ExportKind.MENTIONS,
                          ExportFormat.CSV,
                          new MentionFilter("bahn (", "", "", "", "", "", "", "", "", "")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("q: the query does not parse;");
      assertThatThrownBy(() -> ExportFormat.parse("pdf"))
          .hasMessage("unknown export format 'pdf': use one of csv, json, ndjson, xlsx");
    }
  }

  @Test
  void aReaderThatGoesAwayCutsTheExportOffWithAnError() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      new FileImporter(runtime.pipeline(), Formats.standard()).importFile(SAMPLE, "bahn", "auto");
      OutputStream gone =
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              throw new IOException("Broken pipe");
            }
          };
      Exports.Prepared export =
          runtime
              .exports()
              .prepare("bahn", ExportKind.MENTIONS, ExportFormat.NDJSON, MentionFilter.NONE);
      assertThatThrownBy(() -> export.write(gone))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("Broken pipe");
    }
  }
}
