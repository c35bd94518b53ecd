package org.cluetrain.formats.disqus;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.InputBytes;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.formats.common.SecureXml;
import org.cluetrain.formats.common.XmlStream;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * Disqus XML exports ({@code <disqus>} with {@code <thread>} and {@code <post>} elements), streamed
 * with StAX; only a small record per thread is kept, to attach posts to their thread.
 *
 * <p>Each thread becomes the opening {@link PostKind#POST} (id {@code url:} + its link, title and
 * message), each post a {@link PostKind#COMMENT} of it, or a {@link PostKind#REPLY} when it has a
 * {@code <parent dsq:id>}. Ids are {@code disqus:<forum>:<dsq:id>}. Deleted and spam posts, deleted
 * threads and the posts of deleted threads are skipped: they were not visible to readers.
 */
public final class DisqusXmlReader implements FormatReader {

  @Override
  public String format() {
    return "disqus";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    // some exports in the wild carry a stray character before the XML declaration
    return head.matches("(?s)^.{0,8}?" + InputBytes.XML_PROLOG + "<disqus\\b.*");
  }

  /** What a post needs of its thread. */
  private record ThreadRef(String postId, String forum, String url, boolean deleted) {}

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    Map<String, ThreadRef> threads = new HashMap<>();
    int element = 0;
    int completed = 0;
    int emitted = 0;
    String[] firstForum = {null};
    try (InputStream in = XmlStream.skipLeadingJunk(input.open())) {
      XMLStreamReader xml = SecureXml.open(in);
      boolean sawRoot = false;
      while (true) {
        if (!xml.hasNext()) {
          break;
        }
        int event = xml.next();
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = xml.getLocalName();
        if (!sawRoot) {
          if (!"disqus".equals(name)) {
            throw new UnusableInputException(
                input.name(), "not a Disqus export: the root element is <" + name + ">");
          }
          sawRoot = true;
          continue;
        }
        if (!"thread".equals(name) && !"post".equals(name)) {
          XmlStream.skip(xml);
          continue;
        }
        element++;
        String dsqId = dsqId(xml);
        Map<String, String> author = new HashMap<>();
        Map<String, String> fields =
            XmlStream.children(
                xml,
                (ns, local) -> local,
                Set.of("author"),
                nested ->
                    author.putAll(
                        XmlStream.children(nested, (ns, local) -> local, Set.of(), x -> {})));
        completed = element;
        String where = name + " " + (dsqId == null ? "#" + element : dsqId);
        ReadItem item = null;
        try {
          if ("thread".equals(name)) {
            String forum =
                value(fields, "forum", firstForum[0] == null ? "unknown" : firstForum[0]);
            if (firstForum[0] == null) {
              firstForum[0] = forum;
            }
            Post thread = thread(dsqId, forum, fields, author);
            boolean deleted = "true".equals(value(fields, "isDeleted", "false"));
            threads.put(dsqId, new ThreadRef(thread.id(), forum, thread.url(), deleted));
            if (!deleted) {
              item = new ReadItem.ParsedPost(thread);
            }
          } else {
            item = post(input, dsqId, fields, author, threads, firstForum[0]);
          }
        } catch (RuntimeException e) {
          item =
              new ReadItem.UnreadableItem(
                  input.name(), where, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (item != null) {
          sink.accept(item);
          emitted++;
        }
      }
      if (!sawRoot) {
        throw new UnusableInputException(input.name(), "empty input, not a Disqus export");
      }
      if (emitted == 0) {
        throw new UnusableInputException(
            input.name(), "a Disqus export without visible threads or posts (all deleted or spam)");
      }
    } catch (XMLStreamException e) {
      if (emitted == 0) {
        throw new UnusableInputException(input.name(), SecureXml.describe(e), e);
      }
      // what was read before the damage is good; the rest cannot be split into elements
      sink.accept(
          new ReadItem.UnreadableItem(
              input.name(),
              "element " + (completed + 1) + " onwards",
              "the rest is unreadable: " + SecureXml.describe(e)));
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
  }

  private static String dsqId(XMLStreamReader xml) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if ("id".equals(xml.getAttributeLocalName(i))) {
        return xml.getAttributeValue(i).strip();
      }
    }
    return null;
  }

  private static SourceRef source(String forum) {
    return new SourceRef("disqus:" + forum, SourceType.DISQUS, forum, null);
  }

  private static Post thread(
      String dsqId, String forum, Map<String, String> fields, Map<String, String> author) {
    if (dsqId == null) {
      throw new IllegalArgumentException("thread without dsq:id");
    }
    String link = PostIds.absoluteUrl(fields.get("link"));
    String html = value(fields, "message", null);
    String title = value(fields, "title", null);
    return Post.builder()
        .id(link != null ? "url:" + link : "disqus:" + forum + ":thread:" + dsqId)
        .source(source(forum))
        .kind(PostKind.POST)
        .author(author(author, forum))
        .url(link)
        .title(title == null ? (link != null ? link : "Disqus thread " + dsqId) : title)
        .text(html == null ? "" : HtmlText.text(html))
        .html(html)
        .published(published(fields))
        .build();
  }

  private static ReadItem post(
      InputDocument input,
      String dsqId,
      Map<String, String> fields,
      Map<String, String> author,
      Map<String, ThreadRef> threads,
      String defaultForum) {
    if (dsqId == null) {
      throw new IllegalArgumentException("post without dsq:id");
    }
    if ("true".equals(value(fields, "isDeleted", "false"))
        || "true".equals(value(fields, "isSpam", "false"))) {
      return null;
    }
    ThreadRef thread = threads.get(value(fields, "thread@id", ""));
    if (thread != null && thread.deleted()) {
      return null;
    }
    String forum =
        thread != null ? thread.forum() : defaultForum == null ? "unknown" : defaultForum;
    String parent = value(fields, "parent@id", null);
    String threadId =
        thread != null
            ? thread.postId()
            : "disqus:" + forum + ":thread:" + value(fields, "thread@id", "unknown");
    String html = value(fields, "message", null);
    String text = html == null ? "" : HtmlText.text(html);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("post has an empty message");
    }
    Post post =
        Post.builder()
            .id("disqus:" + forum + ":" + dsqId)
            .source(source(forum))
            .threadId(threadId)
            .parentId(parent != null ? "disqus:" + forum + ":" + parent : threadId)
            .kind(parent != null ? PostKind.REPLY : PostKind.COMMENT)
            .author(author(author, forum))
            .url(thread != null && thread.url() != null ? thread.url() + "#comment-" + dsqId : null)
            .text(text)
            .html(html)
            .published(published(fields))
            .links(HtmlText.links(html, thread == null ? null : thread.url()))
            .build();
    return new ReadItem.ParsedPost(post);
  }

  private static Instant published(Map<String, String> fields) {
    Instant published = Dates.parse(fields.get("createdAt"));
    return published == null ? Instant.EPOCH : published;
  }

  private static Author author(Map<String, String> author, String forum) {
    String username = value(author, "username", null);
    String name = value(author, "name", null);
    if (username != null) {
      return new Author("disqus:" + username, name, username, null);
    }
    if (name != null) {
      return new Author(name + "@disqus:" + forum, name, null, null);
    }
    return null;
  }

  private static String value(Map<String, String> fields, String key, String fallback) {
    String value = fields.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
