package org.cluetrain.formats.x;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * The tweet files of an X/Twitter account archive: {@code tweets.js}, {@code deleted-tweets.js},
 * {@code community-tweet.js} ({@code window.YTD.<kind>.part0 = [ {"tweet": {...}}, ... ]}). The
 * array is streamed with Jackson, one tweet at a time.
 *
 * <p>Archive tweets carry no user; the account comes from the archive's {@code manifest.js} (or
 * {@code account.js}) beside the file when the input is a local file, giving the source {@code
 * x-archive:<user name>} and the author of every tweet. Without it the source is named after the
 * file and the tweets have no author. Other archive files (the manifest, likes, direct messages)
 * are not posts and are rejected with that reason.
 */
public final class XArchiveReader implements FormatReader {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("(?s)^\\s*window\\.(YTD\\.([\\w]+)\\.part\\d+|__THAR_CONFIG)\\s*=.*");
  private static final java.util.Set<String> TWEET_FILES =
      java.util.Set.of("tweets", "tweet", "deleted_tweets", "community_tweet", "note_tweet");

  @Override
  public String format() {
    return "x-archive";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return ASSIGNMENT.matcher(head).matches();
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    Account account = account(input);
    SourceRef source =
        new SourceRef(
            account == null
                ? "x-archive:file:" + input.fileName()
                : "x-archive:" + account.userName(),
            SourceType.TWITTER,
            account == null ? null : "@" + account.userName(),
            account == null ? null : "https://x.com/" + account.userName());
    Author owner =
        account == null
            ? null
            : new Author(
                "x:" + account.accountId(),
                account.displayName(),
                account.userName(),
                "https://x.com/" + account.userName());
    try (InputStream in = input.open()) {
      String kind = skipAssignment(input, in);
      if (kind == null || !TWEET_FILES.contains(kind)) {
        throw new UnusableInputException(
            input.name(),
            "an X archive file without posts ("
                + (kind == null ? "the archive manifest" : kind)
                + "); import tweets.js, deleted-tweets.js or community-tweet.js");
      }
      JsonParser parser = JsonInput.READER.createParser(in);
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new UnusableInputException(
            input.name(), "not an X archive: expected a JSON array after '='");
      }
      int index = 0;
      while (true) {
        JsonToken token;
        JsonNode element;
        try {
          token = parser.nextToken();
          if (token == null || token == JsonToken.END_ARRAY) {
            break;
          }
          element = parser.readValueAsTree();
        } catch (JsonProcessingException e) {
          if (index == 0) {
            throw new UnusableInputException(
                input.name(),
                "not well-formed JSON: " + e.getOriginalMessage() + JsonInput.location(e),
                e);
          }
          sink.accept(
              new ReadItem.UnreadableItem(
                  input.name(),
                  "tweet " + (index + 1) + " onwards",
                  "the rest is unreadable: " + e.getOriginalMessage() + JsonInput.location(e)));
          return;
        }
        index++;
        ReadItem item;
        try {
          JsonNode tweet = element.has("tweet") ? element.get("tweet") : element;
          if (!tweet.isObject()) {
            throw new IllegalArgumentException("not a tweet object");
          }
          Post post = TweetMapping.fromV1(tweet, source, owner);
          item = new ReadItem.ParsedPost(post);
        } catch (RuntimeException e) {
          item =
              new ReadItem.UnreadableItem(
                  input.name(), "tweet " + index, String.valueOf(e.getMessage()));
        }
        sink.accept(item);
      }
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Consumes {@code window.YTD.tweets.part0 =} and returns the data kind ({@code tweets}), or
   * {@code null} for the manifest.
   */
  private static String skipAssignment(InputDocument input, InputStream in)
      throws IOException, UnusableInputException {
    StringBuilder prefix = new StringBuilder();
    for (int b; (b = in.read()) >= 0; ) {
      if (b == '=') {
        Matcher matcher = ASSIGNMENT.matcher(prefix + "=");
        if (!matcher.matches()) {
          break;
        }
        return matcher.group(2);
      }
      prefix.append((char) b);
      if (prefix.length() > 200) {
        break;
      }
    }
    throw new UnusableInputException(
        input.name(), "not an X archive file: no 'window.YTD.<kind>.part0 =' at its start");
  }

  /** The archive owner as the manifest records it. */
  record Account(String accountId, String userName, String displayName) {}

  private static Account account(InputDocument input) {
    Path file;
    try {
      file = Path.of(input.name());
    } catch (InvalidPathException notAPath) {
      return null;
    }
    for (String sibling : new String[] {"manifest.js", "account.js"}) {
      Path candidate = file.resolveSibling(sibling);
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      try {
        String js = Files.readString(candidate, StandardCharsets.UTF_8);
        JsonNode root = JsonInput.READER.readTree(js.substring(js.indexOf('=') + 1));
        JsonNode info = root.path("userInfo");
        if (root.isArray()) {
          info = root.path(0).path("account");
        }
        String id = JsonInput.text(info, "accountId");
        String userName = JsonInput.text(info, "userName");
        if (userName == null) {
          userName = JsonInput.text(info, "username");
        }
        if (id != null && userName != null) {
          String display = JsonInput.text(info, "displayName");
          if (display == null) {
            display = JsonInput.text(info, "accountDisplayName");
          }
          return new Account(id, userName, display);
        }
      } catch (IOException | RuntimeException unreadable) {
        // the account is a nicety: without it the tweets are still read
      }
    }
    return null;
  }
}
