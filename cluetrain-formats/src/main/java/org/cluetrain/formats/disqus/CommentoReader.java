package org.cluetrain.formats.disqus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
 * Commento JSON exports ({@code {version, comments, commenters}}): each comment becomes a {@link
 * PostKind#COMMENT} of the page it was written on ({@code parentHex} {@code root}) or a {@link
 * PostKind#REPLY}. Ids are {@code commento:<domain>:<commentHex>}; the page is {@code
 * url:https://<domain><url>}. Deleted comments and those not approved are skipped. Commento exports
 * are small (one site's comments), so the file is read as a tree.
 */
public final class CommentoReader implements FormatReader {

  @Override
  public String format() {
    return "commento";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return head.stripLeading().startsWith("{")
        && head.contains("\"commentHex\"")
        && head.contains("\"comments\"");
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    JsonNode root = JsonInput.tree(input);
    JsonNode comments = root.path("comments");
    if (!comments.isArray()) {
      throw new UnusableInputException(
          input.name(), "not a Commento export: no \"comments\" array");
    }
    Map<String, JsonNode> commenters = new HashMap<>();
    for (JsonNode commenter : root.path("commenters")) {
      String hex = JsonInput.text(commenter, "commenterHex");
      if (hex != null) {
        commenters.put(hex, commenter);
      }
    }
    int index = 0;
    for (JsonNode comment : comments) {
      index++;
      ReadItem item;
      try {
        item = comment(comment, commenters);
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

  private static ReadItem comment(JsonNode comment, Map<String, JsonNode> commenters) {
    if (comment.path("deleted").asBoolean(false)) {
      return null;
    }
    String state = JsonInput.text(comment, "state");
    if (state != null && !state.equals("approved")) {
      return null;
    }
    String hex = JsonInput.text(comment, "commentHex");
    String domain = JsonInput.text(comment, "domain");
    if (hex == null || domain == null) {
      throw new IllegalArgumentException("comment without commentHex or domain");
    }
    String path = JsonInput.text(comment, "url");
    String page = PostIds.absoluteUrl("https://" + domain + (path == null ? "/" : path));
    String threadId = page != null ? "url:" + page : "commento:" + domain + ":page:" + path;
    String parent = JsonInput.text(comment, "parentHex");
    boolean topLevel = parent == null || parent.equals("root");
    String html = JsonInput.text(comment, "html");
    String text =
        html != null
            ? HtmlText.text(html)
            : HtmlText.normalise(JsonInput.text(comment, "markdown"));
    Instant published = Dates.parse(JsonInput.text(comment, "creationDate"));
    String commenterHex = JsonInput.text(comment, "commenterHex");
    JsonNode commenter = commenterHex == null ? null : commenters.get(commenterHex);
    Author author = null;
    if (commenterHex != null && !commenterHex.equals("anonymous")) {
      String name = commenter == null ? null : JsonInput.text(commenter, "name");
      String link =
          commenter == null ? null : PostIds.absoluteUrl(JsonInput.text(commenter, "link"));
      author = new Author("commento:" + commenterHex, name, null, link);
    }
    Long score = JsonInput.number(comment, "score");
    return new ReadItem.ParsedPost(
        Post.builder()
            .id("commento:" + domain + ":" + hex)
            .source(
                new SourceRef(
                    "commento:" + domain, SourceType.BLOG, domain, "https://" + domain + "/"))
            .threadId(threadId)
            .parentId(topLevel ? threadId : "commento:" + domain + ":" + parent)
            .kind(topLevel ? PostKind.COMMENT : PostKind.REPLY)
            .author(author)
            .url(page)
            .text(text)
            .html(html)
            .published(published == null ? Instant.EPOCH : published)
            .engagement(
                score == null ? Engagement.UNKNOWN : new Engagement(score, null, null, null, null))
            .build());
  }
}
