package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cluetrain.connectors.mastodon.MastodonSource;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.SourceRunner;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Sources page's coverage timeline shows a real gap: a Mastodon source fetched from an instance
 * on loopback that answers once, then fails with {@code 503}.
 */
class SourcesBrowserTest extends BrowserTestBase {

  /**
   * A status as Mastodon's API documentation shows the Status entity, cut to what is read (no
   * recording of a hashtag timeline exists in the shared data).
   */
  private static final String TIMELINE =
      """
      [{"id": "7", "created_at": "2026-12-01T08:00:00.000Z", "in_reply_to_id": null,
        "uri": "https://mastodon.example/users/ana/statuses/7",
        "url": "https://mastodon.example/@ana/7", "replies_count": 0, "reblogs_count": 0,
        "favourites_count": 0, "spoiler_text": "", "language": "de",
        "content": "<p>Die Bahn fährt heute pünktlich #bahn</p>", "reblog": null,
        "account": {"id": "1", "username": "ana", "acct": "ana", "display_name": "Ana",
          "url": "https://mastodon.example/@ana"},
        "mentions": [], "tags": [{"name": "bahn"}]}]
      """;

  @Test
  void aFailedPollIsAGapOnTheTimelineAndInItsList() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer instance =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    instance.createContext(
        "/",
        exchange -> {
          try (exchange) {
            if (calls.incrementAndGet() == 1) {
              byte[] body = TIMELINE.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            } else {
              exchange.sendResponseHeaders(503, -1);
            }
          }
        });
    instance.start();
    String base = "http://127.0.0.1:" + instance.getAddress().getPort();
    MastodonSource source =
        MastodonSource.of(
            MastodonSource.Settings.of(
                "bahn",
                URI.create(base),
                MastodonSource.Timeline.TAG,
                "bahn",
                Duration.ofMillis(1),
                null,
                false),
            new ApiClient(
                ApiClient.Settings.DEFAULT
                    .withAddresses(AddressPolicy.allowing(List.of("127.0.0.1")))
                    .withHostDelay(Duration.ZERO),
                Clock.systemUTC()));
    try (SourceRunner runner =
        new SourceRunner(
            List.of(source),
            (s, posts, problems) -> runtime.pipeline().process(posts),
            runtime.sourceStates(),
            runtime.gaps(),
            Clock.systemUTC())) {
      runner.pollDue();
      Thread.sleep(20);
      runner.pollDue();
    } finally {
      instance.stop(0);
    }
    assertThat(calls.get()).isEqualTo(2);

    signIn(ADMIN);
    browser.get(url("/sources"));
    WebElement row =
        browser.findElement(
            By.cssSelector("#source-health tr[data-source-id='" + source.id() + "']"));
    screenshot("sources-gap");
    WebElement timeline = row.findElement(By.cssSelector("figure.coverage"));
    assertThat(timeline.findElements(By.cssSelector("rect.covered"))).hasSize(1);
    List<WebElement> marks = timeline.findElements(By.cssSelector("rect.gap-open"));
    assertThat(marks).hasSize(1);
    assertThat(marks.get(0).getAttribute("data-reason")).isEqualTo("server-error");
    assertThat(marks.get(0).getSize().getWidth()).isPositive();
    WebElement gap = row.findElement(By.cssSelector("table.gap-list tr[data-gap]"));
    assertThat(gap.getText())
        .contains("server error (HTTP 5xx)")
        .contains(base + "/api/v1/timelines/tag/bahn")
        .contains("HTTP 503")
        .contains("not yet: posts of this interval may be missing");
    assertThat(row.findElement(By.cssSelector(".badge.state")).getText()).isEqualTo("failing");
  }

  @Test
  void anAdminAddsChangesAndRemovesAMastodonSourceOnThePage() {
    signIn(ADMIN);
    browser.get(url("/sources"));
    fill("name", "fediverse");
    fill("instance", "http://127.0.0.1:9");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("timeline")))
        .selectByValue("tag");
    fill("value", "bahn");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    // the answer is a new page: wait for it rather than read the old one
    assertThat(
            wait.until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.id("source-problem")))
                .getText())
        .contains("instance 'http://127.0.0.1:9' is refused")
        .contains("network section");
    // other tests of this class add sources of other kinds to the same server
    assertThat(runtime.sourceStates().definitions())
        .as("the refused instance was not stored")
        .noneMatch(d -> "mastodon".equals(d.kind()));

    fill("instance", "https://mastodon.example");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("sources-notice")).getText())
        .isEqualTo("Source 'fediverse' saved; it is polled within seconds.");
    assertThat(mastodonSources())
        .singleElement()
        .satisfies(d -> assertThat(d.settings()).containsEntry("tag", "bahn"));

    browser
        .findElement(By.cssSelector("tr[data-defined='bahn/fediverse'] a[href*='edit=']"))
        .click();
    assertThat(browser.findElement(By.name("value")).getAttribute("value")).isEqualTo("bahn");
    fill("value", "deutschebahn");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
            By.id("sources-notice")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("kind")))
        .selectByValue("youtube");
    fill("name", "yt");
    fill("value", "@acme");
    fill("token-env", "YOUTUBE_KEY");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    assertThat(
            wait.until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.id("source-problem")))
                .getText())
        .isEqualTo(
            "YouTube '@acme' is neither a video id such as dQw4w9WgXcQ nor a channel id such as"
                + " UCuAXFkgsw1L7xaCfnd5JJOw");
    assertThat(mastodonSources())
        .singleElement()
        .satisfies(d -> assertThat(d.settings()).containsEntry("tag", "deutschebahn"));

    browser
        .findElement(By.cssSelector("tr[data-defined='bahn/fediverse'] button[type=submit]"))
        .click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
            By.id("sources-notice"), "removed"));
    assertThat(browser.findElement(By.id("sources-notice")).getText())
        .isEqualTo("Source 'fediverse' removed.");
    assertThat(mastodonSources()).isEmpty();
  }

  /** The Mastodon sources defined on the page; other tests of this class add other kinds. */
  private static java.util.List<org.cluetrain.ingest.SourceDefinition> mastodonSources() {
    return runtime.sourceStates().definitions().stream()
        .filter(d -> "mastodon".equals(d.kind()))
        .toList();
  }

  @Test
  void anAdminAddsHackerNewsAndBlueskySourcesChosenByKind() {
    signIn(ADMIN);
    browser.get(url("/sources"));
    org.openqa.selenium.support.ui.Select kind =
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("kind")));
    assertThat(kind.getOptions())
        .extracting(WebElement::getText)
        .containsExactly(
            "Mastodon", "Hacker News", "Bluesky", "Forum thread or board", "YouTube comments");
    kind.selectByValue("hackernews");
    fill("name", "hn");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("sources-notice")).getText())
        .isEqualTo("Source 'hn' saved; it is polled within seconds.");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("kind")))
        .selectByValue("bluesky");
    fill("name", "sky");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    // the answer is a new page: wait for it rather than read the old one
    assertThat(
            wait.until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.id("source-problem")))
                .getText())
        .contains("a Bluesky source needs a search query or an account");
    fill("value", "@Acme.bsky.social");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
            By.id("sources-notice")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("kind")))
        .selectByValue("forum");
    fill("name", "x5");
    fill("instance", "https://forum.example/viewtopic.php?t=7");
    fill("value", "");
    browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
            By.id("sources-notice")));
    assertThat(runtime.sourceStates().definitions())
        .extracting(d -> d.name() + " " + d.kind() + " " + d.url() + " " + d.settings())
        .containsExactlyInAnyOrder(
            "hn hackernews https://hacker-news.firebaseio.com {mode=new}",
            "sky bluesky https://public.api.bsky.app {author=acme.bsky.social}",
            "x5 forum https://forum.example/viewtopic.php?t=7 {}");

    browser.findElement(By.cssSelector("tr[data-defined='bahn/sky'] a[href*='edit=']")).click();
    assertThat(
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("kind")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("bluesky");
    assertThat(browser.findElement(By.name("value")).getAttribute("value"))
        .isEqualTo("@acme.bsky.social");
    // the runtime is shared by the class's tests
    runtime.sourceStates().removeDefinition("bahn", "hn");
    runtime.sourceStates().removeDefinition("bahn", "sky");
  }

  @Test
  void viewersSeeNoSourceForm() {
    signIn(VIEWER);
    browser.get(url("/sources"));
    assertThat(browser.findElements(By.id("source-form"))).isEmpty();
  }

  private void fill(String name, String value) {
    WebElement field = browser.findElement(By.cssSelector("#source-form [name='" + name + "']"));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void eachSourceShowsItsRetentionAndAnAdminRunsItNow() throws Exception {
    signIn(ADMIN);
    browser.get(url("/sources"));
    WebElement stored = browser.findElement(By.id("stored-posts"));
    List<WebElement> rows = stored.findElements(By.cssSelector("tr[data-row]"));
    assertThat(rows).isNotEmpty();
    // the example keeps the bahn project's posts for months or years, and the airlines' forever
    assertThat(rows)
        .filteredOn(r -> r.getText().startsWith("bahn"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.findElement(By.cssSelector("td.retention")).getText())
                    .matches("15 months|3 years|6 months"));
    assertThat(rows)
        .filteredOn(r -> r.getText().startsWith("airlines"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.findElement(By.cssSelector("td.retention")).getText())
                    .isEqualTo("keep forever"));
    WebElement retention = browser.findElement(By.id("retention"));
    String lastRun = retention.findElement(By.id("retention-last-run")).getText();
    screenshot("sources-retention");

    retention.findElement(By.cssSelector("#retention-run button[type=submit]")).click();
    wait.until(
        d ->
            d.findElements(By.id("sources-notice")).stream()
                .anyMatch(n -> n.getText().startsWith("Retention ran:")));
    assertThat(browser.findElement(By.id("sources-notice")).getText())
        .isEqualTo("Retention ran: no posts and no inbox items removed.");
    assertThat(browser.findElement(By.id("retention-last-run")).getText())
        .startsWith("Last run:")
        .isNotEqualTo(lastRun);
    assertThat(browser.findElements(By.cssSelector("#retention-runs tr[data-project]")))
        .extracting(r -> r.getAttribute("data-project"))
        .containsExactly("airlines", "bahn");
    assertThat(
            runtime
                .audit()
                .count(
                    new org.cluetrain.audit.AuditQuery(
                        org.cluetrain.audit.AuditKind.RETENTION_RUN, ADMIN, null, null, 0, 10)))
        .isPositive();
  }

  @Test
  void aViewerSeesTheRetentionInGermanButNoRunButton() {
    signIn(VIEWER);
    browser.get(url("/sources"));
    assertThat(browser.findElements(By.cssSelector("#stored-posts td.retention"))).isNotEmpty();
    assertThat(browser.findElements(By.id("retention-next-run"))).hasSize(1);
    assertThat(browser.findElements(By.id("retention-run"))).isEmpty();

    browser.findElement(By.cssSelector(".language-switch button[value=de]")).click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe(
            By.tagName("html"), "lang", "de"));
    browser.get(url("/sources"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#stored-posts tr[data-row]"));
    assertThat(rows)
        .filteredOn(r -> r.getText().startsWith("bahn"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.findElement(By.cssSelector("td.retention")).getText())
                    .matches("15 Monate|3 Jahre|6 Monate"));
    assertThat(rows)
        .filteredOn(r -> r.getText().startsWith("airlines"))
        .allSatisfy(
            r ->
                assertThat(r.findElement(By.cssSelector("td.retention")).getText())
                    .isEqualTo("unbegrenzt aufbewahren"));
    assertThat(browser.findElement(By.cssSelector("#retention h2")).getText())
        .isEqualTo("Aufbewahrung");
  }
}
