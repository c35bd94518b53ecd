package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cluetrain.app.poll.LivePolling;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The listening pages in a real browser: overview charts, mention filters, threads, sources. */
class ListeningBrowserTest extends BrowserTestBase {

  @BeforeAll
  static void feedsAreKnown() throws Exception {
    // what 'serve' records for every declared feed before its first fetch
    for (var feed :
        LivePolling.subscriptions(
            WorkspaceReader.read(java.nio.file.Path.of("../examples/workspace.yaml")))) {
      runtime
          .sourceStates()
          .saveHealth(SourceHealth.pending(feed.sourceId(), feed.project(), feed.url()));
    }
  }

  /** The series of a drawn chart, by name, read from ECharts itself. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> series(String chartId) {
    WebElement chart = browser.findElement(By.id(chartId));
    wait.until(ExpectedConditions.attributeToBe(chart, "data-rendered", "true"));
    Object option =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var o = echarts.getInstanceByDom(arguments[0]).getOption();"
                    + " return o.series.map(function (s) { return {name: s.name, type: s.type,"
                    + " data: s.data.map(function (d) { return d.value !== undefined ? d.value : d; }),"
                    + " names: s.data.map(function (d) { return d.name || null; })}; });",
                chart);
    return (List<Map<String, Object>>) option;
  }

  private static long total(Map<String, Object> series) {
    return ((List<?>) series.get("data")).stream().mapToLong(v -> ((Number) v).longValue()).sum();
  }

  private List<StoredPost> stored(String project) throws Exception {
    return runtime
        .store()
        .search(new SearchRequest("", project, null, null, SearchRequest.MAX_LIMIT))
        .posts();
  }

  @Test
  void theOverviewDrawsItsChartsFromTheData() throws Exception {
    signIn(VIEWER);
    browser.get(url("/"));
    wait.until(ExpectedConditions.urlToBe(url("/p/bahn")));

    List<Map<String, Object>> volume = series("chart-volume");
    assertThat(volume)
        .extracting(s -> s.get("name"))
        .containsExactly("marke", "service-lob", "flixbus");
    assertThat(volume).allMatch(s -> "line".equals(s.get("type")));
    List<StoredPost> posts = stored("bahn");
    for (Map<String, Object> line : volume) {
      long expected =
          posts.stream()
              .filter(p -> p.matchedQueries().contains("bahn/" + line.get("name")))
              .count();
      assertThat(total(line)).as("volume of " + line.get("name")).isEqualTo(expected);
    }
    assertThat(total(volume.get(0))).isPositive();

    List<Map<String, Object>> sentiment = series("chart-sentiment");
    assertThat(sentiment)
        .extracting(s -> s.get("name"))
        .containsExactly("positive", "neutral", "negative");
    assertThat(sentiment).allMatch(s -> "bar".equals(s.get("type")));
    long labelled = sentiment.stream().mapToLong(ListeningBrowserTest::total).sum();
    assertThat(labelled).isPositive();

    List<Map<String, Object>> share = series("chart-share");
    assertThat(share).hasSize(1);
    assertThat((List<Object>) share.get(0).get("names")).containsExactly("bahn", "flixbus");
    assertThat(series("chart-sources")).hasSize(1);

    String mentions = browser.findElement(By.cssSelector("#kpi-mentions .value")).getText();
    long brand =
        posts.stream()
            .filter(
                p ->
                    p.matchedQueries().contains("bahn/marke")
                        || p.matchedQueries().contains("bahn/service-lob"))
            .count();
    assertThat(mentions).isEqualTo(Long.toString(brand));
    assertThat(browser.findElements(By.cssSelector("#growing-threads tbody tr"))).isNotEmpty();
    screenshot("overview");

    // a click on the negative-share figure leads to exactly those mentions
    browser.findElement(By.id("kpi-negative")).click();
    wait.until(ExpectedConditions.urlContains("sentiment=negative"));
    long negative =
        posts.stream()
            .filter(
                p ->
                    p.matchedQueries().contains("bahn/marke")
                        || p.matchedQueries().contains("bahn/service-lob"))
            .filter(
                p ->
                    p.post().labels().get("sentiment") != null
                        && p.post().labels().get("sentiment").value().equals("negative"))
            .count();
    assertThat(browser.findElements(By.cssSelector("article.post"))).hasSize((int) negative);
  }

  @Test
  void filtersNarrowTheMentionsAndASyntaxErrorIsShownInPlace() throws Exception {
    signIn(ANALYST);
    browser.get(url("/p/airlines/mentions"));
    List<StoredPost> posts = stored("airlines");
    long matched = posts.stream().filter(p -> !p.matchedQueries().isEmpty()).count();
    assertThat(browser.findElement(By.id("result-count")).getAttribute("data-total"))
        .isEqualTo(Long.toString(matched));
    assertThat(browser.findElements(By.cssSelector("article.post mark"))).isNotEmpty();

    new Select(browser.findElement(By.id("filter-sentiment"))).selectByValue("negative");
    new Select(browser.findElement(By.id("filter-query"))).selectByValue("complaints");
    browser.findElement(By.id("filter-submit")).click();
    wait.until(ExpectedConditions.urlContains("sentiment=negative"));
    long expected =
        posts.stream()
            .filter(p -> p.matchedQueries().contains("airlines/complaints"))
            .filter(
                p ->
                    p.post().labels().get("sentiment") != null
                        && p.post().labels().get("sentiment").value().equals("negative"))
            .count();
    assertThat(expected).isLessThan(matched);
    assertThat(browser.findElement(By.id("result-count")).getAttribute("data-total"))
        .isEqualTo(Long.toString(expected));
    assertThat(browser.findElements(By.cssSelector("article.post"))).hasSize((int) expected);
    for (WebElement why : browser.findElements(By.cssSelector("article.post .why"))) {
      assertThat(why.getText()).contains("complaints").contains("negative");
    }
    screenshot("mentions");

    WebElement search = browser.findElement(By.id("filter-q"));
    search.clear();
    search.sendKeys("(lufthansa OR");
    browser.findElement(By.id("filter-submit")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-q")));
    assertThat(error.getText()).contains("does not parse").contains("at ");
    assertThat(browser.findElement(By.id("error-caret")).getText()).endsWith("^");
    assertThat(browser.findElement(By.id("filter-q")).getAttribute("value"))
        .isEqualTo("(lufthansa OR");
  }

  @Test
  void aMentionOpensItsThreadWithTheMatchedPostMarked() throws Exception {
    signIn(VIEWER);
    browser.get(url("/p/bahn/mentions?kind=comment"));
    WebElement first = browser.findElement(By.cssSelector("article.post"));
    String postId = first.getAttribute("data-post-id");
    first.findElement(By.cssSelector("a.thread-link")).click();
    wait.until(ExpectedConditions.urlContains("/threads/"));
    WebElement tree = browser.findElement(By.id("thread-tree"));
    WebElement item = tree.findElement(By.cssSelector("li[data-post-id='" + postId + "']"));
    assertThat(item.getAttribute("class")).contains("matched");
    // the comment hangs below the post it answers
    StoredPost post = runtime.store().get(postId).orElseThrow();
    WebElement parent = item.findElement(By.xpath("ancestor::li[1]"));
    assertThat(parent.getAttribute("data-post-id")).isEqualTo(post.post().parentId());
    int stored = runtime.store().thread(post.post().threadId(), 1000).size();
    assertThat(tree.findElements(By.cssSelector("li[data-post-id]"))).hasSize(stored);
    screenshot("thread");
  }

  @Test
  void theSourcesPageListsTheExampleFeedsHealth() throws Exception {
    signIn(VIEWER);
    browser.get(url("/sources"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#source-health tbody tr"));
    assertThat(rows)
        .extracting(r -> r.getAttribute("data-source-id"))
        .contains(
            "feed:https://www.tagesschau.de/xml/rss2/",
            "feed:https://feeds.bbci.co.uk/news/business/rss.xml");
    assertThat(rows.get(0).findElement(By.cssSelector(".badge.state")).getText())
        .isEqualTo("pending");
    assertThat(browser.findElement(By.id("stored-posts")).getText())
        .contains("bahn")
        .contains("airlines");
    screenshot("sources");
  }

  @Test
  void theNavigationWorksOnAPhone() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn(VIEWER);
    browser.get(url("/p/bahn"));
    wait.until(ExpectedConditions.attributeToBe(By.id("chart-volume"), "data-rendered", "true"));
    WebElement nav = browser.findElement(By.cssSelector(".mainnav"));
    Long pageWidth =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
    assertThat(pageWidth).isLessThanOrEqualTo(390);
    assertThat(nav.getRect().getWidth()).isLessThanOrEqualTo(390);
    screenshot("overview-phone");
    WebElement mentions = nav.findElement(By.cssSelector("a[data-key='g m']"));
    assertThat(mentions.isDisplayed()).isTrue();
    mentions.click();
    wait.until(ExpectedConditions.urlToBe(url("/p/bahn/mentions")));
    assertThat(browser.findElement(By.cssSelector(".mainnav a.active")).getText())
        .isEqualTo("Mentions");
  }

  @Test
  void theSourcesPageFitsAPhone() {
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn(VIEWER);
    browser.get(url("/sources"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("source-health")));
    // a feed's address is one long word: it must break, not push the page sideways
    Long pageWidth =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
    assertThat(pageWidth).isLessThanOrEqualTo(390);
  }
}
