package org.cluetrain.formats.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Consumer;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
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

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org): each item becomes a post with the same id and source
 * conventions as RSS and Atom entries ({@code url:} + the item's URL, else the source id + {@code
 * #} + the item id; source {@code feed:} + origin, home page, feed URL or title).
 */
public final class JsonFeedReader implements FormatReader {

  @Override
  public String format() {
    return "jsonfeed";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return head.stripLeading().startsWith("{") && head.contains("jsonfeed.org");
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    JsonNode feed = JsonInput.tree(input);
    if (!feed.path("items").isArray()) {
      throw new UnusableInputException(input.name(), "not a JSON Feed: no \"items\" array");
    }
    String title = JsonInput.text(feed, "title");
    String home = PostIds.absoluteUrl(JsonInput.text(feed, "home_page_url"));
    String self = PostIds.absoluteUrl(JsonInput.text(feed, "feed_url"));
    String sourceId =
        input.origin() != null
            ? "feed:" + input.origin()
            : home != null
                ? "feed:" + home
                : self != null
                    ? "feed:" + self
                    : title != null ? "feed:" + title : "feed:file:" + input.fileName();
    SourceRef source = new SourceRef(sourceId, SourceType.FEED, title, home != null ? home : self);
    Author feedAuthor = author(feed, home);
    int index = 0;
    for (JsonNode item : feed.get("items")) {
      index++;
      ReadItem read;
      try {
        read = new ReadItem.ParsedPost(post(item, source, feedAuthor));
      } catch (RuntimeException e) {
        read =
            new ReadItem.UnreadableItem(
                input.name(), "item " + index, String.valueOf(e.getMessage()));
      }
      sink.accept(read);
    }
  }

  private static Post post(JsonNode item, SourceRef source, Author feedAuthor) {
    String url = PostIds.absoluteUrl(JsonInput.text(item, "url"));
    String html = JsonInput.text(item, "content_html");
    String text =
        html != null
            ? HtmlText.text(html)
            : HtmlText.normalise(JsonInput.text(item, "content_text"));
    if (text.isEmpty()) {
      text = HtmlText.normalise(JsonInput.text(item, "summary"));
    }
    String title = JsonInput.text(item, "title");
    Instant published = Dates.parse(JsonInput.text(item, "date_published"));
    if (published == null) {
      published = Dates.parse(JsonInput.text(item, "date_modified"));
    }
    published = published == null ? Instant.EPOCH : published;
    String nativeId = JsonInput.text(item, "id");
    String id =
        url != null
            ? "url:" + url
            : nativeId != null
                ? source.id() + "#" + nativeId
                : PostIds.fromContent(source.id(), title, published, text);
    Author author = author(item, url);
    return Post.builder()
        .id(id)
        .source(source)
        .kind(PostKind.POST)
        .author(author != null ? author : feedAuthor)
        .url(url)
        .title(title)
        .text(text)
        .html(html)
        .published(published)
        .links(HtmlText.links(html, url))
        .build();
  }

  private static Author author(JsonNode node, String siteUrl) {
    JsonNode author =
        node.path("authors").isArray() ? node.path("authors").path(0) : node.path("author");
    String name = JsonInput.text(author, "name");
    if (name == null) {
      return null;
    }
    String profile = PostIds.absoluteUrl(JsonInput.text(author, "url"));
    String host = PostIds.host(siteUrl);
    return new Author(
        profile != null ? profile : host == null ? name : name + "@" + host, name, null, profile);
  }
}
