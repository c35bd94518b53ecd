package org.cluetrain.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cluetrain.model.Label;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a new user saw wrong on the overview: thread links that led nowhere and were named by raw
 * ids, a page that scrolled sideways, chart labels cut off, one line hiding another, hair-thin bars
 * and spam senders among the most active authors.
 */
class OverviewBrowserTest extends BrowserTestBase {
  private static final List<String> CHARTS =
      List.of("chart-volume", "chart-share", "chart-sentiment", "chart-sources");

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }

  private void openOverview(String project) {
    browser.get(url("/p/" + project));
    for (String chart : CHARTS) {
      wait.until(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
    }
  }

  private List<StoredPost> stored(String project) throws Exception {
    return runtime
        .store()
        .search(new SearchRequest("", project, null, null, SearchRequest.MAX_LIMIT))
        .posts();
  }

  /**
   * Every text a chart draws, with its box in the chart's own pixels: {text, left, right, top,
   * bottom, width, height}, the last two being the chart's size.
   */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> drawnTexts(String chartId) {
    return (List<Map<String, Object>>)
        script(
            "var chart = echarts.getInstanceByDom(arguments[0]); var out = [];"
                + " chart.getZr().storage.getDisplayList(true, true).forEach(function (e) {"
                + "   if ((e.type !== 'text' && e.type !== 'tspan') || !e.style || !e.style.text || e.ignore) return;"
                + "   var r = e.getBoundingRect().clone();"
                + "   if (e.transform) r.applyTransform(e.transform);"
                + "   out.push({text: String(e.style.text), left: r.x, right: r.x + r.width,"
                + "     top: r.y, bottom: r.y + r.height, width: chart.getWidth(),"
                + "     height: chart.getHeight()}); });"
                + " return out;",
            browser.findElement(By.id(chartId)));
  }

  private void assertNoSidewaysScroll(String where) {
    Number scrollWidth = (Number) script("return document.documentElement.scrollWidth;");
    Number innerWidth = (Number) script("return window.innerWidth;");
    assertThat(scrollWidth.longValue())
        .as("page width of " + where)
        .isLessThanOrEqualTo(innerWidth.longValue());
    Number navOverflow =
        (Number)
            script(
                "var nav = document.querySelector('.mainnav');"
                    + " return nav.scrollWidth - nav.clientWidth;");
    assertThat(navOverflow.longValue()).as("navigation scrolls sideways on " + where).isZero();
  }

  private void assertChartTextsWhole(String where) {
    for (String chart : CHARTS) {
      List<Map<String, Object>> texts = drawnTexts(chart);
      assertThat(texts).as(chart + " draws text on " + where).isNotEmpty();
      for (Map<String, Object> text : texts) {
        String what = chart + " '" + text.get("text") + "' on " + where;
        assertThat((String) text.get("text")).as(what + " is cut").doesNotContain("…", "...");
        double left = ((Number) text.get("left")).doubleValue();
        double right = ((Number) text.get("right")).doubleValue();
        double width = ((Number) text.get("width")).doubleValue();
        assertThat(left).as(what + " starts inside the chart").isGreaterThanOrEqualTo(-0.5);
        assertThat(right).as(what + " ends inside the chart").isLessThanOrEqualTo(width + 0.5);
      }
    }
  }

  @Test
  void theOverviewFitsTheScreenWithWholeLabelsOnADesktopAndAPhone() throws Exception {
    signIn(VIEWER);
    for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
      browser.manage().window().setSize(size);
      for (String project : List.of("airlines", "bahn")) {
        openOverview(project);
        String where = project + " at " + size.getWidth() + " px";
        assertNoSidewaysScroll(where);
        assertChartTextsWhole(where);
        screenshot("overview-" + project + "-" + size.getWidth());
      }
    }
  }

  @Test
  void sentimentBarsAreWideEnoughToSee() {
    signIn(VIEWER);
    openOverview("airlines");
    Number narrowest =
        (Number)
            script(
                "var chart = echarts.getInstanceByDom(arguments[0]); var min = Infinity;"
                    + " chart.getModel().eachSeriesByType('bar', function (s) {"
                    + "   var data = s.getData();"
                    + "   for (var i = 0; i < data.count(); i++) {"
                    + "     var l = data.getItemLayout(i);"
                    + "     var v = data.get(data.mapDimension('y'), i);"
                    + "     if (l && v > 0) min = Math.min(min, Math.abs(l.width));"
                    + "   } });"
                    + " return min === Infinity ? -1 : min;",
                browser.findElement(By.id("chart-sentiment")));
    assertThat(narrowest.doubleValue()).isGreaterThanOrEqualTo(6);
  }

  /** In the bahn volume chart the flixbus line lay exactly on the marke line and hid it. */
  @Test
  @SuppressWarnings("unchecked")
  void noLineOfTheVolumeChartHidesAnother() {
    signIn(VIEWER);
    openOverview("bahn");
    List<Map<String, Object>> lines =
        (List<Map<String, Object>>)
            script(
                "var o = echarts.getInstanceByDom(arguments[0]).getOption();"
                    + " return o.series.map(function (s) { return {name: s.name,"
                    + " values: s.data.map(function (d) { return d.value; }).join(','),"
                    + " symbol: s.symbol, width: s.lineStyle && s.lineStyle.width}; });",
                browser.findElement(By.id("chart-volume")));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
    Set<String> values =
        lines.stream().map(l -> (String) l.get("values")).collect(Collectors.toSet());
    assertThat(values.size())
        .as("the example has two lines with the same values")
        .isLessThan(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      for (int j = i + 1; j < lines.size(); j++) {
        Map<String, Object> below = lines.get(i);
        Map<String, Object> above = lines.get(j);
        assertThat(((Number) below.get("width")).doubleValue())
            .as(below.get("name") + " is drawn wider than " + above.get("name") + " on top of it")
            .isGreaterThan(((Number) above.get("width")).doubleValue());
        assertThat(below.get("symbol")).isNotEqualTo(above.get("symbol"));
      }
    }
  }

  @Test
  void growingThreadsLinkToTheirThreadsNamedByTheirFirstWords() {
    signIn(VIEWER);
    for (String project : List.of("airlines", "bahn")) {
      browser.get(url("/p/" + project));
      List<WebElement> links =
          browser.findElements(By.cssSelector("#growing-threads a.thread-link"));
      assertThat(links).as(project).isNotEmpty();
      List<String[]> targets = new ArrayList<>();
      for (WebElement link : links) {
        String name = link.getText();
        assertThat(name).as("thread name on " + project).isNotBlank().doesNotContain("://");
        targets.add(new String[] {link.getAttribute("href"), name});
      }
      for (String[] target : targets) {
        browser.get(target[0]);
        assertThat(browser.findElements(By.id("error"))).as(target[0]).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#thread-tree li[data-post-id]")))
            .isNotEmpty();
        String heading = browser.findElement(By.tagName("h1")).getText();
        assertThat(heading).doesNotContain("://");
        String start = target[1].replace("…", "");
        start = start.substring(0, Math.min(30, start.length()));
        assertThat(heading).as("the thread page names it as the overview does").startsWith(start);
      }
    }
  }

  @Test
  void anAddressThatLeadsNowhereShowsTheStyledNotFoundPage() {
    signIn(VIEWER);
    // the link the overview used to write for a Mastodon thread
    browser.get(url("/threads/mastodon:https://travel.example/api/v1/statuses/200007"));
    WebElement error = browser.findElement(By.id("error"));
    assertThat(error.getAttribute("data-status")).isEqualTo("404");
    assertThat(browser.findElement(By.cssSelector("#error h1")).getText()).isEqualTo("Not found.");
    assertThat(error.getText())
        .contains("There is no page at /threads/mastodon:https://travel.example")
        .doesNotContain("Endpoint");
    assertThat(browser.getTitle()).isEqualTo("Not found. · Cluetrain");
    // styled: the product's stylesheet is applied, with its navigation
    assertThat(
            script("return getComputedStyle(document.querySelector('.topbar')).backgroundColor;"))
        .isEqualTo("rgb(29, 35, 48)");
    assertThat(browser.findElements(By.cssSelector(".mainnav"))).isNotEmpty();
  }

  /**
   * The multipliers are ranked by the people they drew in, each figure named on a phone too, and
   * the sentiment per source links to the posts behind its counts.
   */
  @Test
  void multipliersAndTheSentimentPerSourceShowWhoDrawsPeopleInAndWhereItIsNegative() {
    signIn(VIEWER);
    browser.get(url("/p/airlines?days=90"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#multipliers tbody tr"));
    assertThat(rows).as("the example's threads have openers who drew replies").isNotEmpty();
    List<Long> voices =
        rows.stream()
            .map(r -> Long.parseLong(r.findElements(By.tagName("td")).get(1).getText().strip()))
            .toList();
    assertThat(voices).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(voices.get(0)).isPositive();
    assertThat(browser.findElement(By.id("multipliers")).getText())
        .doesNotContain("Travel Deals 4U");

    List<WebElement> sources = browser.findElements(By.cssSelector("#source-sentiment tbody tr"));
    assertThat(sources).isNotEmpty();
    WebElement negative = sources.get(0).findElements(By.tagName("td")).get(5);
    String count = negative.getText().strip();
    String href = negative.findElement(By.tagName("a")).getAttribute("href");
    assertThat(href).contains("sentiment=negative").contains("source=");
    browser.get(href);
    WebElement total =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
    assertThat(total.getAttribute("data-total")).isEqualTo(count);

    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/p/airlines?days=90"));
    WebElement firstVoices =
        browser.findElement(By.cssSelector("#multipliers tbody tr td:nth-child(2)"));
    assertThat(
            (String)
                script("return getComputedStyle(arguments[0], '::before').content;", firstVoices))
        .as("on a phone each figure says what it is")
        .contains("Voices");
    assertNoSidewaysScroll("airlines at 390 px");
  }

  /**
   * Spam senders ("Bester Kredit", "Sofortkredit ohne Schufa!") were listed among the most active
   * authors, and their posts carried no spam badge in the thread.
   */
  @Test
  void spamSendersAreNotAmongTheMostActiveAuthorsAndCarryABadgeInTheirThread() throws Exception {
    List<StoredPost> posts = stored("airlines");
    List<StoredPost> spam =
        posts.stream()
            .filter(
                p -> {
                  Label label = p.post().labels().get("spam");
                  return label != null && !label.unsure() && label.value().equals("spam");
                })
            .toList();
    assertThat(spam)
        .as("the example has spam replies")
        .extracting(p -> p.post().author().name())
        .contains("Travel Deals 4U");
    Set<String> spammers =
        posts.stream()
            .filter(p -> p.post().author() != null)
            .collect(Collectors.groupingBy(p -> p.post().author().name()))
            .entrySet()
            .stream()
            .filter(e -> spam.containsAll(e.getValue()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());

    signIn(VIEWER);
    browser.get(url("/p/airlines?days=90"));
    List<String> active =
        browser.findElements(By.cssSelector("#active-authors tbody tr")).stream()
            .map(r -> r.findElement(By.tagName("a")).getText())
            .toList();
    assertThat(active).contains("Sam Porter", "Rita Okafor").doesNotContainAnyElementsOf(spammers);
    assertThat(browser.findElement(By.id("growing-threads")).getText())
        .as("spam makes no thread grow")
        .doesNotContain("FREE TICKETS");

    for (StoredPost one : spam) {
      browser.get(url(org.cluetrain.web.threads.ThreadLinks.path(one.post().threadId())));
      WebElement item =
          browser.findElement(By.cssSelector("li[data-post-id='" + one.post().id() + "']"));
      assertThat(item.findElement(By.cssSelector(":scope > article .badge.spam")).getText())
          .startsWith("spam ");
      long inThread =
          posts.stream()
              .filter(p -> p.post().threadId().equals(one.post().threadId()))
              .filter(spam::contains)
              .count();
      assertThat(browser.findElements(By.cssSelector("#thread-tree .badge.spam")))
          .as("only spam carries the badge")
          .hasSize((int) inThread);
    }
    screenshot("thread-spam");
  }
}
