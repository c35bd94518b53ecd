package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A goal changed twice in the web application: its page shows the target in effect and both
 * versions, newest first, with who changed what; in German wholly German.
 */
class GoalHistoryBrowserTest extends BrowserTestBase {
  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
    start(TestWorkspaces.example(List.of("nordlicht")));
    Goal goal = runtime.goals().find("nordlicht", "weniger-beschwerden").orElseThrow();
    runtime.goals().save(withTarget(goal, 0.12, goal.owner()), ANALYST);
    runtime.goals().save(withTarget(goal, 0.12, "social media"), ADMIN);
  }

  private static Goal withTarget(Goal goal, double target, String owner) {
    return new Goal(
        goal.project(),
        goal.name(),
        goal.kpi(),
        goal.baselineFrom(),
        goal.baselineTo(),
        target,
        goal.horizonStart(),
        goal.horizonEnd(),
        owner,
        goal.cadence());
  }

  @Test
  void theGoalPageShowsTheTargetInEffectAndTwoVersions() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/nordlicht/goals/weniger-beschwerden"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goal-history")));
    assertThat(browser.findElement(By.id("goal-target")).getText()).contains("12 %");
    var rows = browser.findElements(By.cssSelector("#goal-history tr[data-row]"));
    assertThat(rows).extracting(r -> r.getAttribute("data-version")).containsExactly("2", "1");
    assertThat(rows.get(0).getText()).contains(ADMIN).contains("Owner");
    assertThat(rows.get(1).getText()).contains(ANALYST).contains("Target");
    screenshot("goal-history");
  }

  @Test
  void theHistoryIsWhollyGerman() {
    signIn(VIEWER);
    browser.get(url("/p/nordlicht/goals"));
    browser.findElement(By.cssSelector(".language-switch button[value=de]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
    browser.get(url("/p/nordlicht/goals/weniger-beschwerden"));
    String history = browser.findElement(By.id("goal-history")).getText();
    assertThat(history)
        .contains("Verlauf")
        .contains("Was sich änderte")
        .contains("Zielwert")
        .contains("Verantwortlich")
        .doesNotContain("goals.")
        .doesNotContain("Target")
        .doesNotContain("Owner")
        .doesNotContain("What changed");
  }
}
