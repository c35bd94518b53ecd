package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class QueryEditorBrowserTest extends BrowserTestBase {
  static final String BROKEN = "verspätung* OR (durchsage*";
  static final String FIXED = "verspätung* OR durchsage*";

  @Test
  void aQueryIsPreviewedWhileTypedAndSavedOnlyWhenItsExamplesPass() throws Exception {
    signIn(ANALYST);
    browser.get(url("/p/bahn/queries"));
    browser.findElement(By.linkText("New query")).click();
    wait.until(ExpectedConditions.urlContains("/p/bahn/queries/new"));

    browser.findElement(By.id("query-name")).sendKeys("verspätungen");
    WebElement text = browser.findElement(By.id("query-text"));
    text.sendKeys(BROKEN);
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#preview .syntax-error")));
    assertThat(error.findElement(By.cssSelector(".error-message")).getText())
        .isEqualTo("at 27: expected ')' to close '(' at 16, found end of query");
    assertThat(error.getText()).contains("line 1, column 27");
    String caret = error.findElement(By.cssSelector(".caret")).getAttribute("textContent");
    assertThat(caret).isEqualTo(" ".repeat(26) + "^");
    assertThat(error.findElement(By.cssSelector(".caret-line")).getAttribute("textContent"))
        .isEqualTo(BROKEN);

    text.clear();
    text.sendKeys(FIXED);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#preview-chart[data-rendered='true']")));
    long total = Long.parseLong(browser.findElement(By.id("preview-total")).getText());
    assertThat(total).isPositive();
    assertThat(browser.findElements(By.cssSelector("#preview .syntax-error"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#preview .preview-post")))
        .hasSize((int) Math.min(total, 10));
    assertThat(browser.findElements(By.cssSelector("#preview .preview-post mark")))
        .extracting(WebElement::getText)
        .anyMatch(word -> word.toLowerCase().startsWith("verspätung"));
    screenshot("query-editor");

    browser.findElement(By.id("must-match")).sendKeys("Die Weiche am Stellwerk war kaputt");
    browser.findElement(By.id("save-query")).click();
    WebElement failures =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".example-failures")));
    assertThat(failures.getText()).contains("Not saved: one example fails");
    assertThat(failures.findElements(By.cssSelector(".failed-example")))
        .singleElement()
        .extracting(WebElement::getText)
        .asString()
        .contains("Must match, but does not:")
        .contains("Die Weiche am Stellwerk war kaputt");
    assertThat(runtime.queries().find("bahn", "verspätungen")).isEmpty();

    WebElement examples = browser.findElement(By.id("must-match"));
    examples.clear();
    examples.sendKeys("Der Zug hatte wieder 20 Minuten Verspätung");
    browser.findElement(By.id("save-query")).click();
    wait.until(ExpectedConditions.urlContains("/p/bahn/queries?saved="));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .contains("verspätungen")
        .contains("applied to the stored posts: it matches " + total);
    WebElement row = browser.findElement(By.cssSelector("tr[data-query='verspätungen']"));
    assertThat(row.findElement(By.cssSelector(".query-text")).getText()).isEqualTo(FIXED);
    assertThat(Long.parseLong(row.findElement(By.cssSelector(".recent-matches")).getText()))
        .isPositive();
    assertThat(runtime.rollups().stats("bahn").byQuery()).containsEntry("bahn/verspätungen", total);

    row.findElement(By.linkText("Edit")).click();
    wait.until(ExpectedConditions.urlContains("/edit"));
    assertThat(browser.findElement(By.id("must-match")).getAttribute("value"))
        .isEqualTo("Der Zug hatte wieder 20 Minuten Verspätung");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#preview-chart[data-rendered='true']")));
  }

  @Test
  void viewersSeeTheListButNoEditor() {
    signIn(VIEWER);
    browser.get(url("/p/bahn/queries"));
    WebElement marke = browser.findElement(By.cssSelector("tr[data-query='marke']"));
    assertThat(marke.getText()).contains("workspace file");
    assertThat(browser.findElements(By.linkText("New query"))).isEmpty();
    assertThat(browser.findElements(By.linkText("Edit"))).isEmpty();
    browser.get(url("/p/bahn/queries/new"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You may not do this.");
  }
}
