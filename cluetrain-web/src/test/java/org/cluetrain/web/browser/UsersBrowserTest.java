package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

class UsersBrowserTest extends BrowserTestBase {

  @Test
  void anAdminAddsAUserWhoThenSeesOnlyTheirProjects() throws Exception {
    signIn(ADMIN);
    browser.get(url("/admin/users"));
    WebElement form = browser.findElement(By.id("add-user"));
    form.findElement(By.id("new-name")).sendKeys("carla");
    new Select(form.findElement(By.id("new-role"))).selectByValue("analyst");
    form.findElement(By.cssSelector("input[name=projects][value=airlines]")).click();
    form.findElement(By.id("new-password")).sendKeys("short");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-error"))).getText())
        .isEqualTo("The password needs at least 10 characters.");
    // what was typed is still there
    assertThat(browser.findElement(By.id("new-name")).getAttribute("value")).isEqualTo("carla");
    assertThat(
            browser
                .findElement(By.cssSelector("#add-user input[name=projects][value=airlines]"))
                .isSelected())
        .isTrue();

    browser.findElement(By.id("new-password")).sendKeys("carla secret 123");
    browser.findElement(By.cssSelector("#add-user button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/admin/users?added=carla"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-user='carla']"));
    assertThat(row.getText()).contains("analyst").contains("airlines");
    screenshot("users");

    // the only admin cannot make themselves a viewer
    WebElement own = browser.findElement(By.cssSelector("tr[data-user='admin']"));
    new Select(own.findElement(By.cssSelector("select[name=role]"))).selectByValue("viewer");
    own.findElement(By.cssSelector(".user-access button")).click();
    // the refusal arrives with the reloaded page: wait for it rather than read the old one
    assertThat(
            wait.until(
                    ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("tr[data-user='admin'] .field-error")))
                .getText())
        .isEqualTo("admin is the only admin. Make someone else admin first.");

    browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("name")).sendKeys("carla");
    browser.findElement(By.id("password")).sendKeys("carla secret 123");
    browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    // the first project this person may see is where they land
    wait.until(ExpectedConditions.urlContains("/p/airlines"));
    browser.get(url("/p/airlines/queries"));
    assertThat(new Select(browser.findElement(By.id("project-select"))).getOptions())
        .extracting(WebElement::getText)
        .containsExactly("airlines");
    browser.get(url("/p/bahn/queries"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You may not do this.");
    browser.get(url("/p/airlines/queries"));
    assertThat(browser.findElements(By.cssSelector("tr[data-query='lufthansa']"))).hasSize(1);
  }
}
