package org.cluetrain.formats.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.formats.common.SecureXml;
import org.cluetrain.formats.common.XmlStream;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Author;
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * WordPress eXtended RSS (WXR 1.0 to 1.2) exports, streamed with StAX so that large sites fit in
 * bounded memory: only one {@code <item>} with its comments is held at a time.
 *
 * <p>Each published post or page (and items without a status, as the Disqus WXR flavour writes
 * them) becomes a thread: the article as {@link PostKind#POST}, its comments as {@link
 * PostKind#COMMENT} ({@code comment_parent} 0) or {@link PostKind#REPLY} (parent id from {@code
 * comment_parent}), pingbacks and trackbacks as {@link PostKind#PINGBACK} and {@link
 * PostKind#TRACKBACK}. Attachments, menu items, drafts, private and trashed items are skipped
 * without a message: they are not part of the public conversation.
 *
 * <p>Comments are kept when approved ({@code 1}) and when awaiting moderation ({@code 0}), because
 * both are real reactions; comments marked {@code spam} or {@code trash} are skipped.
 *
 * <p>Ids: the article is {@code url:} + its permalink (else {@code wp:<site>:post:<id>}); a comment
 * is {@code wp:<site>:comment:<id>}. The source is {@code wxr:} + the blog's address. Times are the
 * {@code *_gmt} fields, falling back to the local ones read as UTC.
 */
public final class WxrReader implements FormatReader {
  private static final Set<String> CONTENT_TYPES = Set.of("post", "page");
  private static final Set<String> PUBLIC_STATES = Set.of("publish", "");

  @Override
  public String format() {
    return "wxr";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return head.contains("wordpress.org/export/") && head.contains("<rss");
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    Channel channel = new Channel(input);
    int emitted = 0;
    int item = 0;
    int completed = 0;
    try (InputStream in = XmlStream.skipLeadingJunk(input.open())) {
      XMLStreamReader xml = SecureXml.open(in);
      boolean sawRss = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = xml.getLocalName();
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        if ("rss".equals(name)) {
          sawRss = true;
        } else if (!sawRss) {
          throw new UnusableInputException(
              input.name(),
              "not a WordPress export: the root element is <" + name + ">, not <rss>");
        } else if ("item".equals(name)) {
          item++;
          List<ReadItem> items = readItem(xml, channel, item);
          completed = item;
          for (ReadItem readItem : items) {
            sink.accept(readItem);
            emitted++;
          }
        } else if (isWp(ns) && "author".equals(name)) {
          Map<String, String> author = XmlStream.children(xml, WxrReader::key, Set.of(), x -> {});
          String login = author.get("author_login");
          if (login != null) {
            channel.authors.put(
                login.strip(), author.getOrDefault("author_display_name", login).strip());
          }
        } else if (ns.isEmpty() && "link".equals(name) && channel.link == null) {
          channel.link = XmlStream.elementText(xml).strip();
        } else if (ns.isEmpty() && "title".equals(name) && channel.title == null) {
          channel.title = XmlStream.elementText(xml).strip();
        } else if (isWp(ns) && "base_blog_url".equals(name)) {
          channel.blogUrl = XmlStream.elementText(xml).strip();
        } else if (isWp(ns) && "base_site_url".equals(name)) {
          channel.baseSiteUrl = XmlStream.elementText(xml).strip();
        } else if (ns.isEmpty() && "pubDate".equals(name) && channel.date == null) {
          channel.date = Dates.parse(XmlStream.elementText(xml));
        }
      }
      if (!sawRss) {
        throw new UnusableInputException(input.name(), "empty input, not a WordPress export");
      }
      if (emitted == 0) {
        throw new UnusableInputException(
            input.name(),
            "a WordPress export without published posts or pages"
                + (channel.skipped.isEmpty() ? "" : " (skipped: " + channel.skipped + ")"));
      }
    } catch (XMLStreamException e) {
      if (emitted == 0) {
        throw new UnusableInputException(input.name(), SecureXml.describe(e), e);
      }
      // what was read before the damage is good; the rest cannot be split into items
      sink.accept(
          new ReadItem.UnreadableItem(
              input.name(),
              "item " + (completed + 1) + " onwards",
              "the rest is unreadable: " + SecureXml.describe(e)));
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
  }

  private static boolean isWp(String ns) {
    return ns.contains("wordpress.org/export/");
  }

  /** Map keys: the excerpt shares its local name {@code encoded} with the content. */
  private static String key(String ns, String local) {
    if (ns.contains("/excerpt/")) {
      return "excerpt:" + local;
    }
    if (ns.contains("purl.org/dc/")) {
      return "dc:" + local;
    }
    return local;
  }

  private List<ReadItem> readItem(XMLStreamReader xml, Channel channel, int number)
      throws XMLStreamException {
    List<Map<String, String>> comments = new ArrayList<>();
    Map<String, String> fields =
        XmlStream.children(
            xml,
            WxrReader::key,
            Set.of("comment"),
            nested -> comments.add(XmlStream.children(nested, WxrReader::key, Set.of(), x -> {})));
    List<ReadItem> out = new ArrayList<>();
    String where = "item " + number;
    String type = fields.getOrDefault("post_type", "post").strip().toLowerCase(Locale.ROOT);
    String status = fields.getOrDefault("status", "").strip().toLowerCase(Locale.ROOT);
    if (!(CONTENT_TYPES.contains(type) || type.isEmpty())) {
      channel.skipped.merge(type, 1, Integer::sum);
      return out;
    }
    if (!PUBLIC_STATES.contains(status)) {
      channel.skipped.merge(status + " " + type, 1, Integer::sum);
      return out;
    }
    Post article;
    try {
      article = article(fields, channel);
    } catch (RuntimeException e) {
      out.add(new ReadItem.UnreadableItem(channel.input.name(), where, describe(e)));
      return out;
    }
    out.add(new ReadItem.ParsedPost(article));
    for (Map<String, String> comment : comments) {
      String approved =
          comment.getOrDefault("comment_approved", "1").strip().toLowerCase(Locale.ROOT);
      if (approved.equals("spam") || approved.equals("trash")) {
        continue;
      }
      String commentWhere = where + ", comment " + comment.getOrDefault("comment_id", "?").strip();
      try {
        out.add(new ReadItem.ParsedPost(comment(comment, article, channel)));
      } catch (RuntimeException e) {
        out.add(new ReadItem.UnreadableItem(channel.input.name(), commentWhere, describe(e)));
      }
    }
    return out;
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Post article(Map<String, String> fields, Channel channel) {
    SourceRef source = channel.source();
    String link = PostIds.absoluteUrl(fields.get("link"));
    String postId = fields.getOrDefault("post_id", "").strip();
    String id = link != null ? "url:" + link : null;
    if (id == null && !postId.isEmpty()) {
      id = "wp:" + channel.site() + ":post:" + postId;
    }
    String title = blankToNull(fields.get("title"));
    String html = blankToNull(fields.get("encoded"));
    String text = html == null ? "" : HtmlText.text(html);
    Instant published =
        date(fields.get("post_date_gmt"), fields.get("pubDate"), fields.get("post_date"));
    if (published == null) {
      published = channel.date != null ? channel.date : Instant.EPOCH;
    }
    if (id == null) {
      id = PostIds.fromContent(source.id(), title, published, text);
    }
    String login = blankToNull(fields.get("dc:creator"));
    Author author = null;
    if (login != null) {
      String host = PostIds.host(channel.site());
      author =
          new Author(
              host == null ? login : login + "@" + host,
              channel.authors.getOrDefault(login, login),
              login,
              null);
    }
    return Post.builder()
        .id(id)
        .source(source)
        .kind(PostKind.POST)
        .author(author)
        .url(link)
        .title(title)
        .text(text)
        .html(html)
        .published(published)
        .links(HtmlText.links(html, link))
        .build();
  }

  private static Post comment(Map<String, String> fields, Post article, Channel channel) {
    String commentId = fields.getOrDefault("comment_id", "").strip();
    if (commentId.isEmpty()) {
      throw new IllegalArgumentException("comment without comment_id");
    }
    String prefix = "wp:" + channel.site() + ":comment:";
    String parent = fields.getOrDefault("comment_parent", "0").strip();
    boolean topLevel = parent.isEmpty() || parent.equals("0");
    String type = fields.getOrDefault("comment_type", "").strip().toLowerCase(Locale.ROOT);
    PostKind kind =
        switch (type) {
          case "pingback" -> PostKind.PINGBACK;
          case "trackback" -> PostKind.TRACKBACK;
          default -> topLevel ? PostKind.COMMENT : PostKind.REPLY;
        };
    String html = blankToNull(fields.get("comment_content"));
    String text = html == null ? "" : HtmlText.text(html);
    Instant published = date(fields.get("comment_date_gmt"), fields.get("comment_date"), null);
    String rawName = blankToNull(fields.get("comment_author"));
    String name = rawName == null ? null : blankToNull(HtmlText.text(rawName));
    String authorUrl = PostIds.absoluteUrl(fields.get("comment_author_url"));
    Author author = null;
    if (name != null) {
      String host = PostIds.host(channel.site());
      author = new Author(host == null ? name : name + "@" + host, name, null, authorUrl);
    }
    List<String> links = new ArrayList<>(HtmlText.links(html, article.url()));
    if ((kind == PostKind.PINGBACK || kind == PostKind.TRACKBACK)
        && authorUrl != null
        && !links.contains(authorUrl)) {
      links.add(authorUrl);
    }
    return Post.builder()
        .id(prefix + commentId)
        .source(article.source())
        .threadId(article.id())
        .parentId(topLevel ? article.id() : prefix + parent)
        .kind(kind)
        .author(author)
        .url(article.url() == null ? null : article.url() + "#comment-" + commentId)
        .text(text)
        .html(html != null && HtmlText.looksLikeHtml(html) ? html : null)
        .published(published != null ? published : article.published())
        .engagement(Engagement.UNKNOWN)
        .links(links)
        .build();
  }

  /** The first of the candidates that is a real date; WordPress writes 0000-00-00 for none. */
  private static Instant date(String first, String second, String third) {
    for (String candidate : new String[] {first, second, third}) {
      if (candidate != null && !candidate.isBlank() && !candidate.startsWith("0000")) {
        Instant parsed = Dates.parse(candidate);
        if (parsed != null) {
          return parsed;
        }
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** What the channel header said; filled while streaming, before the items. */
  private static final class Channel {
    final InputDocument input;
    final Map<String, String> authors = new HashMap<>();
    final Map<String, Integer> skipped = new java.util.TreeMap<>();
    String title;
    String link;
    String blogUrl;
    String baseSiteUrl;
    Instant date;
    SourceRef source;

    Channel(InputDocument input) {
      this.input = input;
    }

    /** The blog's address, the base of ids. */
    String site() {
      for (String candidate : new String[] {blogUrl, link, baseSiteUrl}) {
        String url = PostIds.absoluteUrl(candidate);
        if (url != null) {
          return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
      }
      return "file:" + input.fileName();
    }

    SourceRef source() {
      if (source == null) {
        String site = site();
        source =
            new SourceRef(
                "wxr:" + site, SourceType.BLOG, title, site.startsWith("file:") ? null : site);
      }
      return source;
    }
  }
}
