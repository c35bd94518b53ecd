package org.cluetrain.connectors.forum;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.Dates;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Threads and boards of the forums read as HTML pages: phpBB (prosilver), XenForo 2, vBulletin 4
 * and a WordPress post's comment list. Each engine's templates name the parts of a post the same
 * way on every board that runs it; a page where they are missing is not read by guessing.
 */
final class HtmlThreads {
  private static final Pattern DIGITS = Pattern.compile("(\\d+)");
  private static final Pattern PHPBB_POST = Pattern.compile("[?&;]p=(\\d+)");
  private static final Pattern VB_POST = Pattern.compile("[?&]p=(\\d+)|post(\\d+)");
  private static final Pattern XF_SOURCE = Pattern.compile("post:\\s*(\\d+)");
  private static final Pattern VB_DATE = Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})");
  private static final Pattern CLOCK_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*([AaPp][Mm])?");

  private HtmlThreads() {}

  /** Whether the address is a board (a list of threads) rather than a thread of this engine. */
  static boolean isBoard(ForumEngine engine, URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    return switch (engine) {
      case PHPBB -> path.endsWith("viewforum.php");
      case XENFORO -> path.contains("/forums/");
      case VBULLETIN -> path.endsWith("forumdisplay.php") || path.contains("/forums/");
      case DISCOURSE -> !path.contains("/t/");
      case WORDPRESS -> false;
    };
  }

  /** The addresses of the threads a board page lists, in its order. */
  static List<String> boardThreads(ForumEngine engine, Document page) {
    String selector =
        switch (engine) {
          case PHPBB -> "ul.topiclist.topics li.row a.topictitle[href]";
          case XENFORO -> "div.structItem--thread div.structItem-title a[href*=/threads/]";
          case VBULLETIN -> "ol#threads li.threadbit a.title[href]";
          case DISCOURSE, WORDPRESS -> "";
        };
    Set<String> threads = new LinkedHashSet<>();
    if (!selector.isEmpty()) {
      for (Element link : page.select(selector)) {
        String href = link.absUrl("href");
        if (href.startsWith("http")) {
          threads.add(withoutFragment(href));
        }
      }
    }
    return new ArrayList<>(threads);
  }

  /** The posts of a thread's page. */
  static ThreadPage read(ForumEngine engine, Document page, Clock clock) {
    return switch (engine) {
      case PHPBB -> phpbb(page);
      case XENFORO -> xenforo(page);
      case VBULLETIN -> vbulletin(page, clock);
      case WORDPRESS -> wordpress(page);
      case DISCOURSE -> throw new IllegalArgumentException("Discourse is read through its API");
    };
  }

  // ---- phpBB 3 (prosilver) ----

  private static ThreadPage phpbb(Document page) {
    List<ThreadPage.Entry> entries = new ArrayList<>();
    for (Element post : page.select("div.post[id~=^p\\d+$]")) {
      Element content = post.selectFirst("div.content");
      if (content == null) {
        continue;
      }
      long number = Long.parseLong(post.id().substring(1));
      Element user =
          post.selectFirst(
              ".postprofile a.username, .postprofile a.username-coloured,"
                  + " .postprofile span.username, p.author strong");
      Element time = post.selectFirst("p.author time[datetime]");
      Instant published = time != null ? Dates.parse(time.attr("datetime")) : null;
      String quoted = null;
      for (Element cite : content.select("blockquote cite")) {
        Element link = cite.selectFirst("a[data-post-id], a[href*=p=]");
        if (link != null) {
          String id = link.attr("data-post-id");
          if (id.isEmpty()) {
            Matcher m = PHPBB_POST.matcher(link.attr("href"));
            id = m.find() ? m.group(1) : "";
          }
          if (!id.isEmpty()) {
            quoted = "p" + id;
            break;
          }
        }
      }
      entries.add(
          new ThreadPage.Entry(
              "p" + number,
              number,
              user == null ? null : user.text().strip(),
              user == null || !user.hasAttr("href") ? null : user.absUrl("href"),
              published,
              content,
              quoted,
              null,
              withoutFragment(absolute(page, "viewtopic.php?p=" + number)) + "#p" + number));
    }
    Element title = page.selectFirst("h2.topic-title");
    Element previous = page.selectFirst(".pagination a[rel=prev], .pagination li.previous a");
    return new ThreadPage(
        title == null ? null : title.text().strip(),
        entries,
        next(page, ".pagination a[rel=next], .pagination li.next a"),
        previous == null);
  }

  // ---- XenForo 2 ----

  private static ThreadPage xenforo(Document page) {
    List<ThreadPage.Entry> entries = new ArrayList<>();
    for (Element message : page.select("article.message[data-content^=post-]")) {
      Element body = message.selectFirst("div.bbWrapper");
      Matcher id = DIGITS.matcher(message.attr("data-content"));
      if (body == null || !id.find()) {
        continue;
      }
      long number = Long.parseLong(id.group(1));
      Element user = message.selectFirst(".message-name .username, .message-userDetails .username");
      Element time = message.selectFirst(".message-attribution time.u-dt");
      Instant published = null;
      if (time != null && time.attr("data-time").matches("\\d+")) {
        published = Instant.ofEpochSecond(Long.parseLong(time.attr("data-time")));
      } else if (time != null) {
        published = Dates.parse(time.attr("datetime"));
      }
      String quoted = null;
      for (Element quote : body.select("blockquote.bbCodeBlock--quote")) {
        Matcher source = XF_SOURCE.matcher(quote.attr("data-source"));
        if (source.find()) {
          quoted = "post-" + source.group(1);
          break;
        }
      }
      String author = message.attr("data-author");
      Element permalink = message.selectFirst(".message-attribution-main a[href*=/post-]");
      entries.add(
          new ThreadPage.Entry(
              "post-" + number,
              number,
              !author.isBlank() ? author : user == null ? null : user.text().strip(),
              user == null || !user.hasAttr("href") ? null : user.absUrl("href"),
              published,
              body,
              quoted,
              null,
              permalink != null
                  ? permalink.absUrl("href")
                  : absolute(page, "/posts/" + number + "/")));
    }
    Element title = page.selectFirst("h1.p-title-value");
    Element current = page.selectFirst("ul.pageNav-main li.pageNav-page--current a");
    return new ThreadPage(
        title == null ? null : title.text().strip(),
        entries,
        next(page, "a.pageNav-jump--next"),
        current == null || current.text().strip().equals("1"));
  }

  // ---- vBulletin 4 ----

  private static ThreadPage vbulletin(Document page, Clock clock) {
    List<ThreadPage.Entry> entries = new ArrayList<>();
    for (Element post : page.select("li.postcontainer[id^=post_]")) {
      Matcher id = DIGITS.matcher(post.id());
      Element body = post.selectFirst("div[id^=post_message_] blockquote.postcontent");
      if (!id.find() || body == null) {
        continue;
      }
      long number = Long.parseLong(id.group(1));
      Element user = post.selectFirst(".username_container .username");
      Element date = post.selectFirst(".posthead span.date");
      String quoted = null;
      for (Element link : body.select("div.bbcode_postedby a[href]")) {
        Matcher m = VB_POST.matcher(link.attr("href"));
        if (m.find()) {
          quoted = "post" + (m.group(1) != null ? m.group(1) : m.group(2));
          break;
        }
      }
      entries.add(
          new ThreadPage.Entry(
              "post" + number,
              number,
              user == null ? null : user.text().strip(),
              user == null || !user.hasAttr("href") ? null : user.absUrl("href"),
              date == null ? null : vbulletinDate(date.text(), clock),
              body,
              quoted,
              null,
              absolute(page, "showthread.php?p=" + number) + "#post" + number));
    }
    Element title = page.selectFirst("#pagetitle .threadtitle, span.threadtitle");
    Element previous = page.selectFirst("div.pagination a[rel=prev]");
    return new ThreadPage(
        title == null ? null : title.text().strip(),
        entries,
        next(page, "div.pagination a[rel=next]"),
        previous == null);
  }

  /**
   * A vBulletin date as its default settings print it: {@code 11-30-2026, 09:12 AM} (US), {@code
   * 30.11.2026, 09:12} (German), {@code Today, 09:12 AM}, {@code Yesterday, 09:12 AM}; in UTC, as
   * the page does not say the board's zone.
   */
  static @Nullable Instant vbulletinDate(String text, Clock clock) {
    String clean = text.replace('\u00a0', ' ').strip();
    String lower = clean.toLowerCase(Locale.ROOT);
    LocalDate day;
    Matcher date = VB_DATE.matcher(clean);
    if (lower.startsWith("today") || lower.startsWith("heute")) {
      day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    } else if (lower.startsWith("yesterday") || lower.startsWith("gestern")) {
      day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    } else if (date.find()) {
      int a = Integer.parseInt(date.group(1));
      int b = Integer.parseInt(date.group(2));
      int year = Integer.parseInt(date.group(3));
      boolean dayFirst = clean.charAt(date.start(2) - 1) == '.' || a > 12;
      try {
        day = dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
      } catch (java.time.DateTimeException impossible) {
        return null;
      }
    } else {
      return null;
    }
    LocalTime at = LocalTime.MIDNIGHT;
    Matcher time = CLOCK_TIME.matcher(clean);
    if (time.find()) {
      int hour = Integer.parseInt(time.group(1));
      String meridiem = time.group(3);
      if (meridiem != null) {
        hour = hour % 12 + (meridiem.equalsIgnoreCase("pm") ? 12 : 0);
      }
      if (hour > 23) {
        return null;
      }
      at = LocalTime.of(hour, Integer.parseInt(time.group(2)));
    }
    return day.atTime(at).toInstant(ZoneOffset.UTC);
  }

  // ---- WordPress comments (HTML) ----

  private static ThreadPage wordpress(Document page) {
    List<ThreadPage.Entry> entries = new ArrayList<>();
    for (Element comment : page.select("li.comment[id^=comment-], li.pingback[id^=comment-]")) {
      Matcher id = DIGITS.matcher(comment.id());
      Element body =
          comment.selectFirst("> .comment-body .comment-content, > article .comment-content");
      if (!id.find() || body == null) {
        continue;
      }
      long number = Long.parseLong(id.group(1));
      Element author = comment.selectFirst("> .comment-body .comment-author .fn, > article .fn");
      Element link = author == null ? null : author.selectFirst("a[href]");
      Element time =
          comment.selectFirst("> .comment-body time[datetime], > article time[datetime]");
      Element above = comment.parent();
      Element parent = above == null ? null : above.closest("li.comment[id^=comment-]");
      Matcher parentId = parent == null ? null : DIGITS.matcher(parent.id());
      entries.add(
          new ThreadPage.Entry(
              "comment-" + number,
              number,
              author == null ? null : author.text().strip(),
              link == null ? null : link.absUrl("href"),
              time == null ? null : Dates.parse(time.attr("datetime")),
              body,
              null,
              parentId != null && parentId.find() ? "comment-" + parentId.group(1) : null,
              withoutFragment(page.location()) + "#comment-" + number));
    }
    Element title = page.selectFirst("h1.entry-title, h1.wp-block-post-title, h1");
    return new ThreadPage(
        title == null ? null : title.text().strip(),
        entries,
        next(page, ".comment-navigation .nav-next a, a.next.page-numbers[href*=comment-page]"),
        false);
  }

  // ---- shared ----

  private static @Nullable String next(Document page, String selector) {
    Element link = page.selectFirst(selector);
    if (link == null) {
      link = page.selectFirst("head link[rel=next]");
    }
    if (link == null) {
      return null;
    }
    String href = link.absUrl("href");
    return href.startsWith("http") ? href : null;
  }

  private static String absolute(Document page, String relative) {
    try {
      return URI.create(page.location()).resolve(relative).toString();
    } catch (IllegalArgumentException unusable) {
      return page.location();
    }
  }

  static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
