package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The reports page, a report with its charts, and its PDF download, in a browser. */
class ReportBrowserTest extends BrowserTestBase {

  @Test
  void theListLeadsToTheReportWhosePdfDownloads() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/bahn"));
    browser.findElement(By.linkText("Reports")).click();
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-report=monthly]")));
    assertThat(row.getText()).contains("month").contains("EN").contains("on demand");

    row.findElement(By.className("report-link")).click();
    WebElement title =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    assertThat(title.getText()).isEqualTo("Report monthly · bahn");
    assertThat(browser.findElement(By.id("report-period")).getText()).contains("compared with");
    assertThat(browser.findElements(By.cssSelector("#report svg.report-chart")))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(
            browser
                .findElement(By.cssSelector("#section-overview [data-figure=mentions]"))
                .getText())
        .startsWith("Mentions");
    assertThat(browser.findElements(By.id("section-alerts"))).as("not in the definition").isEmpty();
    screenshot("report");

    browser.findElement(By.id("report-pdf")).click();
    Path pdf = downloaded(".pdf");
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Report monthly · bahn")
          .contains("Where the conversations are");
    }
  }

  @Test
  void aReportFitsAPhoneWithoutSidewaysScrolling() throws Exception {
    signIn(VIEWER);
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/p/bahn/reports/monthly"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    long scrollWidth =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
    long clientWidth =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth");
    assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
    screenshot("report-phone");
  }

  @Test
  void aBadPeriodIsRefusedWithItsParameterNamed() {
    signIn(VIEWER);
    browser.get(url("/p/bahn/reports/monthly?at=yesterday"));
    assertThat(browser.getPageSource()).contains("at must be a day such as 2026-11-10");
    browser.get(url("/p/bahn/reports/nothing"));
    assertThat(browser.getPageSource()).contains("defines no report 'nothing'");
  }

  private Path downloaded(String suffix) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      if (Files.isDirectory(downloads())) {
        try (var files = Files.list(downloads())) {
          var found = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
          if (found.isPresent() && Files.size(found.get()) > 0) {
            return found.get();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing ending " + suffix + " was downloaded");
  }
}
