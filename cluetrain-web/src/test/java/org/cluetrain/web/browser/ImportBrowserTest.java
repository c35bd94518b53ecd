package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.cluetrain.store.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Import page: upload files while the server runs and watch them being imported. */
class ImportBrowserTest extends BrowserTestBase {
  @TempDir Path files;

  /** Posts over several batches, one broken line among them. */
  private Path ndjson(int posts) throws Exception {
    StringBuilder lines = new StringBuilder();
    Instant start = Instant.parse("2026-11-01T08:00:00Z");
    for (int i = 0; i < posts; i++) {
      if (i == 1) {
        lines.append("{\"id\": \"broken\", \"text\": \"kaputte Zeile\n");
      }
      lines.append(
          String.format(
              "{\"id\": \"upload-%d\", \"text\": \"Die Bahn ist heute pünktlich, Zug %d\","
                  + " \"published\": \"%s\", \"author\": \"fahrgast%d\"}%n",
              i, i, start.plusSeconds(60L * i), i % 50));
    }
    return Files.writeString(files.resolve("fahrgaeste.ndjson"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void anAnalystUploadsFilesAndWatchesThemImported() throws Exception {
    Path upload = ndjson(2_500);
    signIn(ANALYST);
    browser.get(url("/p/bahn"));
    browser.findElement(By.cssSelector("nav.mainnav a[href='/p/bahn/import']")).click();
    wait.until(ExpectedConditions.urlToBe(url("/p/bahn/import")));
    assertThat(browser.findElement(By.id("import-jobs")).getText()).contains("No imports yet");

    browser.findElement(By.id("import-files")).sendKeys(upload.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();

    WebElement row =
        new WebDriverWait(browser, Duration.ofMinutes(2))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#import-jobs tr[data-state=done]")));
    screenshot("import-done");
    assertThat(row.getText()).contains("fahrgaeste.ndjson");
    assertThat(row.findElement(By.cssSelector("[data-count=read]")).getText()).isEqualTo("2,500");
    assertThat(row.findElement(By.cssSelector("[data-count=new]")).getText()).isEqualTo("2,500");
    assertThat(row.findElement(By.cssSelector("[data-count=problems]")).getText()).isEqualTo("1");
    row.findElement(By.cssSelector("details.import-problems summary")).click();
    assertThat(row.findElement(By.cssSelector("details.import-problems")).getText())
        .contains("fahrgaeste.ndjson")
        .contains("line 2");
    assertThat(
            runtime
                .store()
                .search(new SearchRequest("\"heute pünktlich, Zug\"", "bahn", null, null, 1))
                .totalHits())
        .isEqualTo(2_500);
  }

  @Test
  void viewersAreNotOfferedTheImport() {
    signIn(VIEWER);
    browser.get(url("/p/bahn"));
    assertThat(browser.findElements(By.cssSelector("nav.mainnav a[href='/p/bahn/import']")))
        .isEmpty();
    browser.get(url("/p/bahn/import"));
    assertThat(browser.getPageSource()).doesNotContain("import-form");
  }
}
