package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.ingest.SourceHealth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the pages say and how: one language per page, one text for a classifier's verdict on every
 * page, hints that do not pass for values, a favicon, and the inbox's ages told from the posts.
 */
class PageWordsBrowserTest extends BrowserTestBase {
  private static final String FEED = "https://www.tagesschau.de/xml/rss2/";

  /** Reads the pages in German; the language is kept with the account. */
  private static final String GERMAN = "greta";

  @BeforeAll
  static void aFeedCouldNotBeReached() throws Exception {
    runtime
        .access()
        .addUser(GERMAN, org.cluetrain.access.Role.VIEWER, PASSWORD, java.util.Set.of());
    SourceHealth pending = SourceHealth.pending("feed:" + FEED, "bahn", FEED);
    Instant attempt = Instant.now().minusSeconds(60);
    runtime
        .sourceStates()
        .saveHealth(
            new SourceHealth(
                pending.sourceId(),
                pending.project(),
                pending.url(),
                SourceHealth.State.UNREACHABLE,
                attempt,
                null,
                FEED + ": connection refused",
                1,
                0,
                0,
                attempt.plusSeconds(900),
                List.of()));
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }

  private void speakGerman() {
    browser.findElement(By.cssSelector(".language-switch button[value=de]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
  }

  @Test
  void germanPagesSpeakGermanOnly() {
    signIn(GERMAN);
    speakGerman();
    browser.get(url("/p/bahn/alerts"));
    String menu = browser.findElement(By.cssSelector(".mainnav a[data-key='g a']")).getText();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .as("the menu names the page as its title does")
        .isEqualTo(menu)
        .isEqualTo("Alarme");
    String rules = browser.findElement(By.id("alert-rule-table")).getText();
    assertThat(rules).contains("mittel").doesNotContain("medium");

    browser.get(url("/sources"));
    WebElement row =
        browser.findElement(
            By.cssSelector("#source-health tr[data-source-id='feed:" + FEED + "']"));
    assertThat(row.findElement(By.cssSelector(".last-error")).getText())
        .startsWith("Die Adresse war nicht erreichbar");
    assertThat(row.findElement(By.cssSelector(".badge.state")).getText())
        .isEqualTo("nicht erreichbar");
    // the remote's own words stay as they are, marked as a quotation in their language
    WebElement detail = row.findElement(By.cssSelector(".last-error-detail"));
    assertThat(detail.getText()).startsWith("Meldung (im Wortlaut): ");
    assertThat(detail.getAttribute("lang")).isEqualTo("en");
  }

  @Test
  void dateFiltersShowHintsNotValuesAndAFailedSearchLeavesNoEmptyCard() {
    signIn(VIEWER);
    browser.get(url("/p/airlines/mentions"));
    for (String id : List.of("filter-since", "filter-until")) {
      WebElement field = browser.findElement(By.id(id));
      assertThat(field.getAttribute("value")).as(id).isEmpty();
      assertThat(field.getAttribute("placeholder")).as(id).startsWith("e.g. ");
      assertThat(script("return getComputedStyle(arguments[0], '::placeholder').fontStyle;", field))
          .as(id + " hint is set apart from a value")
          .isEqualTo("italic");
    }
    WebElement search = browser.findElement(By.id("filter-q"));
    search.sendKeys("(lufthansa OR");
    browser.findElement(By.id("filter-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-q")));
    assertThat(browser.findElements(By.cssSelector(".mention-list"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("main .card")))
        .allMatch(card -> !card.getText().isBlank());
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPageHasTheFavicon() {
    signIn(VIEWER);
    for (String path : List.of("/p/bahn", "/p/bahn/mentions", "/sources", "/login")) {
      browser.get(url(path));
      WebElement icon = browser.findElement(By.cssSelector("link[rel=icon]"));
      Map<String, Object> fetched =
          (Map<String, Object>)
              script(
                  "var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                      + " return {status: x.status, type: x.getResponseHeader('Content-Type'),"
                      + " body: x.responseText};",
                  icon.getAttribute("href"));
      assertThat(((Number) fetched.get("status")).intValue()).as(path).isEqualTo(200);
      assertThat((String) fetched.get("type")).startsWith("image/svg+xml");
      assertThat((String) fetched.get("body")).startsWith("<svg");
    }
  }

  /** Mentions said "Offensive: other 96 %" where the inbox said "not offensive 96 %". */
  @Test
  void aVerdictReadsTheSameOnMentionsAndInTheInbox() {
    InboxItem item =
        runtime
            .inbox()
            .items(
                new InboxQuery(
                    "airlines",
                    java.util.Set.of(),
                    null,
                    false,
                    null,
                    null,
                    false,
                    Instant.now(),
                    10))
            .get(0);
    signIn(VIEWER);
    int compared = 0;
    browser.get(url("/inbox/" + item.id()));
    Map<String, String> inboxTexts = verdicts(By.cssSelector("#post"));
    assertThat(inboxTexts).isNotEmpty();
    browser.get(url("/p/airlines/mentions?query=@all"));
    Map<String, String> mentionTexts =
        verdicts(By.cssSelector("article.post[data-post-id='" + item.postId() + "']"));
    for (Map.Entry<String, String> verdict : mentionTexts.entrySet()) {
      if (inboxTexts.containsKey(verdict.getKey())) {
        assertThat(verdict.getValue())
            .as(verdict.getKey())
            .isEqualTo(inboxTexts.get(verdict.getKey()));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(2);
    assertThat(mentionTexts.values()).noneMatch(text -> text.startsWith("other "));
  }

  private Map<String, String> verdicts(By where) {
    Map<String, String> texts = new java.util.TreeMap<>();
    for (WebElement badge :
        browser.findElement(where).findElements(By.cssSelector(".badge[class*=verdict-]"))) {
      String task =
          java.util.Arrays.stream(badge.getAttribute("class").split(" "))
              .filter(c -> c.startsWith("verdict-"))
              .findFirst()
              .orElseThrow();
      texts.put(task, badge.getText());
    }
    return texts;
  }

  /** Posts 16 days old were listed as "7 min ago": the age is the post's, not the item's. */
  @Test
  void theInboxTellsEachItemsAgeFromItsPost() {
    List<InboxItem> items =
        runtime
            .inbox()
            .items(
                new InboxQuery(
                    "airlines",
                    java.util.Set.of(),
                    null,
                    false,
                    null,
                    null,
                    false,
                    Instant.now(),
                    50));
    assertThat(items).isNotEmpty();
    signIn(VIEWER);
    browser.get(url("/p/airlines/inbox"));
    for (InboxItem item : items) {
      WebElement row =
          browser.findElement(By.cssSelector("#inbox-items tr[data-item='" + item.id() + "']"));
      WebElement age = row.findElement(By.cssSelector(".meta time"));
      assertThat(age.getAttribute("datetime")).isEqualTo(item.published().toString());
      assertThat(age.getText()).as(item.summary()).endsWith("days ago");
      // the example's posts are weeks old: no response clock runs as if they had just come in
      assertThat(row.findElement(By.cssSelector("td.due")).getText())
          .isEqualTo("came in late, no clock");
    }
  }
}
