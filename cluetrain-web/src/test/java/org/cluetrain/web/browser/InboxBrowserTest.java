package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.Status;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An analyst works an inbox item from open to done, mostly from the keyboard. */
class InboxBrowserTest extends BrowserTestBase {

  void press(String keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  List<String> logKinds() {
    return browser.findElements(By.cssSelector("#log li.event")).stream()
        .map(li -> li.getAttribute("class").replace("event", "").strip())
        .toList();
  }

  @Test
  void anAnalystWorksAnItemFromOpenToDone() throws Exception {
    signIn(ANALYST);

    // a saved reply, managed in the interface
    browser.get(url("/p/bahn/inbox/replies"));
    browser.findElement(By.id("reply-name")).sendKeys("Danke");
    browser
        .findElement(By.id("reply-text"))
        .sendKeys("Danke für Ihre Geduld, wir haben das an das Team der App weitergegeben.");
    browser.findElement(By.cssSelector("#add-reply button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-replies")));
    assertThat(browser.findElement(By.id("saved-replies")).getText()).contains("Danke");

    // the list: the rules' items, sorted by due time; j and Enter open the first
    browser.get(url("/p/bahn/inbox"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#inbox-items tr[data-row]"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    String firstId = rows.get(0).getAttribute("data-item");
    screenshot("inbox");
    press("j");
    assertThat(rows.get(0).getAttribute("class")).contains("selected");
    press("\n");
    wait.until(ExpectedConditions.urlContains("/inbox/" + firstId));
    long id = Long.parseLong(firstId);
    assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("Open");
    assertThat(browser.findElement(By.id("post")).getText()).contains("Sentiment");
    assertThat(browser.findElement(By.id("thread-link")).getAttribute("href"))
        .contains("/threads/~");

    // "a": assign to me
    press("a");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-assignee"), ANALYST));

    // "n": a note
    press("n");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("note-text");
    press("Fahrgast fragt nach der App; Antwort mit dem Team abgestimmt.");
    browser.findElement(By.id("add-note")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log li.note")));

    // a response from the saved reply, with the link where it was published; a bad link first
    press("r");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("response-text");
    new Select(browser.findElement(By.id("saved-reply"))).selectByVisibleText("Danke");
    assertThat(browser.findElement(By.id("response-text")).getAttribute("value"))
        .startsWith("Danke für Ihre Geduld");
    browser.findElement(By.id("response-text")).sendKeys(" Gute Fahrt!");
    // the browser's own check of type=url is bypassed so the server's message shows
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('response-url').type = 'text'");
    browser.findElement(By.id("response-url")).sendKeys("blog kommentar 12");
    browser.findElement(By.id("record-response")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#response [role=alert]"), "is not a web address"));
    assertThat(browser.findElement(By.id("response-text")).getAttribute("value"))
        .as("what was typed is kept")
        .endsWith("Gute Fahrt!");
    browser.findElement(By.id("response-url")).clear();
    browser
        .findElement(By.id("response-url"))
        .sendKeys(
            "https://unterwegs-mit-der-bahn.example/2026/11/drei-stunden-am-bahnsteig/#comment-12");
    browser.findElement(By.id("record-response")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log li.response")));
    assertThat(browser.findElement(By.cssSelector("#log li.response")).getText())
        .contains("Danke für Ihre Geduld")
        .contains("Gute Fahrt!")
        .contains("#comment-12");
    assertThat(browser.findElement(By.id("clock")).getText()).contains("Answered");

    // "e": done
    press("e");
    wait.until(ExpectedConditions.textToBe(By.id("item-status"), "Done"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("inbox-item");

    // after a reload everything is still there, in the store too
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("Done");
    assertThat(browser.findElement(By.id("item-assignee")).getText()).contains(ANALYST);
    assertThat(logKinds()).containsSubsequence("created", "assigned", "note", "response", "status");
    assertThat(browser.findElement(By.id("log")).getText())
        .contains("assigned the item to ana")
        .contains("set the status to Done");
    InboxItem stored = runtime.inbox().item(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(Status.DONE);
    assertThat(stored.assignee()).isEqualTo(ANALYST);
    assertThat(stored.responded()).isNotNull();
    assertThat(runtime.inbox().log(id))
        .filteredOn(e -> e.kind() == InboxEvent.Kind.RESPONSE)
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(ANALYST));

    // the list: done items leave the default view and show under "done" and "mine"
    browser.get(url("/p/bahn/inbox"));
    assertThat(browser.findElements(By.cssSelector("#inbox-items tr[data-item='" + id + "']")))
        .isEmpty();
    new Select(browser.findElement(By.name("status"))).selectByValue("done");
    wait.until(ExpectedConditions.urlContains("status=done"));
    new Select(browser.findElement(By.name("assignee"))).selectByValue("me");
    wait.until(ExpectedConditions.urlContains("assignee=me"));
    assertThat(browser.findElements(By.cssSelector("#inbox-items tr[data-row]")))
        .extracting(r -> r.getAttribute("data-item"))
        .containsExactly(firstId);
  }

  @Test
  void aPostBecomesAnItemByHand() throws Exception {
    String postId =
        runtime
            .store()
            .search(
                new org.cluetrain.store.SearchRequest(
                    "Flixbus AND Glückssache", "bahn", null, null, 1))
            .posts()
            .get(0)
            .post()
            .id();
    signIn(ANALYST);
    browser.get(url(org.cluetrain.web.inbox.InboxPages.postLink("bahn", postId)));
    assertThat(browser.findElement(By.id("post")).getText()).contains("Glückssache");
    browser.findElement(By.id("create-item")).click();
    wait.until(ExpectedConditions.urlMatches("/inbox/\\d+$"));
    assertThat(browser.findElement(By.id("log")).getText()).contains("ana made this an item");
    assertThat(browser.findElement(By.id("clock")).getText()).contains("/ 4 h");
    // the same post again leads to the same item
    String itemUrl = browser.getCurrentUrl();
    browser.get(url(org.cluetrain.web.inbox.InboxPages.postLink("bahn", postId)));
    wait.until(ExpectedConditions.urlToBe(itemUrl));
  }

  @Test
  void viewersReadButCannotAct() {
    signIn(VIEWER);
    browser.get(url("/p/bahn/inbox"));
    String id =
        browser.findElement(By.cssSelector("#inbox-items tr[data-row]")).getAttribute("data-item");
    browser.get(url("/inbox/" + id));
    assertThat(browser.findElement(By.id("log")).getText())
        .contains("made this an item by the rule");
    assertThat(browser.findElements(By.id("actions"))).isEmpty();
    press("e");
    assertThat(browser.findElement(By.id("item-status")).getText()).isNotEqualTo("Done");
  }
}
