package org.cluetrain.web.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cluetrain.report.Report;
import org.cluetrain.web.page.Templates;

/**
 * A report as a document of its own: XHTML with its style sheet and charts inline (the HTML
 * download and the PDF's input), and the PDF laid out from it. The font is Liberation Sans, which
 * PDFBox carries in its jar, so the PDF has umlauts and needs nothing from the machine it is made
 * on.
 */
public final class ReportDocument {
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final String CSS = resource("/assets/report.css");

  private ReportDocument() {}

  /** The report as one well-formed XHTML document in its definition's language. */
  public static String html(Report report) {
    return Templates.render(
        "report/document.jte", Map.of("view", new ReportView(report), "css", CSS));
  }

  /** The report as PDF: the same document, on A4 pages. */
  public static byte[] pdf(Report report) {
    return pdf(html(report));
  }

  static byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.useFont(
          () -> {
            InputStream font = ReportDocument.class.getResourceAsStream(FONT);
            if (font == null) {
              throw new IllegalStateException("PDFBox no longer carries " + FONT);
            }
            return font;
          },
          "Liberation Sans");
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the report could not be laid out as PDF", e);
    }
    return out.toByteArray();
  }

  private static String resource(String name) {
    try (InputStream in = ReportDocument.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
