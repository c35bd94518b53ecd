package org.cluetrain.formats.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.InputBytes;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A saved web page: its article as a {@link PostKind#POST} and, where the page shows them in a
 * recognisable way, its comments as {@link PostKind#COMMENT}, {@link PostKind#REPLY}, {@link
 * PostKind#PINGBACK} or {@link PostKind#TRACKBACK} posts in the article's thread.
 *
 * <p>The article's text is found by a heuristic: {@code itemprop=articleBody}, the largest {@code
 * <article>}, common content containers ({@code .entry-content}, {@code .post-content}, …), else
 * the element with the most paragraph text; navigation, headers, footers, asides, forms, scripts
 * and the comment section are dropped first. The address is the canonical link or {@code og:url}
 * (else the input's origin), the date comes from {@code article:published_time}, other date meta
 * tags, JSON-LD {@code datePublished} or the first {@code time[datetime]}; a page without one is
 * dated at the epoch so that re-imports agree.
 *
 * <p>Comments are read from WordPress-style lists ({@code ol.commentlist}, {@code .comment-list},
 * {@code #commentlist}: {@code li} elements with {@code id="comment-N"} and nested {@code
 * .children} lists as replies). Their ids are {@code url:} + the page address + {@code #comment-N}.
 */
public final class WebPageReader implements FormatReader {
  private static final int MAX_PAGE_BYTES = 32 * 1024 * 1024;
  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)^(?:\\s|<!--.*?-->|<\\?xml[^>]*>)*<(!doctype\\s+html|html|head|body)\\b.*");
  private static final String NOISE =
      "script, style, noscript, template, nav, footer, aside, form, iframe, svg, button, select,"
          + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
          + " [aria-hidden=true], .sidebar, #sidebar, .widget, .navigation, .nav, .menu,"
          + " .breadcrumb, .breadcrumbs, .share, .sharing, .social, .related, .newsletter,"
          + " .cookie, .advert, .ads, .comment-respond, #respond";
  private static final String CONTENT =
      "[itemprop=articleBody], .entry-content, .post-content, .article-content, .article-body,"
          + " .article__body, .post-body, .story-body, .entry, .post-entry, .blog-post, .content-body,"
          + " .text, #article, .article, .post, main, [role=main], #content, .content";
  private static final String COMMENT_LISTS =
      "ol.commentlist, ul.commentlist, ol.comment-list, ul.comment-list, #commentlist,"
          + " ol.comments-list, ul.comments-list, .commentlist, .comment-list";
  private static final Pattern COMMENT_ID = Pattern.compile("(?:li-)?comment-(\\d+)");

  @Override
  public String format() {
    return "html";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return HTML_START.matcher(head).matches()
        || ((lower.endsWith(".html") || lower.endsWith(".htm"))
            && head.toLowerCase(Locale.ROOT).contains("<html"));
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    byte[] bytes = InputBytes.readAll(input, MAX_PAGE_BYTES);
    if (InputBytes.decodeHead(bytes).isBlank()) {
      throw new UnusableInputException(input.name(), "empty input, not a web page");
    }
    Document page;
    try {
      page =
          Jsoup.parse(
              new ByteArrayInputStream(bytes),
              charset(input.contentType()),
              input.origin() == null ? "" : input.origin().toString());
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException(
          input.name(), "cannot be read as HTML: " + e.getMessage(), e);
    }
    String url = canonical(page, input);
    if (url != null) {
      page.setBaseUri(url);
    }
    String host = PostIds.host(url);
    SourceRef source =
        new SourceRef(
            host != null ? "web:" + host : "web:file:" + input.fileName(),
            SourceType.WEB,
            meta(page, "meta[property=og:site_name]"),
            host != null ? url.substring(0, url.indexOf(host) + host.length()) + "/" : null);
    Instant published = published(page);
    Element commentList = page.selectFirst(COMMENT_LISTS);
    List<Element> comments = commentList == null ? List.of() : topLevelComments(commentList);
    Post article;
    try {
      article = article(page, source, url, published, commentList);
    } catch (RuntimeException e) {
      throw new UnusableInputException(
          input.name(), "no article found on the page: " + e.getMessage(), e);
    }
    sink.accept(new ReadItem.ParsedPost(article));
    int[] index = {0};
    for (Element comment : comments) {
      comment(input, comment, article, article.id(), sink, index);
    }
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher matcher = Pattern.compile("(?i)charset=\"?([\\w-]+)").matcher(contentType);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String canonical(Document page, InputDocument input) {
    for (String candidate :
        new String[] {
          page.select("link[rel=canonical]").attr("href"),
          meta(page, "meta[property=og:url]"),
          input.origin() == null ? null : input.origin().toString()
        }) {
      String url = PostIds.absoluteUrl(candidate);
      if (url != null) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
      }
    }
    return null;
  }

  private static String meta(Document page, String selector) {
    Element meta = page.selectFirst(selector);
    if (meta == null) {
      return null;
    }
    String content = meta.attr("content").strip();
    return content.isEmpty() ? null : content;
  }

  private static Instant published(Document page) {
    for (String selector :
        new String[] {
          "meta[property=article:published_time]",
          "meta[property=og:article:published_time]",
          "meta[name=article:published_time]",
          "meta[itemprop=datePublished]",
          "meta[name=date]",
          "meta[name=pubdate]",
          "meta[name=publish-date]",
          "meta[name=DC.date.issued]",
          "meta[name=dcterms.date]",
          "meta[name=dc.date]"
        }) {
      Instant instant = LooseDates.parse(meta(page, selector));
      if (instant != null) {
        return instant;
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      Instant instant = jsonLdDate(script.data());
      if (instant != null) {
        return instant;
      }
    }
    for (Element time : page.select("article time[datetime], time[pubdate], time[datetime]")) {
      Instant instant = LooseDates.parse(time.attr("datetime"));
      if (instant != null) {
        return instant;
      }
    }
    return Instant.EPOCH;
  }

  private static Instant jsonLdDate(String json) {
    try {
      JsonNode root = JsonInput.READER.readTree(json);
      List<JsonNode> nodes = new ArrayList<>();
      root.findValues("datePublished").forEach(nodes::add);
      for (JsonNode node : nodes) {
        Instant instant = LooseDates.parse(node.asText());
        if (instant != null) {
          return instant;
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // broken JSON-LD is common; the other sources of a date remain
    }
    return null;
  }

  private static String jsonLdAuthor(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        JsonNode root = JsonInput.READER.readTree(script.data());
        for (JsonNode author : root.findValues("author")) {
          JsonNode first = author.isArray() ? author.path(0) : author;
          String name = first.isTextual() ? first.asText() : JsonInput.text(first, "name");
          if (name != null && !name.isBlank()) {
            return name.strip();
          }
        }
      } catch (IOException | RuntimeException notJson) {
        // fall through to the meta tags
      }
    }
    return null;
  }

  private static Post article(
      Document page, SourceRef source, String url, Instant published, Element commentList) {
    String title = meta(page, "meta[property=og:title]");
    if (title == null) {
      Element h1 = page.selectFirst("article h1, h1");
      title = h1 != null ? h1.text() : page.title();
    }
    title = title == null || title.isBlank() ? null : HtmlText.normalise(title);
    String authorName = meta(page, "meta[name=author]");
    if (authorName == null) {
      authorName = jsonLdAuthor(page);
    }
    Document clean = page.clone();
    Element commentsInClone =
        clean.selectFirst("#comments, .comments-area, .comments, " + COMMENT_LISTS);
    if (commentsInClone != null) {
      commentsInClone.remove();
    }
    clean.select(NOISE).remove();
    clean.select("header:not(article header)").remove();
    Element main = mainContent(clean);
    String text = main == null ? "" : HtmlText.text(main);
    String host = PostIds.host(url);
    Author author =
        authorName == null
            ? null
            : new Author(
                host == null ? authorName : authorName + "@" + host, authorName, null, null);
    String id =
        url != null ? "url:" + url : PostIds.fromContent(source.id(), title, published, text);
    return Post.builder()
        .id(id)
        .source(source)
        .kind(PostKind.POST)
        .author(author)
        .url(url)
        .title(title)
        .text(text)
        .html(main == null ? null : main.outerHtml())
        .published(published)
        .links(main == null ? List.of() : HtmlText.links(main))
        .build();
  }

  /** The element holding the article's text. */
  static Element mainContent(Document page) {
    Element body = page.body();
    if (body == null) {
      return null;
    }
    Element best = null;
    int bestLength = 0;
    for (Element article : page.select("article")) {
      int length = article.text().length();
      if (length > bestLength) {
        best = article;
        bestLength = length;
      }
    }
    Element articleBody = page.selectFirst("[itemprop=articleBody]");
    if (articleBody != null && articleBody.text().length() >= 200) {
      return articleBody;
    }
    if (best != null && bestLength >= 200) {
      return best;
    }
    for (Element candidate : page.select(CONTENT)) {
      if (paragraphText(candidate) >= 300) {
        return candidate;
      }
    }
    Element densest = null;
    int densestScore = 0;
    for (Element block : body.select("div, section, td, main, article")) {
      int score = 0;
      for (Element child : block.children()) {
        if (child.normalName().equals("p")
            || child.normalName().matches("h[2-4]|blockquote|ul|ol|pre")) {
          score += child.text().length();
        }
      }
      if (score > densestScore) {
        densest = block;
        densestScore = score;
      }
    }
    if (densest != null && densestScore >= 100) {
      return densest;
    }
    return body;
  }

  private static int paragraphText(Element element) {
    int length = 0;
    for (Element paragraph : element.select("p")) {
      length += paragraph.text().length();
    }
    return length;
  }

  private static List<Element> topLevelComments(Element list) {
    List<Element> comments = new ArrayList<>();
    for (Element child : list.children()) {
      if (child.normalName().equals("li") || isComment(child)) {
        comments.add(child);
      }
    }
    return comments;
  }

  private static boolean isComment(Element element) {
    return COMMENT_ID.matcher(element.id()).matches()
        || element.hasClass("comment")
        || element.hasClass("pingback")
        || element.hasClass("trackback");
  }

  private void comment(
      InputDocument input,
      Element comment,
      Post article,
      String parentId,
      Consumer<ReadItem> sink,
      int[] index) {
    index[0]++;
    Elements children =
        comment.select(
            "> ul.children > li, > ol.children > li, > ul > li.comment, > div.children > *");
    Element own = comment.clone();
    own.select("> ul.children, > ol.children, > ul, > div.children").remove();
    String id = commentId(comment);
    String postId =
        id == null
            ? null
            : (article.url() != null
                ? "url:" + article.url() + "#comment-" + id
                : article.id() + "#comment-" + id);
    ReadItem item;
    try {
      Post post = commentPost(own, article, parentId, postId, index[0]);
      postId = post.id();
      item = new ReadItem.ParsedPost(post);
    } catch (RuntimeException e) {
      item =
          new ReadItem.UnreadableItem(
              input.name(),
              id == null ? "comment " + index[0] : "comment-" + id,
              String.valueOf(e.getMessage()));
    }
    sink.accept(item);
    for (Element child : children) {
      if (postId != null) {
        comment(input, child, article, postId, sink, index);
      }
    }
  }

  private static String commentId(Element comment) {
    for (String candidate :
        new String[] {
          comment.id(),
          comment
              .select("> [id^=div-comment-], > article[id], > div[id]")
              .attr("id")
              .replace("div-", ""),
          comment.attr("data-comment-id")
        }) {
      Matcher matcher = COMMENT_ID.matcher(candidate == null ? "" : candidate);
      if (matcher.matches()) {
        return matcher.group(1);
      }
      if (candidate != null && candidate.matches("\\d+")) {
        return candidate;
      }
    }
    return null;
  }

  private static Post commentPost(
      Element own, Post article, String parentId, String id, int index) {
    String classes = own.className().toLowerCase(Locale.ROOT);
    PostKind kind =
        classes.contains("pingback")
            ? PostKind.PINGBACK
            : classes.contains("trackback")
                ? PostKind.TRACKBACK
                : parentId.equals(article.id()) ? PostKind.COMMENT : PostKind.REPLY;
    Element authorElement =
        own.selectFirst(
            ".comment-author .fn, cite.fn, .fn, .comment-author, .comment_author, .comment-author-name");
    String authorName =
        authorElement == null
            ? null
            : authorElement.text().replaceAll("\\s+(sagt|says|schreibt|meint):?$", "").strip();
    String authorUrl = null;
    if (authorElement != null) {
      Element link = authorElement.selectFirst("a[href]");
      authorUrl = link == null ? null : PostIds.absoluteUrl(link.absUrl("href"));
    }
    Instant published = null;
    Element time = own.selectFirst("time[datetime]");
    if (time != null) {
      published = LooseDates.parse(time.attr("datetime"));
    }
    if (published == null) {
      // in order of reliability, not of position in the page
      for (String selector :
          new String[] {
            ".comment-metadata a", ".comment-meta a", ".commentmetadata a", ".comment-date",
            ".comment_meta a", ".comment-time", ".comment-meta", "cite"
          }) {
        Element meta = own.selectFirst(selector);
        published = meta == null ? null : LooseDates.parse(meta.text());
        if (published != null) {
          break;
        }
      }
    }
    Element content =
        own.selectFirst(
            ".comment-content, .comment-text, .comment_text, .comment-entry, .comment_body");
    Element textElement;
    if (content != null) {
      textElement = content;
    } else {
      textElement = own.selectFirst(".comment-body");
      textElement = (textElement == null ? own : textElement).clone();
      textElement
          .select(
              ".comment-author, .comment-meta, .commentmetadata, .comment-metadata, .reply, .comment-reply, footer, .comment_meta, .comment_counter, .says, img, cite")
          .remove();
    }
    if (authorName == null && (kind == PostKind.PINGBACK || kind == PostKind.TRACKBACK)) {
      Element link = own.selectFirst("a[href]");
      authorName = link == null ? null : link.text();
    }
    if (authorName == null) {
      Element cite = own.selectFirst("cite");
      if (cite != null) {
        Element link = cite.selectFirst("a[href]");
        String citeText = cite.text().replaceFirst("^(Comment by|Kommentar von)\\s+", "");
        authorName = link != null ? link.text() : citeText.split("\\s[—–-]\\s")[0];
      }
    }
    String text = HtmlText.text(textElement);
    if (kind == PostKind.PINGBACK || kind == PostKind.TRACKBACK) {
      text = text.replaceFirst("^(Pingback|Trackback):\\s*", "");
    }
    String host = PostIds.host(article.url());
    Author author =
        authorName == null || authorName.isBlank()
            ? null
            : new Author(
                host == null ? authorName : authorName + "@" + host, authorName, null, authorUrl);
    return Post.builder()
        .id(
            id != null
                ? id
                : PostIds.fromContent(
                    article.id() + "#comments", null, published, text + "|" + index))
        .source(article.source())
        .threadId(article.id())
        .parentId(parentId)
        .kind(kind)
        .author(author)
        .url(id != null && article.url() != null ? id.substring("url:".length()) : null)
        .text(text)
        .html(textElement.html())
        .published(published != null ? published : article.published())
        .links(HtmlText.links(textElement))
        .build();
  }
}
