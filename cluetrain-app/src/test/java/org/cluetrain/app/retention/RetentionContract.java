package org.cluetrain.app.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.Status;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.ListeningStats;
import org.cluetrain.store.RetentionLog;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention end to end, against one storage ({@link RetentionTest} runs it on both): expired posts
 * leave the index and the ledger, closed inbox items leave the inbox, and the figures read the same
 * before and after (counts stay, texts go).
 */
abstract class RetentionContract {
  static final SourceRef FORUM =
      new SourceRef("forum:heise", SourceType.FORUM, "Heise Forum", "https://forum.heise.de/");
  static final SourceRef BLOG =
      new SourceRef(
          "feed:https://blog.example/feed", SourceType.BLOG, "Our blog", "https://blog.example/");
  static final SourceRef NEWS =
      new SourceRef(
          "feed:https://news.example/feed", SourceType.NEWS, "News", "https://news.example/");

  @TempDir Path data;
  @TempDir Path config;

  /** The time of the first run: posts are dated back from it. */
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  final ManualClock clock = new ManualClock(now);

  abstract Workspace onStorage(Workspace workspace);

  Workspace workspace() throws Exception {
    Path file = config.resolve("cluetrain.yaml");
    Files.writeString(
        file,
        """
        projects:
          - name: bahn
            retention:
              third_party: 15 months
              own_channels: P3Y
              inbox_closed: 2 years
            sources:
              - feed: https://blog.example/feed
              - feed: https://news.example/feed
                retention: 30 days
            inbox:
              own_channels: [blog.example]
            queries:
              - name: zug
                query: zug
          - name: forever
            queries:
              - name: zug
                query: zug
        """);
    return onStorage(WorkspaceReader.read(file));
  }

  Post post(String id, SourceRef source, String project, long daysAgo, String word) {
    return Post.builder()
        .id(id)
        .source(source)
        .threadId("t-" + id)
        .kind(PostKind.POST)
        .author(new Author("a-" + id, "Author " + id, null, null))
        .title("Titel " + word)
        .text("Der Zug " + word + " war spät")
        .published(now.minus(Duration.ofDays(daysAgo)))
        .lang("de")
        .project(project)
        .build();
  }

  /** Two old and one new post per kind of source, in two projects. */
  List<Post> posts() {
    List<Post> posts = new ArrayList<>();
    posts.add(post("forum-old", FORUM, "bahn", 500, "uralt")); // > 15 months
    posts.add(post("forum-new", FORUM, "bahn", 300, "neulich"));
    posts.add(post("blog-old", BLOG, "bahn", 4 * 366, "vorgestrig")); // > 3 years
    posts.add(post("blog-new", BLOG, "bahn", 2 * 365, "gestrig"));
    posts.add(post("news-old", NEWS, "bahn", 45, "verspaetet")); // > 30 days
    posts.add(post("news-new", NEWS, "bahn", 10, "heutig"));
    posts.add(post("kept-old", FORUM, "forever", 4000, "ewig"));
    return posts;
  }

  @Test
  void expiredPostsGoFromEveryStoreWhileTheFiguresStay() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace())) {
      assertThat(runtime.pipeline().process(posts()).stored()).isEqualTo(7);
      Retention retention = runtime.retention().withClock(clock);
      ListeningStats bahn = runtime.rollups().stats("bahn");
      ListeningStats all = runtime.rollups().stats(null);
      Map<String, Long> bySource = runtime.rollups().postsBySource("bahn");
      List<HourlyCount> hourly = runtime.rollups().hourlyCounts("bahn/zug", null, null);
      assertThat(bahn.posts()).isEqualTo(6);
      assertThat(hourly).isNotEmpty();

      RetentionReport report = retention.run(false, null, "admin");

      assertThat(report.dryRun()).isFalse();
      RetentionReport.ProjectResult result = report.projects().get(0);
      assertThat(result.project()).isEqualTo("bahn");
      assertThat(result.sources())
          .extracting(
              RetentionReport.SourceResult::sourceId,
              s -> s.period().toString(),
              RetentionReport.SourceResult::basis,
              RetentionReport.SourceResult::posts)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  FORUM.id(), "P15M", RetentionPolicy.Basis.THIRD_PARTY, 1L),
              org.assertj.core.groups.Tuple.tuple(
                  BLOG.id(), "P3Y", RetentionPolicy.Basis.OWN_CHANNEL, 1L),
              org.assertj.core.groups.Tuple.tuple(
                  NEWS.id(), "P30D", RetentionPolicy.Basis.SOURCE, 1L));
      assertThat(report.projects().get(1).posts()).isZero(); // "forever" keeps everything

      // texts go
      List<String> expired = List.of("forum-old", "blog-old", "news-old");
      assertThat(runtime.postLedger().knownPostIds(expired)).isEmpty();
      assertThat(runtime.postLedger().knownPostIds(List.of("forum-new", "kept-old"))).hasSize(2);
      for (String word : List.of("uralt", "vorgestrig", "verspaetet")) {
        assertThat(runtime.store().search(SearchRequest.of(word)).totalHits()).isZero();
      }
      assertThat(runtime.store().search(SearchRequest.of("neulich")).totalHits()).isOne();
      assertThat(runtime.store().count()).isEqualTo(4);
      assertThat(runtime.rollups().threads("bahn", 100))
          .noneMatch(t -> t.title().contains("uralt") || t.title().contains("vorgestrig"));
      // counts stay
      assertThat(runtime.rollups().stats("bahn")).isEqualTo(bahn);
      assertThat(runtime.rollups().stats(null)).isEqualTo(all);
      assertThat(runtime.rollups().postsBySource("bahn")).isEqualTo(bySource);
      assertThat(runtime.rollups().hourlyCounts("bahn/zug", null, null)).isEqualTo(hourly);

      // recorded and audited
      assertThat(retention.lastRun())
          .hasValueSatisfying(
              run -> {
                assertThat(run.at()).isEqualTo(now);
                assertThat(run.projects())
                    .containsEntry("bahn", new RetentionLog.Removed(3, 0))
                    .containsEntry("forever", new RetentionLog.Removed(0, 0));
              });
      assertThat(
              runtime
                  .audit()
                  .find(new AuditQuery(AuditKind.RETENTION_RUN, "admin", null, null, 0, 10)))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.event().detail())
                      .contains("bahn: 3 posts, 0 inbox items")
                      .contains("forever: 0 posts"));

      // a second run finds nothing more, and the figures still agree
      assertThat(retention.run(false, null, "admin").posts()).isZero();
      assertThat(runtime.rollups().stats("bahn")).isEqualTo(bahn);
    }
  }

  @Test
  void aDryRunCountsWhatARunRemovesAndChangesNothing() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace())) {
      runtime.pipeline().process(posts());
      Retention retention = runtime.retention().withClock(clock);

      RetentionReport dry = retention.run(true, "bahn", "admin");

      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.projects())
          .extracting(RetentionReport.ProjectResult::project)
          .containsExactly("bahn");
      assertThat(dry.posts()).isEqualTo(3);
      assertThat(runtime.store().count()).isEqualTo(7);
      assertThat(retention.lastRun()).isEmpty();
      assertThat(
              runtime
                  .audit()
                  .count(new AuditQuery(AuditKind.RETENTION_RUN, null, null, null, 0, 10)))
          .isZero();
      assertThat(retention.run(false, "bahn", "admin").posts()).isEqualTo(dry.posts());
    }
  }

  @Test
  void inboxItemsGoTwoYearsAfterClosingAndOpenOnesStay() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace())) {
      runtime.pipeline().process(posts());
      InboxItem closed = runtime.inbox().create("bahn", "news-new", "agent").item();
      runtime.inbox().status(closed.id(), Status.DONE, "agent");
      InboxItem open = runtime.inbox().create("bahn", "forum-new", "agent").item();
      // closed now (by the wall clock): two years later it is still kept, a day more and it goes
      ManualClock later = new ManualClock(Instant.now().plus(Duration.ofDays(2 * 365)));
      Retention retention = runtime.retention().withClock(later);

      assertThat(retention.run(true, "bahn", "agent").projects().get(0).inboxItems()).isZero();
      later.advance(Duration.ofDays(3));
      RetentionReport report = retention.run(false, "bahn", "agent");

      assertThat(report.projects().get(0).inboxItems()).isOne();
      assertThat(runtime.inbox().item(closed.id())).isEmpty();
      assertThat(runtime.inbox().item(open.id())).isPresent();
    }
  }

  @Test
  void anUnknownProjectIsRefused() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace())) {
      assertThatThrownBy(() -> runtime.retention().run(true, "nope", "admin"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the workspace has no project 'nope'");
    }
  }

  @Test
  void theScheduleRunsAtOnceAndThenADayAfterTheLastRun() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace())) {
      runtime.pipeline().process(posts());
      RetentionSchedule schedule =
          new RetentionSchedule(runtime.retention().withClock(clock), clock);

      assertThat(schedule.nextRun()).isEqualTo(now);
      assertThat(schedule.runIfDue()).hasValueSatisfying(r -> assertThat(r.posts()).isEqualTo(3));
      assertThat(schedule.nextRun()).isEqualTo(now.plus(Duration.ofDays(1)));
      clock.advance(Duration.ofHours(23));
      assertThat(schedule.runIfDue()).isEmpty();
      // 36 days after the first run the news post of 10 days ago is 46 days old
      clock.advance(Duration.ofHours(1));
      assertThat(schedule.runIfDue()).isPresent();
      clock.advance(Duration.ofDays(35));
      assertThat(schedule.runIfDue()).hasValueSatisfying(r -> assertThat(r.posts()).isEqualTo(1));
      assertThat(schedule.lastRun())
          .hasValueSatisfying(run -> assertThat(run.at()).isEqualTo(clock.instant()));
    }
  }

  @Test
  void aWorkspaceWithoutProjectsIsStillRunOnlyOnceADay() throws Exception {
    try (EmbeddedRuntime runtime =
        EmbeddedRuntime.open(data, onStorage(Workspace.empty(List.of("de", "en"))))) {
      RetentionSchedule schedule =
          new RetentionSchedule(runtime.retention().withClock(clock), clock);

      assertThat(schedule.runIfDue()).isPresent();
      assertThat(schedule.lastRun()).isEmpty(); // nothing to record
      clock.advance(Duration.ofHours(1));
      assertThat(schedule.runIfDue()).isEmpty();
      assertThat(schedule.nextRun()).isEqualTo(now.plus(Duration.ofDays(1)));
    }
  }
}
