package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class AccountBrowserTest extends BrowserTestBase {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  int status(String token) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/api/status")))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void aTokenCreatedOnTheAccountPageWorksUntilRevoked() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/bahn/queries"));
    browser.findElement(By.cssSelector(".account-link")).click();
    wait.until(ExpectedConditions.urlContains("/account"));
    browser.findElement(By.id("token-label")).sendKeys("weekly report");
    browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    WebElement secret =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
    String token = secret.getAttribute("value");
    assertThat(token).startsWith("ct_");
    assertThat(browser.findElement(By.cssSelector(".token-list")).getText())
        .contains("weekly report")
        .doesNotContain(token);
    screenshot("account");
    assertThat(status(token)).isEqualTo(200);

    browser.get(url("/account"));
    assertThat(browser.findElements(By.id("new-token"))).isEmpty(); // shown once only
    browser.findElement(By.cssSelector(".token-list button.danger")).click();
    wait.until(ExpectedConditions.urlContains("/account?revoked="));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("revoked");
    assertThat(status(token)).isEqualTo(401);
  }

  @Test
  void aWrongCurrentPasswordIsShownInPlaceAndTheLanguageIsSaved() {
    signIn(ANALYST);
    browser.get(url("/account"));
    browser.findElement(By.id("current")).sendKeys("not my password");
    browser.findElement(By.id("new-password")).sendKeys("another secret 1");
    browser.findElement(By.id("repeat")).sendKeys("another secret 1");
    browser.findElement(By.cssSelector("#password-form button[type=submit]")).click();
    // the refusal arrives with the reloaded page: wait for it rather than read the old one
    assertThat(
            wait.until(
                    ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#password-form .field-error")))
                .getText())
        .isEqualTo("The current password is wrong.");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language")))
        .selectByValue("de");
    browser.findElement(By.cssSelector("#language-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Ihr Konto"));
    assertThat(runtime.access().accounts().find(ANALYST).orElseThrow().language()).isEqualTo("de");
  }
}
