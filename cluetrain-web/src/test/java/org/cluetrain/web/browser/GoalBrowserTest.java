package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The example's goals at work: reached from the project's navigation, each goal page shows where
 * the goal stands, the chart of its check-ins and trend, and why in words, in English and wholly in
 * German, and fits a phone.
 */
class GoalBrowserTest extends BrowserTestBase {
  /** The example's project with goals, beside one without. */
  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
    start(TestWorkspaces.example(List.of("nordlicht", "airlines")));
  }

  private long pageWidth() {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth;");
  }

  private void openGoalFromTheNavigation() {
    browser.get(url("/p/nordlicht"));
    browser.findElement(By.cssSelector(".mainnav a[href='/p/nordlicht/goals']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goals")));
    browser.findElement(By.cssSelector("tr[data-goal=weniger-beschwerden] a")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("chart-goal"), "data-rendered", "true"));
  }

  @Test
  void aGoalShowsWhereItStandsAndExplainsItsForecast() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/nordlicht/goals"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#goals tr[data-goal]"));
    assertThat(rows)
        .extracting(r -> r.getAttribute("data-goal"))
        .containsExactly("weniger-beschwerden", "mehr-stimmen");
    assertThat(rows.get(0).getText()).contains("Share of negative mentions").contains("15 %");

    openGoalFromTheNavigation();
    assertThat(browser.findElement(By.cssSelector(".mainnav a.active")).getText())
        .isEqualTo("Goals");
    assertThat(browser.findElement(By.id("goal-target")).getText()).contains("15 %");
    String status = browser.findElement(By.id("goal-status")).getAttribute("data-status");
    String explanation = browser.findElement(By.id("goal-explanation")).getText();
    assertThat(explanation).contains("The baseline was").contains("lower is better");
    if (status.equals("on_track") || status.equals("behind")) {
      assertThat(explanation).contains("(least squares)").contains("the target is 15 %");
    }
    assertThat(browser.findElements(By.cssSelector("#goal-check-ins tr[data-row]")).size())
        .isGreaterThanOrEqualTo(4);
    screenshot("goal");
  }

  @Test
  void theGoalPagesAreWhollyGerman() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/nordlicht/goals"));
    browser.findElement(By.cssSelector(".language-switch button[value=de]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ziele von nordlicht");
    openGoalFromTheNavigation();
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page)
        .contains("Anteil negativer Erwähnungen")
        .contains("Ausgangswert")
        .contains("Zielwert")
        .doesNotContain("goals.")
        .doesNotContain("Baseline")
        .doesNotContain("Target")
        .doesNotContain("least squares");
  }

  @Test
  void theGoalPagesFitAPhone() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn(VIEWER);
    browser.get(url("/p/nordlicht/goals"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goals")));
    assertThat(pageWidth()).as("the goals list").isLessThanOrEqualTo(390);
    browser.get(url("/p/nordlicht/goals/weniger-beschwerden"));
    wait.until(ExpectedConditions.attributeToBe(By.id("chart-goal"), "data-rendered", "true"));
    assertThat(pageWidth()).as("a goal").isLessThanOrEqualTo(390);
    screenshot("goal-phone");
  }

  @Test
  void aProjectWithoutGoalsSaysWhereGoalsAreSet() {
    signIn(VIEWER);
    browser.get(url("/p/airlines/goals"));
    assertThat(browser.findElement(By.id("no-goals")).getText()).contains("workspace file");
  }
}
