package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The download links of the Mentions page, the overview and the inbox, clicked in a browser. */
class ExportBrowserTest extends BrowserTestBase {

  @Test
  void theMentionsLinkDownloadsWhatThePageListsWithItsFilters() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/bahn/mentions?query=%40all&lang=de"));
    WebElement count =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
    long total = Long.parseLong(count.getAttribute("data-total"));
    assertThat(total).isPositive();
    WebElement link = browser.findElement(By.id("export-csv"));
    assertThat(link.getAttribute("href")).contains("query=%40all").contains("lang=de");

    link.click();

    Path file = downloaded(".csv");
    String csv = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFid,published,project,");
    List<String> rows = csv.substring(1).lines().skip(1).toList();
    // a text with line breaks spans lines: rows are the lines that start with id, time, project
    assertThat(rows.stream().filter(r -> r.matches("^[^,]+,\\d{4}-[^,]+,bahn,.*")).count())
        .isEqualTo(total);
    assertThat(
            runtime
                .audit()
                .find(new AuditQuery(AuditKind.EXPORT, VIEWER, null, null, 0, 10))
                .get(0)
                .event()
                .detail())
        .isEqualTo("mentions as CSV: " + total + " rows");
  }

  @Test
  void theOverviewAndTheInboxOfferDownloadsInGermanToo() throws Exception {
    signIn(ANALYST);
    browser.get(url("/p/bahn"));
    browser.findElement(By.cssSelector(".language-switch button[value=de]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
    WebElement overview =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-exports")));
    assertThat(overview.getText()).startsWith("Herunterladen:");
    assertThat(browser.findElement(By.id("export-figures")).getAttribute("href"))
        .contains("/api/projects/bahn/exports/figures?format=csv&since=");
    browser.get(url("/p/bahn/inbox"));
    WebElement inbox =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-exports")));
    assertThat(inbox.getText()).startsWith("Alle Einträge herunterladen:");
    browser.findElement(By.id("export-inbox-csv")).click();
    assertThat(downloaded("-inbox-")).exists();
  }

  /** Waits for a finished download whose name contains {@code part}. */
  private Path downloaded(String part) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(downloads())) {
        try (Stream<Path> files = Files.list(downloads())) {
          Optional<Path> done =
              files
                  .filter(f -> f.getFileName().toString().contains(part))
                  .filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
                  .findFirst();
          if (done.isPresent()) {
            return done.get();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing named *" + part + "* was downloaded to " + downloads());
  }
}
