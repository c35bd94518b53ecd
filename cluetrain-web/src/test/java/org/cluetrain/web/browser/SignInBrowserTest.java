package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class SignInBrowserTest extends BrowserTestBase {

  @Test
  void aWrongPasswordIsRefusedAndTheRightOneSignsIn() throws Exception {
    browser.get(url("/sources"));
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("name")).sendKeys(ANALYST);
    browser.findElement(By.id("password")).sendKeys("not the password");
    browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    // the refusal arrives with the reloaded page: wait for it rather than read the old one
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[role=alert]"), "Wrong user name or password."));
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .isEqualTo("Wrong user name or password.");
    screenshot("login");

    signIn(ANALYST);
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    assertThat(browser.findElement(By.cssSelector(".account-link")).getText()).contains(ANALYST);
  }

  @Test
  void theLanguageSwitchesToGermanAndBack() {
    browser.get(url("/login"));
    browser.findElement(By.cssSelector(".language-switch button[value=de]")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Anmelden"));
    browser.findElement(By.cssSelector(".language-switch button[value=en]")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Sign in"));
  }

  @Test
  void signingOutEndsTheSession() {
    signIn(VIEWER);
    browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.get(url("/sources"));
    wait.until(ExpectedConditions.urlContains("/login"));
  }
}
