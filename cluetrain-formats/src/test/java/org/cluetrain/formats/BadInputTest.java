package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile, broken and unknown inputs: a clear message naming the input, never another exception.
 */
class BadInputTest {

  @Nested
  class SecureXml {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "bad/billion-laughs.rss",
          "bad/billion-laughs-wxr.xml",
          "bad/billion-laughs-disqus.xml"
        })
    void entityExpansionIsRejectedNamingTheFile(String name) {
      Path file = FixtureReading.resource(name);
      assertThatThrownBy(() -> FixtureReading.read(file))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageStartingWith(file + ": rejected: too many entity expansions");
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
      Path secret = dir.resolve("secret.txt");
      Files.writeString(secret, "TOP-SECRET-CONTENT");
      String entity = "<!DOCTYPE %s [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
      String rss =
          "<?xml version=\"1.0\"?>"
              + entity.formatted("rss")
              + "<rss version=\"2.0\"><channel><title>X</title><link>https://xxe.example/</link>"
              + "<item><title>t</title><link>https://xxe.example/1</link><description>a &xxe; b</description></item>"
              + "</channel></rss>";
      String wxr =
          "<?xml version=\"1.0\"?>"
              + entity.formatted("rss")
              + "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><link>https://xxe.example</link>"
              + "<item><title>t &xxe;</title><link>https://xxe.example/1</link><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
              + "</channel></rss>";
      String disqus =
          "<?xml version=\"1.0\"?>"
              + entity.formatted("disqus")
              + "<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\"><thread dsq:id=\"1\"><forum>f</forum>"
              + "<link>https://xxe.example/1</link><title>t &xxe;</title></thread></disqus>";
      for (String document : List.of(rss, wxr, disqus)) {
        Path file = dir.resolve("xxe-" + document.hashCode() + ".xml");
        Files.writeString(file, document);
        List<ReadItem> items = new ArrayList<>();
        try {
          FixtureReading.FORMATS.read(InputDocument.ofFile(file), "auto", items::add);
        } catch (UnusableInputException rejected) {
          assertThat(rejected.getMessage()).doesNotContain("TOP-SECRET");
          continue;
        }
        assertThat(items).isNotEmpty();
        assertThat(items.toString()).doesNotContain("TOP-SECRET");
      }
    }

    @Test
    void rss091WithNetscapeDoctypeIsReadWithoutFetchingTheDtd() throws Exception {
      List<Post> posts = FixtureReading.posts(FixtureReading.resource("good/netscape-0.91.rss"));
      assertThat(posts)
          .singleElement()
          .satisfies(
              post -> {
                assertThat(post.title()).isEqualTo("Grüße aus Köln");
                assertThat(post.text()).isEqualTo("Erster Eintrag mit Umlauten: äöü.");
                assertThat(post.id()).isEqualTo("url:https://altes-blog.example/2000/gruesse");
              });
    }
  }

  @Nested
  class Damaged {
    @Test
    void truncatedFeedIsUnusable() {
      Path file = FixtureReading.resource("bad/truncated.rss");
      assertThatThrownBy(() -> FixtureReading.read(file))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageStartingWith(file + ": not well-formed XML");
    }

    @Test
    void truncatedWxrKeepsWhatWasReadAndReportsTheRest() throws Exception {
      Path file = FixtureReading.resource("bad/truncated-wxr.xml");
      List<ReadItem> items = FixtureReading.read(file);
      assertThat(FixtureReading.posts(items))
          .extracting(Post::id)
          .containsExactly(
              "url:https://cutblog.example/complete/", "wp:https://cutblog.example:comment:5");
      assertThat(FixtureReading.unreadable(items))
          .singleElement()
          .satisfies(
              bad -> {
                assertThat(bad.input()).isEqualTo(file.toString());
                assertThat(bad.item()).isEqualTo("item 2 onwards");
                assertThat(bad.problem()).startsWith("the rest is unreadable: not well-formed XML");
              });
    }

    @Test
    void tweetArchiveReportsTheBadTweetAndTheCutEnd() throws Exception {
      Path file = FixtureReading.resource("bad/truncated-tweets.js");
      List<ReadItem> items = FixtureReading.read(file);
      assertThat(FixtureReading.posts(items))
          .singleElement()
          .satisfies(
              post -> {
                assertThat(post.id()).isEqualTo("x:1500000000000000000");
                assertThat(post.hashtags()).containsExactly("hello");
                assertThat(post.mentions()).containsExactly("someone");
                assertThat(post.source().id()).isEqualTo("x-archive:file:truncated-tweets.js");
              });
      assertThat(FixtureReading.unreadable(items))
          .extracting(ReadItem.UnreadableItem::item)
          .containsExactly("tweet 2", "tweet 3 onwards");
    }

    @Test
    void malformedJsonIsUnusableWithItsPosition() {
      Path file = FixtureReading.resource("bad/malformed.json");
      assertThatThrownBy(() -> FixtureReading.read(file))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageStartingWith(file + ": not well-formed JSON")
          .hasMessageContaining("line");
    }

    @Test
    void badCsvRowsAreReportedByLineAndTheOthersImported() throws Exception {
      Path file = FixtureReading.resource("bad/rows.csv");
      List<ReadItem> items = FixtureReading.read(file);
      assertThat(FixtureReading.posts(items))
          .extracting(Post::id)
          .containsExactly("csv:rows.csv:1", "csv:rows.csv:5");
      assertThat(FixtureReading.unreadable(items))
          .extracting(ReadItem.UnreadableItem::item, ReadItem.UnreadableItem::problem)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("line 3", "has 5 fields, the header has 4"),
              org.assertj.core.groups.Tuple.tuple(
                  "line 4", "post csv:rows.csv:3 has neither text nor title"),
              org.assertj.core.groups.Tuple.tuple(
                  "line 5", "cannot read the date 'yesterday-ish'"));
    }

    @Test
    void badNdjsonLinesAreReportedAndTheOthersImported() throws Exception {
      Path file = FixtureReading.resource("bad/lines.ndjson");
      List<ReadItem> items = FixtureReading.read(file, "ndjson");
      assertThat(FixtureReading.posts(items))
          .extracting(Post::text)
          .containsExactly("first line", "third line");
      assertThat(FixtureReading.unreadable(items))
          .extracting(ReadItem.UnreadableItem::item)
          .containsExactly("line 2", "line 4");
    }

    @Test
    void wronglyDeclaredEncodingsStillImport() throws Exception {
      assertThat(FixtureReading.posts(FixtureReading.resource("bad/wrong-declared-encoding.rss")))
          .singleElement()
          .satisfies(post -> assertThat(post.title()).isNotBlank());
      assertThat(FixtureReading.posts(FixtureReading.resource("bad/latin1-declared-utf8.rss")))
          .singleElement()
          .satisfies(post -> assertThat(post.title()).startsWith("Gr"));
    }
  }

  @Nested
  class Unknown {
    @ParameterizedTest
    @ValueSource(strings = {"bad/empty.xml", "bad/blank.json"})
    void emptyInputIsUnusable(String name) {
      Path file = FixtureReading.resource(name);
      assertThatThrownBy(() -> FixtureReading.read(file))
          .isInstanceOf(UnusableInputException.class)
          .hasMessage(file + ": empty input");
    }

    @Test
    void unknownFormatNamesTheFileAndTheKnownFormats() {
      Path file = FixtureReading.resource("bad/unknown.txt");
      assertThatThrownBy(() -> FixtureReading.read(file))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageStartingWith(file + ": format not recognised")
          .hasMessageContaining("known formats (opml, wxr");
    }

    @Test
    void unknownFormatNeverQuotesTheFile(@TempDir Path dir) throws Exception {
      // a password file given to import by mistake (or on purpose) must not end up on screen
      Path shadow = dir.resolve("shadow");
      Files.writeString(
          shadow,
          "root:$6$Zq8Tt1v0$secretHashOfRoot:19700:0:99999:7:::\n"
              + "daemon:*:19700:0:99999:7:::\n");
      assertThatThrownBy(() -> FixtureReading.read(shadow))
          .isInstanceOf(UnusableInputException.class)
          .hasMessage(
              shadow
                  + ": format not recognised: not one of the known formats ("
                  + String.join(", ", Formats.standard().names())
                  + ")");
    }

    @Test
    void wrongFormatNameIsUnusableNamingTheKnownOnes() {
      Path file = FixtureReading.resource("good/netscape-0.91.rss");
      assertThatThrownBy(() -> FixtureReading.read(file, "myspace"))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("unknown format 'myspace', expected auto or one of opml, wxr");
    }

    @Test
    void aFormatForcedOnTheWrongInputIsUnusable() {
      Path file = FixtureReading.resource("good/netscape-0.91.rss");
      for (String format : FixtureReading.FORMATS.names()) {
        if (format.equals("rss")
            || format.equals("html")
            || format.equals("csv")
            || format.equals("ndjson")) {
          continue; // these read any text leniently
        }
        assertThatThrownBy(() -> FixtureReading.read(file, format))
            .as(format)
            .isInstanceOf(UnusableInputException.class)
            .hasMessageStartingWith(file + ": ");
      }
    }
  }

  @Test
  void exceptionsOfTheSinkPassThroughUnchanged() {
    Path file = FixtureReading.resource("good/netscape-0.91.rss");
    IllegalStateException stop = new IllegalStateException("downstream is full");
    assertThatThrownBy(
            () ->
                FixtureReading.FORMATS.read(
                    InputDocument.ofFile(file),
                    "auto",
                    item -> {
                      throw stop;
                    }))
        .isSameAs(stop);
  }

  @Test
  void bytesWithoutAFileNameAreDetectedToo() throws Exception {
    byte[] json = Files.readAllBytes(FixtureReading.resource("good/twitter-v2-with-users.json"));
    var input = InputDocument.ofBytes("response", null, "application/json", json);
    assertThat(FixtureReading.FORMATS.detect(input).format()).isEqualTo("twitter");
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("includes");
  }
}
