package org.cluetrain.formats.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.InputBytes;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.formats.common.SecureXml;
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
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0 feeds, read with ROME.
 *
 * <p>Each entry becomes a post. Comment feeds are understood: {@code thr:in-reply-to} makes the
 * entry a comment of the post it names, {@code slash:comments} and {@code thr:total} give the
 * number of replies, {@code wfw:commentRss} is kept among the links.
 *
 * <p>An entry without a date gets the feed's date, or else the Unix epoch, so that re-reading a
 * feed always yields the same posts; the pipeline's first-seen time is kept elsewhere.
 *
 * <p>The XML parser never loads external entities or DTDs; a DOCTYPE (RSS 0.91 declares Netscape's)
 * is tolerated, and entity-expansion ("billion laughs") documents are rejected by the JDK's limits.
 */
public final class SyndicationFeedReader implements FormatReader {
  static final String THREAD_NS = "http://purl.org/syndication/thread/1.0";
  static final String SLASH_NS = "http://purl.org/rss/1.0/modules/slash/";
  static final String WFW_NS = "http://wellformedweb.org/CommentAPI/";
  private static final Pattern ROOT =
      Pattern.compile(
          "(?s)^" + InputBytes.XML_PROLOG + "<(?:[\\w-]+:)?(rss|feed|RDF|channel|entry)\\b.*");
  private static final int MAX_FEED_BYTES = 64 * 1024 * 1024;

  @Override
  public String format() {
    return "rss";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return ROOT.matcher(head).matches();
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    byte[] bytes = InputBytes.readAll(input, MAX_FEED_BYTES);
    if (bytes.length == 0 || InputBytes.decodeHead(bytes).isBlank()) {
      throw new UnusableInputException(input.name(), "empty input, not a feed");
    }
    SyndFeed feed = parse(input, bytes);
    SourceRef source = source(input, feed);
    Instant feedDate = feed.getPublishedDate() == null ? null : feed.getPublishedDate().toInstant();
    List<SyndEntry> entries = feed.getEntries();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String item = "item " + (i + 1);
      Post post;
      try {
        post = post(entries.get(i), source, feed, feedDate, seen);
      } catch (RuntimeException e) {
        sink.accept(new ReadItem.UnreadableItem(input.name(), item, problem(e)));
        continue;
      }
      sink.accept(new ReadItem.ParsedPost(post));
    }
  }

  private static String problem(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static SyndFeed parse(InputDocument input, byte[] bytes) throws UnusableInputException {
    Document document;
    try {
      document = document(input, bytes);
    } catch (JDOMException e) {
      throw new UnusableInputException(input.name(), SecureXml.describe(e), e);
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException(input.name(), "cannot be read as XML: " + e.getMessage(), e);
    }
    try {
      SyndFeedInput feedInput = new SyndFeedInput(false, Locale.ROOT);
      return feedInput.build(asFeed(document));
    } catch (FeedException | RuntimeException e) {
      throw new UnusableInputException(
          input.name(), "not an RSS or Atom feed: " + e.getMessage(), e);
    }
  }

  private static Document document(InputDocument input, byte[] bytes)
      throws IOException, JDOMException {
    String text;
    try (Reader reader =
        new XmlReader(new ByteArrayInputStream(bytes), input.contentType(), true, "UTF-8")) {
      // the fixer reads one character at a time: it needs a buffer below it
      text = readFully(new XmlFixerReader(new java.io.BufferedReader(reader, 64 * 1024)));
    }
    // The characters are decoded already; the prolog's encoding must not be applied again.
    InputSource source = new InputSource(new StringReader(text));
    return secureBuilder().build(source);
  }

  /** An Atom entry document as a feed of that one entry, so that ROME reads it like any feed. */
  private static Document asFeed(Document document) {
    Element root = document.getRootElement();
    if (!"entry".equals(root.getName())
        || !root.getNamespaceURI().startsWith("http://www.w3.org/2005/Atom")) {
      return document;
    }
    Element feed = new Element("feed", root.getNamespace());
    feed.addContent(root.detach());
    return new Document(feed);
  }

  private static String readFully(Reader reader) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = reader.read(buffer)) >= 0; ) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }

  /** A JDOM builder that ignores external DTDs and entities instead of fetching them. */
  static SAXBuilder secureBuilder() {
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    // a tree nested deeper would overflow the stack of ROME and JDOM walking it
    builder.setProperty(
        SecureXml.MAX_ELEMENT_DEPTH_PROPERTY, Integer.toString(SecureXml.MAX_ELEMENT_DEPTH));
    return builder;
  }

  static SourceRef source(InputDocument input, SyndFeed feed) {
    String title = feed.getTitle() == null ? null : HtmlText.normalise(feed.getTitle());
    String link = null;
    String self = null;
    for (SyndLink candidate : feed.getLinks()) {
      if ("self".equals(candidate.getRel())) {
        self = PostIds.absoluteUrl(candidate.getHref());
      } else if (link == null
          && (candidate.getRel() == null || "alternate".equals(candidate.getRel()))) {
        link = PostIds.absoluteUrl(candidate.getHref());
      }
    }
    if (link == null && !PostIds.absoluteUrlOrEmpty(feed.getLink()).equals(self)) {
      link = PostIds.absoluteUrl(feed.getLink());
    }
    String id;
    if (input.origin() != null) {
      id = "feed:" + input.origin();
    } else if (link != null) {
      id = "feed:" + link;
    } else if (self != null) {
      id = "feed:" + self;
    } else if (title != null && !title.isBlank()) {
      id = "feed:" + title;
    } else {
      id = "feed:file:" + input.fileName();
    }
    return new SourceRef(id, SourceType.FEED, title, link != null ? link : self);
  }

  private static Post post(
      SyndEntry entry, SourceRef source, SyndFeed feed, Instant feedDate, Set<String> seen) {
    String link = entryLink(entry, source);
    String title = entry.getTitle() == null ? null : plain(entry.getTitle());
    String html = null;
    String text;
    SyndContent content = firstContent(entry);
    if (content == null || content.getValue() == null) {
      text = "";
    } else if (isHtml(content)) {
      html = content.getValue().strip();
      text = HtmlText.text(html);
    } else {
      text = HtmlText.normalise(content.getValue());
    }
    Instant published =
        entry.getPublishedDate() != null
            ? entry.getPublishedDate().toInstant()
            : entry.getUpdatedDate() != null
                ? entry.getUpdatedDate().toInstant()
                : feedDate != null ? feedDate : Instant.EPOCH;

    String id = PostIds.fromUrl(link);
    if (id == null || seen.contains(id)) {
      String guid = entry.getUri() == null ? null : entry.getUri().strip();
      id = guid == null || guid.isEmpty() ? null : source.id() + "#" + guid;
    }
    if (id == null || seen.contains(id)) {
      id = PostIds.fromContent(source.id(), title, published, text);
    }
    seen.add(id);

    Set<String> links = new LinkedHashSet<>(HtmlText.links(html, link));
    String parentId = null;
    String threadId = null;
    Long replies = null;
    for (Element markup : entry.getForeignMarkup()) {
      String ns = markup.getNamespaceURI();
      String name = markup.getName();
      if (THREAD_NS.equals(ns) && "in-reply-to".equals(name) && parentId == null) {
        String href = PostIds.absoluteUrl(markup.getAttributeValue("href"));
        String ref = markup.getAttributeValue("ref");
        if (href != null) {
          parentId = "url:" + href;
          int hash = href.indexOf('#');
          threadId = "url:" + (hash < 0 ? href : href.substring(0, hash));
        } else if (ref != null && !ref.isBlank()) {
          parentId =
              PostIds.absoluteUrl(ref) != null
                  ? "url:" + PostIds.absoluteUrl(ref)
                  : source.id() + "#" + ref.strip();
        }
      } else if ((THREAD_NS.equals(ns) && "total".equals(name))
          || (SLASH_NS.equals(ns) && "comments".equals(name))) {
        replies = count(markup.getTextTrim());
      } else if (WFW_NS.equals(ns) && "commentRss".equalsIgnoreCase(name)) {
        String commentFeed = PostIds.absoluteUrl(markup.getTextTrim());
        if (commentFeed != null) {
          links.add(commentFeed);
        }
      }
    }
    Engagement engagement =
        replies == null ? Engagement.UNKNOWN : new Engagement(null, replies, null, null, null);

    return Post.builder()
        .id(id)
        .source(source)
        .threadId(threadId)
        .parentId(parentId)
        .kind(parentId == null ? PostKind.POST : PostKind.COMMENT)
        .author(author(entry, link != null ? link : source.url()))
        .url(link)
        .title(title == null || title.isBlank() ? null : title)
        .text(text)
        .html(html)
        .published(published)
        .engagement(engagement)
        .links(new ArrayList<>(links))
        .build();
  }

  private static String entryLink(SyndEntry entry, SourceRef source) {
    String link = entry.getLink();
    if (link == null) {
      for (SyndLink candidate : entry.getLinks()) {
        if (candidate.getRel() == null || "alternate".equals(candidate.getRel())) {
          link = candidate.getHref();
          break;
        }
      }
    }
    if (link == null && entry.getUri() != null && PostIds.absoluteUrl(entry.getUri()) != null) {
      // RSS guids with isPermaLink are links as well
      link = entry.getUri();
    }
    if (link == null) {
      return null;
    }
    String absolute = PostIds.absoluteUrl(link);
    if (absolute == null && source.url() != null) {
      try {
        absolute = PostIds.absoluteUrl(URI.create(source.url()).resolve(link.strip()).toString());
      } catch (IllegalArgumentException notAUri) {
        return null;
      }
    }
    return absolute;
  }

  private static SyndContent firstContent(SyndEntry entry) {
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null && !content.getValue().isBlank()) {
        return content;
      }
    }
    return entry.getDescription();
  }

  private static boolean isHtml(SyndContent content) {
    String type = content.getType();
    if (type == null) {
      return HtmlText.looksLikeHtml(content.getValue());
    }
    type = type.toLowerCase(Locale.ROOT);
    return type.contains("html")
        || (!type.contains("text") && HtmlText.looksLikeHtml(content.getValue()));
  }

  private static String plain(String title) {
    return HtmlText.looksLikeHtml(title) ? HtmlText.text(title) : HtmlText.normalise(title);
  }

  private static Long count(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Author author(SyndEntry entry, String siteUrl) {
    String name = null;
    String uri = null;
    String email = null;
    for (SyndPerson person : entry.getAuthors()) {
      name = person.getName();
      uri = person.getUri();
      email = person.getEmail();
      if (name != null && !name.isBlank()) {
        break;
      }
    }
    if (name == null || name.isBlank()) {
      name = entry.getAuthor();
    }
    if (name == null || name.isBlank()) {
      name = email;
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    name = HtmlText.normalise(name);
    String profile = PostIds.absoluteUrl(uri);
    String site = PostIds.host(siteUrl);
    String id = profile != null ? profile : site == null ? name : name + "@" + site;
    return new Author(id, name, null, profile);
  }
}
