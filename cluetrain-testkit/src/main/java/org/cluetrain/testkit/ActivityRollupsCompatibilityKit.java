package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cluetrain.testkit.SamplePosts.T0;
import static org.cluetrain.testkit.SamplePosts.conversation;
import static org.cluetrain.testkit.SamplePosts.inProject;
import static org.cluetrain.testkit.SamplePosts.withSentiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.HourlySentiment;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link ActivityRollups}: the figures recording keeps up to date, read back
 * per project, per query and per window [since, until), in a stable order.
 */
public abstract class ActivityRollupsCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the ledger whose data lives in {@code directory} (see {@link
   * PostLedgerCompatibilityKit}).
   */
  protected abstract LedgerRoles open(Path directory);

  private static List<StoredPost> threadOfThree() {
    return List.of(
        conversation("root", null, "anna", List.of("bahn/brand")),
        conversation("c1", "root", "ben", List.of("bahn/brand", "bahn/delay")),
        conversation("c2", "c1", "anna", List.of()));
  }

  @Test
  void statsCountPostsByProjectSourceLanguageKindAndQuery() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.postLedger().record(threadOfThree());
      StoredPost duplicate = inProject(conversation("d", null, "dora", List.of("x/any")), "x");
      duplicate =
          new StoredPost(duplicate.post().toBuilder().duplicateOf("x:root").build(), List.of());
      ledger.postLedger().record(List.of(duplicate));

      var stats = ledger.rollups().stats("bahn");
      assertThat(stats.posts()).isEqualTo(3);
      assertThat(stats.byQuery())
          .containsExactly(
              java.util.Map.entry("bahn/brand", 2L), java.util.Map.entry("bahn/delay", 1L));
      assertThat(stats.byKind()).containsEntry("comment", 2L).containsEntry("post", 1L);
      assertThat(stats.byLanguage()).containsEntry("de", 3L);
      assertThat(stats.bySource()).containsEntry(SamplePosts.BLOG.id(), 3L);
      assertThat(stats.duplicates()).isZero();

      var all = ledger.rollups().stats(null);
      assertThat(all.posts()).isEqualTo(4);
      assertThat(all.byProject()).containsEntry("bahn", 3L).containsEntry("x", 1L);
      assertThat(all.duplicates()).isEqualTo(1);
      assertThat(ledger.rollups().stats("nobody").posts()).isZero();
      assertThat(ledger.rollups().postsBySource("bahn"))
          .containsExactly(java.util.Map.entry(SamplePosts.BLOG.id(), 3L));
      assertThat(ledger.rollups().postsBySource("nobody")).isEmpty();
    }
  }

  @Test
  void threadsAndAuthorsArePerProjectAndGrowWithLaterBatches() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.postLedger().record(threadOfThree());
      ledger
          .postLedger()
          .record(List.of(inProject(conversation("root", null, "zoe", List.of()), "other")));

      var thread = ledger.rollups().threads("bahn", 10).get(0);
      assertThat(ledger.rollups().threads("bahn", 10)).hasSize(1);
      assertThat(thread.posts()).isEqualTo(3);
      assertThat(thread.title()).isEqualTo("Bahnchaos in Köln");
      assertThat(ledger.rollups().threads(null, 10)).hasSize(2);
      assertThat(ledger.rollups().threads(null, 1)).hasSize(1);

      var authors = ledger.rollups().authors("bahn", 10);
      assertThat(authors).extracting(a -> a.authorId()).containsExactly("anna", "ben");
      assertThat(authors.get(0).posts()).isEqualTo(2);
      assertThat(authors.get(0).repliesReceived()).isEqualTo(1); // ben answered anna
      assertThat(authors.get(1).repliesReceived()).isEqualTo(1); // anna answered ben
      assertThat(ledger.rollups().authors("other", 10))
          .extracting(a -> a.authorId())
          .containsExactly("zoe");
      assertThat(ledger.rollups().authors(null, 10)).hasSize(3);

      Instant firstBefore = thread.first();
      StoredPost late = conversation("c3", "root", "ben", List.of());
      StoredPost early =
          new StoredPost(
              late.post().toBuilder().id("c0").published(firstBefore.minusSeconds(60)).build(),
              List.of());
      assertThat(ledger.postLedger().record(List.of(early))).isEqualTo(1); // an earlier post, later
      var grown = ledger.rollups().threads("bahn", 10).get(0);
      assertThat(grown.first()).isEqualTo(firstBefore.minusSeconds(60));
      assertThat(grown.last()).isEqualTo(thread.last());
      assertThat(grown.posts()).isEqualTo(4);
    }
  }

  @Test
  void eachThreadAndEachAuthorHandOverEveryOneInTheOrderOfTheLists() {
    try (LedgerRoles ledger = open(directory)) {
      List<StoredPost> posts = new java.util.ArrayList<>();
      for (int i = 0; i < 2_100; i++) {
        StoredPost opening = conversation("root", null, "a" + (i % 1_500), List.of());
        posts.add(
            new StoredPost(
                opening.post().toBuilder()
                    .id("t" + i)
                    .threadId("t" + i)
                    // two threads share each minute: ties are ordered across page boundaries too
                    .published(T0.plusSeconds(60L * (i / 2)))
                    .build(),
                List.of()));
      }
      ledger.postLedger().record(posts);
      ledger
          .postLedger()
          .record(List.of(inProject(conversation("root", null, "zoe", List.of()), "other")));

      List<String> threads = new java.util.ArrayList<>();
      assertThat(ledger.rollups().eachThread("bahn", t -> threads.add(t.threadId())))
          .isEqualTo(2_100);
      assertThat(threads)
          .containsExactlyElementsOf(
              ledger.rollups().threads("bahn", 10_000).stream().map(t -> t.threadId()).toList())
          .doesNotHaveDuplicates();
      assertThat(ledger.rollups().eachThread(null, t -> {})).isEqualTo(2_101);

      List<String> authors = new java.util.ArrayList<>();
      assertThat(ledger.rollups().eachAuthor("bahn", a -> authors.add(a.authorId())))
          .isEqualTo(1_500);
      assertThat(authors)
          .containsExactlyElementsOf(
              ledger.rollups().authors("bahn", 10_000).stream().map(a -> a.authorId()).toList())
          .doesNotHaveDuplicates();
      assertThat(authors.get(0)).isEqualTo("a0"); // two posts each come first
      assertThat(ledger.rollups().eachAuthor(null, a -> {})).isEqualTo(1_501);
      assertThat(ledger.rollups().eachAuthor("nobody", a -> {})).isZero();
    }
  }

  @Test
  void hourlyCountsAreByHourAndTheWindowIsSinceInclusiveUntilExclusive() {
    try (LedgerRoles ledger = open(directory)) {
      Instant hour = Instant.parse("2026-03-02T09:00:00Z");
      ledger
          .postLedger()
          .record(
              List.of(
                  withSentiment(conversation("a", null, "anna", List.of("bahn/q")), "neutral", 0),
                  withSentiment(conversation("b", null, "ben", List.of("bahn/q")), "neutral", 40),
                  withSentiment(conversation("c", null, "cem", List.of("bahn/q")), "neutral", 70),
                  withSentiment(conversation("d", null, "dora", List.of("bahn/q")), "neutral", 130),
                  withSentiment(conversation("e", null, "emil", List.of("bahn/r")), "neutral", 0)));
      assertThat(ledger.rollups().hourlyCounts("bahn/q", null, null))
          .extracting(HourlyCount::hour, HourlyCount::posts)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(hour, 2L),
              org.assertj.core.groups.Tuple.tuple(hour.plusSeconds(3600), 1L),
              org.assertj.core.groups.Tuple.tuple(hour.plusSeconds(7200), 1L));
      assertThat(
              ledger
                  .rollups()
                  .hourlyCounts("bahn/q", hour.plusSeconds(3600), hour.plusSeconds(7200)))
          .extracting(HourlyCount::hour)
          .containsExactly(hour.plusSeconds(3600));
      assertThat(ledger.rollups().hourlyCounts("bahn/q", hour.plusSeconds(3600), null)).hasSize(2);
      assertThat(ledger.rollups().hourlyCounts("bahn/q", null, hour)).isEmpty();
      assertThat(ledger.rollups().hourlyCounts("bahn/none", null, null)).isEmpty();
      HourlyCount first = ledger.rollups().hourlyCounts("bahn/q", null, null).get(0);
      assertThat(first.queryId()).isEqualTo("bahn/q");
      assertThat(first.lang()).isEqualTo("de");
      assertThat(first.sourceId()).isEqualTo(SamplePosts.BLOG.id());
    }
  }

  @Test
  void sentimentIsCountedPerQueryAndHourOnceAndOnlyForLabelledPosts() {
    try (LedgerRoles ledger = open(directory)) {
      List<StoredPost> batch =
          List.of(
              withSentiment(
                  conversation("root", null, "anna", List.of("bahn/brand")), "negative", 0),
              withSentiment(
                  conversation("c1", "root", "ben", List.of("bahn/brand")), "negative", 10),
              withSentiment(
                  conversation("c2", "root", "cem", List.of("bahn/brand")), "positive", 70),
              conversation("c3", "root", "dora", List.of("bahn/brand")), // no sentiment label
              withSentiment(conversation("c4", "root", "emil", List.of()), "negative", 5));
      ledger.postLedger().record(batch);
      ledger.postLedger().record(batch); // the same import again
      ledger.postLedger().record(List.of(batch.get(1))); // and one post of it once more

      Instant hour = Instant.parse("2026-03-02T09:00:00Z");
      assertThat(ledger.rollups().hourlySentiment("bahn/brand", null, null))
          .containsExactly(
              new HourlySentiment("bahn/brand", hour, "negative", 2),
              new HourlySentiment("bahn/brand", hour.plusSeconds(3600), "positive", 1));
      assertThat(ledger.rollups().hourlySentiment("bahn/brand", hour.plusSeconds(3600), null))
          .extracting(HourlySentiment::sentiment)
          .containsExactly("positive");
      assertThat(ledger.rollups().hourlySentiment("bahn/brand", null, hour.plusSeconds(3600)))
          .extracting(HourlySentiment::sentiment)
          .containsExactly("negative");
      assertThat(ledger.rollups().hourlySentiment("bahn/other", null, null)).isEmpty();
    }
  }

  @Test
  void activityCountsOnlyThePeriodAndAnswersBySomebodyElse() {
    try (LedgerRoles ledger = open(directory)) {
      ledger
          .postLedger()
          .record(
              List.of(
                  withSentiment(
                      conversation("root", null, "anna", List.of("bahn/brand")), "neutral", 0),
                  withSentiment(
                      conversation("c1", "root", "ben", List.of("bahn/brand")), "neutral", 10),
                  withSentiment(conversation("c2", "root", "anna", List.of()), "neutral", 20),
                  withSentiment(conversation("c3", "c1", "cem", List.of()), "neutral", 30),
                  withSentiment(
                      conversation("c4", "root", "cem", List.of("bahn/brand")), "neutral", 600)));
      var activity =
          ledger
              .rollups()
              .activity("bahn", List.of("bahn/brand"), T0, T0.plusSeconds(3600), 10); // not c4
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
      assertThat(
              ledger
                  .rollups()
                  .activity("bahn", List.of(), T0, T0.plusSeconds(60), 10)
                  .mentionAuthors())
          .isZero();
      assertThat(
              ledger
                  .rollups()
                  .activity("other", List.of("bahn/brand"), T0, T0.plusSeconds(3600), 10)
                  .activeAuthors())
          .isEmpty();
    }
  }
}
