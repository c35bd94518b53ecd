package org.cluetrain.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.HourlySentiment;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcListeningLedgerTest {
  private static final SourceRef BLOG =
      new SourceRef("feed:https://blog.example/", SourceType.BLOG, "Blog", "https://blog.example/");
  private static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");

  @TempDir Path dir;

  private static StoredPost post(String id, String parent, String author, List<String> queries) {
    return new StoredPost(
        Post.builder()
            .id(id)
            .source(BLOG)
            .threadId("root")
            .parentId(parent)
            .kind(parent == null ? PostKind.POST : PostKind.COMMENT)
            .author(new Author(author, author.toUpperCase(), null, null))
            .title(parent == null ? "Bahnchaos in Köln" : null)
            .text("Text von " + id)
            .published(T0.plusSeconds(id.hashCode() % 600 + 600))
            .lang("de")
            .fingerprint(id.hashCode())
            .project("bahn")
            .build(),
        queries);
  }

  @Test
  void matchesAddedLaterCountOnceAndOnlyForKnownPosts() {
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(dir.resolve("ledger.db"))) {
      ledger.record(List.of(post("a", null, "anna", List.of()), post("b", null, "ben", List.of())));
      List<StoredPost> history =
          List.of(
              post("a", null, "anna", List.of()),
              post("b", null, "ben", List.of()),
              post("unknown", null, "carl", List.of()));
      assertThat(ledger.recordMatches("bahn/later", history)).isEqualTo(2);
      assertThat(ledger.recordMatches("bahn/later", history)).isZero();
      assertThat(ledger.stats("bahn").byQuery()).containsEntry("bahn/later", 2L);

      ledger.forgetMatches("bahn/later");
      assertThat(ledger.stats("bahn").byQuery()).doesNotContainKey("bahn/later");
      assertThat(ledger.recordMatches("bahn/later", history.subList(0, 1))).isEqualTo(1);
      assertThat(ledger.hourlyCounts("bahn/later", null, null))
          .singleElement()
          .extracting(h -> h.posts())
          .isEqualTo(1L);
    }
  }

  @Test
  void recordingTwiceCountsOnce() {
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(dir.resolve("ledger.db"))) {
      List<StoredPost> batch =
          List.of(
              post("root", null, "anna", List.of("bahn/brand")),
              post("c1", "root", "ben", List.of("bahn/brand", "bahn/delay")),
              post("c2", "c1", "anna", List.of()));
      assertThat(ledger.record(batch)).isEqualTo(3);
      assertThat(ledger.record(batch)).isZero();
      assertThat(ledger.knownPostIds(List.of("root", "c2", "unknown")))
          .isEqualTo(Set.of("root", "c2"));

      var stats = ledger.stats("bahn");
      assertThat(stats.posts()).isEqualTo(3);
      assertThat(stats.byQuery()).containsEntry("bahn/brand", 2L).containsEntry("bahn/delay", 1L);
      assertThat(stats.byKind()).containsEntry("comment", 2L).containsEntry("post", 1L);
      assertThat(stats.byLanguage()).containsEntry("de", 3L);
      assertThat(ledger.hourlyCounts("bahn/brand", null, null))
          .extracting(c -> c.posts())
          .containsExactly(2L);

      var thread = ledger.threads("bahn", 10).get(0);
      assertThat(thread.posts()).isEqualTo(3);
      assertThat(thread.title()).isEqualTo("Bahnchaos in Köln");

      var authors = ledger.authors("bahn", 10);
      assertThat(authors).extracting(a -> a.authorId()).containsExactly("anna", "ben");
      assertThat(authors.get(0).repliesReceived()).isEqualTo(1); // ben answered anna
      assertThat(authors.get(1).repliesReceived()).isEqualTo(1); // anna answered ben

      java.time.Instant firstBefore = thread.first();
      StoredPost late = post("c3", "root", "ben", List.of());
      StoredPost early =
          new StoredPost(
              late.post().toBuilder().id("c0").published(firstBefore.minusSeconds(60)).build(),
              List.of());
      assertThat(ledger.record(List.of(early))).isEqualTo(1); // a later batch, an earlier post
      var grown = ledger.threads("bahn", 10).get(0);
      assertThat(grown.first()).isEqualTo(firstBefore.minusSeconds(60));
      assertThat(grown.last()).isEqualTo(thread.last());
      assertThat(grown.posts()).isEqualTo(4);
    }
  }

  private static StoredPost withSentiment(StoredPost stored, String sentiment, long minute) {
    return new StoredPost(
        stored.post().toBuilder()
            .published(T0.plusSeconds(minute * 60))
            .labels(Map.of("sentiment", new Label(sentiment, 0.8, List.of("spät"))))
            .build(),
        stored.matchedQueries());
  }

  @Test
  void sentimentIsCountedPerQueryAndHourOnceAndOnlyForLabelledPosts() {
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(dir.resolve("ledger.db"))) {
      List<StoredPost> batch =
          List.of(
              withSentiment(post("root", null, "anna", List.of("bahn/brand")), "negative", 0),
              withSentiment(post("c1", "root", "ben", List.of("bahn/brand")), "negative", 10),
              withSentiment(post("c2", "root", "cem", List.of("bahn/brand")), "positive", 70),
              post("c3", "root", "dora", List.of("bahn/brand")), // no sentiment label
              withSentiment(post("c4", "root", "emil", List.of()), "negative", 5)); // unmatched
      ledger.record(batch);
      ledger.record(batch); // the same import again
      ledger.record(List.of(batch.get(1))); // and one post of it once more

      Instant hour = Instant.parse("2026-03-02T09:00:00Z");
      assertThat(ledger.hourlySentiment("bahn/brand", null, null))
          .containsExactly(
              new HourlySentiment("bahn/brand", hour, "negative", 2),
              new HourlySentiment("bahn/brand", hour.plusSeconds(3600), "positive", 1));
      assertThat(ledger.hourlySentiment("bahn/brand", hour.plusSeconds(3600), null))
          .extracting(HourlySentiment::sentiment)
          .containsExactly("positive");
      assertThat(ledger.hourlySentiment("bahn/other", null, null)).isEmpty();
    }
  }

  @Test
  void activityCountsOnlyThePeriodAndAnswersBySomebodyElse() {
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(dir.resolve("ledger.db"))) {
      ledger.record(
          List.of(
              withSentiment(post("root", null, "anna", List.of("bahn/brand")), "neutral", 0),
              withSentiment(post("c1", "root", "ben", List.of("bahn/brand")), "neutral", 10),
              withSentiment(post("c2", "root", "anna", List.of()), "neutral", 20), // her own
              withSentiment(post("c3", "c1", "cem", List.of()), "neutral", 30),
              withSentiment(post("c4", "root", "cem", List.of("bahn/brand")), "neutral", 600)));
      var activity =
          ledger.activity(
              "bahn", List.of("bahn/brand"), T0, T0.plusSeconds(3600), 10); // c4 is later
      assertThat(activity.mentionAuthors()).isEqualTo(2); // anna, ben
      assertThat(activity.mentionSources()).isEqualTo(1);
      assertThat(activity.growingThreads()).hasSize(1);
      assertThat(activity.growingThreads().get(0).postsInPeriod()).isEqualTo(4);
      assertThat(activity.growingThreads().get(0).thread().posts()).isEqualTo(5);
      assertThat(activity.activeAuthors())
          .extracting(a -> a.authorId() + "=" + a.count())
          .containsExactly("anna=2", "ben=1", "cem=1");
      assertThat(activity.answeredAuthors())
          .extracting(a -> a.authorId() + "=" + a.count() + " " + a.name())
          .containsExactly("anna=1 ANNA", "ben=1 BEN");
      assertThat(ledger.activity("bahn", List.of(), T0, T0.plusSeconds(60), 10).mentionAuthors())
          .isZero();
    }
  }

  @Test
  void everythingSurvivesReopening() {
    Path file = dir.resolve("ledger.db");
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(file)) {
      ledger.record(List.of(post("root", null, "anna", List.of())));
      ledger.saveQueries(
          List.of("bahn"),
          List.of(
              new SavedQuery(
                  "bahn",
                  "brand",
                  "bahn OR \"deutsche bahn\"",
                  SavedQuery.Role.LISTEN,
                  List.of("Die Bahn kommt", "zweites Beispiel"),
                  List.of())));
      ledger.saveHealth(
          new SourceHealth(
              "feed:x",
              "bahn",
              "https://x.example/feed",
              SourceHealth.State.UNREACHABLE,
              T0,
              null,
              "unreachable: https://x.example/feed (connection refused)",
              2,
              0,
              0,
              T0.plusSeconds(60),
              List.of("a", "b")));
    }
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(file)) {
      assertThat(ledger.record(List.of(post("root", null, "anna", List.of())))).isZero();
      assertThat(ledger.queries().get(0).mustMatch())
          .containsExactly("Die Bahn kommt", "zweites Beispiel");
      SourceHealth health = ledger.health().get(0);
      assertThat(health.state()).isEqualTo(SourceHealth.State.UNREACHABLE);
      assertThat(health.gaps()).containsExactly("a", "b");
      assertThat(health.lastSuccess()).isNull();
      ledger.saveValidators("feed:x", "\"abc\"", "Mon, 23 Nov 2026 05:00:00 GMT");
      assertThat(ledger.validators("feed:x").orElseThrow())
          .containsExactly("\"abc\"", "Mon, 23 Nov 2026 05:00:00 GMT");
      assertThat(ledger.validators("feed:unknown")).isEmpty();
      assertThat(ledger.recentFingerprints(10)).hasSize(1);
    }
  }

  @Test
  void feedSubscriptionsAreKeptOncePerProject() {
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(dir.resolve("ledger.db"))) {
      var feed =
          new org.cluetrain.ingest.ReadItem.FeedSubscription(
              "heise", "https://www.heise.de/rss/heise-atom.xml", "https://www.heise.de/", "IT");
      assertThat(ledger.subscribe("bahn", List.of(feed, feed))).isEqualTo(1);
      assertThat(ledger.subscribe("bahn", List.of(feed))).isZero();
      assertThat(ledger.subscribe("airlines", List.of(feed))).isEqualTo(1);
      assertThat(ledger.subscriptions())
          .extracting(s -> s.project() + " " + s.feed().feedUrl())
          .containsExactly(
              "airlines https://www.heise.de/rss/heise-atom.xml",
              "bahn https://www.heise.de/rss/heise-atom.xml");
    }
  }
}
