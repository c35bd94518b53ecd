package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class PrivacyBrowserTest extends BrowserTestBase {

  @Test
  void anAdminFindsAPersonAndErasesThemAfterConfirming() throws Exception {
    signIn(ADMIN);
    browser.findElement(By.linkText("Privacy")).click();
    wait.until(ExpectedConditions.urlContains("/admin/privacy"));
    browser.findElement(By.id("subject-author")).sendKeys("Martina K.");
    browser.findElement(By.id("subject-find")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td[data-store=posts]")));
    assertThat(browser.findElement(By.cssSelector("td[data-store=posts]")).getText())
        .isEqualTo("3");
    assertThat(browser.findElement(By.cssSelector("td[data-store=inbox_items]")).getText())
        .isEqualTo("0");
    assertThat(browser.getPageSource()).contains("Martina K.");
    screenshot("privacy-find");

    // the export is a download of one JSON document
    assertThat(browser.findElement(By.linkText("Download as JSON")).getAttribute("href"))
        .endsWith("/api/privacy/subjects/export?author=Martina+K.");

    browser.findElement(By.id("subject-erase")).click();
    wait.until(ExpectedConditions.urlContains("/admin/privacy/erase"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Erase Martina K.?");
    // nothing is erased before the confirmation
    assertThat(runtime.privacy().find("Martina K.").posts()).hasSize(3);
    browser.findElement(By.id("subject-erase-confirm")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("td[data-erased=posts_removed]")));
    assertThat(browser.findElement(By.cssSelector("td[data-erased=posts_removed]")).getText())
        .isEqualTo("3");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Martina K. is erased");
    assertThat(runtime.privacy().find("Martina K.").posts()).isEmpty();

    browser.findElement(By.linkText("Another request")).click();
    browser.findElement(By.id("subject-author")).sendKeys("Martina K.");
    browser.findElement(By.id("subject-find")).click();
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-empty]")))
                .getText())
        .isEqualTo("Nothing: no store holds anything about this person.");
  }

  @Test
  void analystsDoNotSeeThePage() {
    signIn(ANALYST);
    assertThat(browser.findElements(By.linkText("Privacy"))).isEmpty();
    browser.get(url("/admin/privacy"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You may not do this.");
  }
}
