package org.cluetrain.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.report.Report;
import org.cluetrain.report.ReportDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workspace's monthly report of {@code nordlicht}, German, for November 2026 (the
 * outage) against October: the XHTML is well-formed, the PDF has its words, umlauts and charts, and
 * its first page is kept as a picture ({@code -Dcluetrain.report.image=FILE} writes it there; the
 * README shows {@code docs/images/report-first-page.png}).
 */
class ExampleReportTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static Report report;

  @BeforeAll
  static void importTheExample() throws Exception {
    Workspace workspace =
        WorkspaceReader.read(Path.of("../examples/workspace.yaml"))
            .withProjects(List.of("nordlicht"));
    runtime = EmbeddedRuntime.open(data, workspace);
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(workspace, (project, result) -> {});
    ReportDefinition monthly =
        workspace.project("nordlicht").orElseThrow().report("monatsbericht").orElseThrow();
    report =
        runtime.report(
            "nordlicht",
            monthly,
            monthly.period().choose(null, null, null, LocalDate.of(2026, 12, 6), null));
  }

  @AfterAll
  static void close() {
    runtime.close();
  }

  @Test
  void theDocumentIsWellFormedXhtmlInGerman() throws Exception {
    String html = ReportDocument.html(report);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getAttribute("lang")).isEqualTo("de");
    assertThat(html)
        .contains("Bericht monatsbericht · nordlicht")
        .contains("verglichen mit")
        .contains("Wo die Gespräche stattfinden")
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("id=\"section-goals\"")
        .contains("weniger-beschwerden")
        .contains("id=\"section-multipliers\"")
        .contains("Jana Petersen")
        .contains("Stimmung je Quelle")
        .doesNotContain("reports.")
        .doesNotContain("goals.")
        .doesNotContain("overview.");
    assertThat(report.period().firstDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(report.previousPeriod().firstDate()).isEqualTo(LocalDate.of(2026, 10, 1));
  }

  @Test
  void theApiAnswersTheReportAsJsonWithEachFigureBesideItsPreviousValue() throws Exception {
    var json =
        org.cluetrain.json.Json.snakeCase()
            .readTree(org.cluetrain.json.Json.snakeCase().writeValueAsString(report));

    assertThat(json.at("/definition/name").asText()).isEqualTo("monatsbericht");
    assertThat(json.at("/current/period/since").asText()).startsWith("2026-11-01");
    assertThat(json.at("/previous/period/since").asText()).startsWith("2026-10-01");
    var mentions = json.get("figures").get(0);
    assertThat(mentions.get("key").asText()).isEqualTo("mentions");
    assertThat(mentions.get("value").asDouble()).isEqualTo(report.current().mentions());
    assertThat(mentions.get("previous").asDouble()).isEqualTo(report.previous().mentions());
    assertThat(json.at("/inbox/items").asLong()).isEqualTo(report.inbox().items());
  }

  @Test
  void thePdfHasTheWordsUmlautsAndChartsAndItsFirstPageIsKept() throws Exception {
    long start = System.nanoTime();
    byte[] pdf = ReportDocument.pdf(report);
    long millis = (System.nanoTime() - start) / 1_000_000;

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Überblick")
          .contains("Erwähnungen")
          .contains("Störung im Nordlicht-Netz")
          .contains("Leistung des Posteingangs");
      BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB);
      assertThat(countColour(first, 0x2f5fb3)).as("the volume chart's first line").isPositive();
      Path image = Path.of("target/report-first-page.png");
      ImageIO.write(first, "png", image.toFile());
      String kept = System.getProperty("cluetrain.report.image");
      if (kept != null && !kept.isBlank()) {
        Files.copy(image, Path.of(kept), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          Path.of("target/report-measurements.txt"),
          "pages=%d bytes=%d render_ms=%d%n"
              .formatted(document.getNumberOfPages(), pdf.length, millis));
    }
  }

  private static long countColour(BufferedImage image, int rgb) {
    long found = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int pixel = image.getRGB(x, y) & 0xffffff;
        if (Math.abs((pixel >> 16) - (rgb >> 16)) < 8
            && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 8
            && Math.abs((pixel & 0xff) - (rgb & 0xff)) < 8) {
          found++;
        }
      }
    }
    return found;
  }
}
