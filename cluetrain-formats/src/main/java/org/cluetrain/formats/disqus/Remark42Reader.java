package org.cluetrain.formats.disqus;

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
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * Remark42 comment dumps: a JSON array of {@code {id, pid, text, user, locator, score, time}}.
 * Comments with an empty {@code pid} are {@link PostKind#COMMENT}s of the page in {@code
 * locator.url}, the others {@link PostKind#REPLY}s. Ids are {@code remark42:<site>:<id>}; deleted
 * comments are skipped.
 */
public final class Remark42Reader implements FormatReader {

  @Override
  public String format() {
    return "remark42";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return head.stripLeading().startsWith("[")
        && head.contains("\"locator\"")
        && head.contains("\"pid\"");
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    JsonNode root = JsonInput.tree(input);
    if (!root.isArray()) {
      throw new UnusableInputException(input.name(), "not a Remark42 dump: expected a JSON array");
    }
    int index = 0;
    for (JsonNode comment : root) {
      index++;
      ReadItem item;
      try {
        item =
            comment.path("delete").asBoolean(false)
                ? null
                : new ReadItem.ParsedPost(comment(comment));
      } catch (RuntimeException e) {
        item =
            new ReadItem.UnreadableItem(
                input.name(), "comment " + index, String.valueOf(e.getMessage()));
      }
      if (item != null) {
        sink.accept(item);
      }
    }
  }

  private static Post comment(JsonNode comment) {
    String id = JsonInput.text(comment, "id");
    if (id == null) {
      throw new IllegalArgumentException("comment without id");
    }
    JsonNode locator = comment.path("locator");
    String site = JsonInput.text(locator, "site");
    site = site == null ? "unknown" : site;
    String page = PostIds.absoluteUrl(JsonInput.text(locator, "url"));
    String threadId = page != null ? "url:" + page : "remark42:" + site + ":page";
    String parent = JsonInput.text(comment, "pid");
    String html = JsonInput.text(comment, "text");
    JsonNode user = comment.path("user");
    String userId = JsonInput.text(user, "id");
    Instant published = Dates.parse(JsonInput.text(comment, "time"));
    Long score = JsonInput.number(comment, "score");
    return Post.builder()
        .id("remark42:" + site + ":" + id)
        .source(new SourceRef("remark42:" + site, SourceType.BLOG, site, null))
        .threadId(threadId)
        .parentId(parent == null ? threadId : "remark42:" + site + ":" + parent)
        .kind(parent == null ? PostKind.COMMENT : PostKind.REPLY)
        .author(
            userId == null
                ? null
                : new Author("remark42:" + userId, JsonInput.text(user, "name"), null, null))
        .url(page)
        .text(HtmlText.text(html))
        .html(html)
        .published(published == null ? Instant.EPOCH : published)
        .engagement(
            score == null ? Engagement.UNKNOWN : new Engagement(score, null, null, null, null))
        .links(HtmlText.links(html, page))
        .build();
  }
}
