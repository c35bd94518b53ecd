package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cluetrain.formats.tabular.ColumnMapping;
import org.cluetrain.ingest.ReadItem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormatsApiTest {

  @Test
  void listsEveryFormatInDetectionOrder() {
    assertThat(Formats.standard().names())
        .containsExactly(
            "opml",
            "wxr",
            "disqus",
            "rss",
            "html",
            "jsonfeed",
            "x-archive",
            "twitter",
            "reddit",
            "commento",
            "remark42",
            "mastodon",
            "ndjson",
            "csv");
    assertThat(Formats.standard().readers()).hasSize(14);
  }

  @Test
  void findsReadersByNameAndAlias() {
    Formats formats = Formats.standard();
    assertThat(formats.byName("RSS").format()).isEqualTo("rss");
    assertThat(formats.byName("atom").format()).isEqualTo("rss");
    assertThat(formats.byName("wordpress").format()).isEqualTo("wxr");
    assertThatThrownBy(() -> formats.byName("gopher"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown format 'gopher', expected auto or one of opml, wxr, disqus, rss, html,"
                + " jsonfeed, x-archive, twitter, reddit, commento, remark42, mastodon, ndjson, csv");
  }

  @Test
  void opmlYieldsSubscriptionsWithTheirFolderPath() throws Exception {
    List<ReadItem> items = FixtureReading.read(FixtureReading.resource("good/subscriptions.opml"));
    assertThat(items)
        .containsExactly(
            new ReadItem.FeedSubscription(
                "heise",
                "https://www.heise.de/rss/heise-atom.xml",
                "https://www.heise.de/",
                "News/Germany"),
            new ReadItem.FeedSubscription("Loose", "https://loose.example/feed", null, null));
  }

  @Nested
  class ColumnMappings {
    @Test
    void parsesKeyColumnPairs() {
      ColumnMapping mapping =
          ColumnMapping.parse("text=CONTENT, published=PUBLISHED,author=AUTHOR_NAME");
      assertThat(mapping.text()).isEqualTo("CONTENT");
      assertThat(mapping.published()).isEqualTo("PUBLISHED");
      assertThat(mapping.author()).isEqualTo("AUTHOR_NAME");
      assertThat(mapping.id()).isNull();
    }

    @Test
    void reportsEveryProblemAtOnce() {
      assertThatThrownBy(() -> ColumnMapping.parse("txt=CONTENT,author=,text=A,text=B,oops"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid column mapping 'txt=CONTENT,author=,text=A,text=B,oops': unknown key 'txt'"
                  + " (known: id, text, title, author, published, url, parent, thread, lang, kind,"
                  + " source, date); key 'author' has no column; key 'text' is given twice; 'oops'"
                  + " is not key=column");
    }

    @Test
    void needsATextOrTitle() {
      assertThatThrownBy(() -> ColumnMapping.parse("author=NAME"))
          .hasMessage("invalid column mapping 'author=NAME': a text or a title column is required");
      assertThatThrownBy(() -> ColumnMapping.parse(" "))
          .hasMessageStartingWith("empty column mapping");
    }

    @Test
    void checksTheDatePattern() {
      assertThatThrownBy(() -> ColumnMapping.parse("text=T,date=yyyy-MM-dd'T"))
          .hasMessageStartingWith("date format 'yyyy-MM-dd'T' is not a valid pattern");
    }

    @Test
    void guessesCommonHeaders() {
      ColumnMapping airline =
          ColumnMapping.guess(
              List.of(
                  "tweet_id",
                  "airline_sentiment",
                  "negativereason",
                  "airline",
                  "text",
                  "tweet_created"));
      assertThat(airline.id()).isEqualTo("tweet_id");
      assertThat(airline.text()).isEqualTo("text");
      assertThat(airline.published()).isEqualTo("tweet_created");
      ColumnMapping youtube =
          ColumnMapping.guess(
              List.of(
                  "ID",
                  "PUBLISHED",
                  "UPDATED",
                  "TITLE",
                  "CONTENT",
                  "CONTENT_SIZE",
                  "HAS_LINK",
                  "AUTHOR_NAME",
                  "AUTHOR_URI",
                  "CHANNELID"));
      assertThat(youtube.text()).isEqualTo("CONTENT");
      assertThat(youtube.author()).isEqualTo("AUTHOR_NAME");
      assertThat(youtube.published()).isEqualTo("PUBLISHED");
      assertThat(ColumnMapping.guess(List.of("a", "b"))).isNull();
    }

    @Test
    void anExplicitMappingReplacesTheGuess() throws Exception {
      Formats formats = Formats.withColumnMapping(ColumnMapping.parse("text=author,title=text"));
      List<ReadItem> items = new java.util.ArrayList<>();
      formats.read(
          org.cluetrain.ingest.InputDocument.ofFile(FixtureReading.resource("bad/rows.csv")),
          "csv",
          items::add);
      assertThat(FixtureReading.posts(items))
          .extracting(post -> post.text())
          .startsWith("ann", "carl");
    }
  }
}
