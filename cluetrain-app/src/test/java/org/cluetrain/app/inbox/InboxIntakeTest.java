package org.cluetrain.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.inbox.Priority;
import org.cluetrain.inbox.Status;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.testkit.ManualClock;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example workspace's rules over its sample data, through the real pipeline. */
class InboxIntakeTest {
  static final Path EXAMPLE_WORKSPACE = Path.of("../examples/workspace.yaml");

  /** The example's two small projects: the counts below are theirs. */
  static Workspace example() throws Exception {
    return WorkspaceReader.read(EXAMPLE_WORKSPACE).withProjects(List.of("bahn", "airlines"));
  }

  @TempDir Path data;

  static void importAll(EmbeddedRuntime runtime) {
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(
            runtime.workspace(),
            (project, report) -> assertThat(report.problems()).as(report.file()).isEmpty());
  }

  static List<InboxItem> all(EmbeddedRuntime runtime, String project) {
    return runtime
        .inbox()
        .items(
            new InboxQuery(project, Set.of(), null, false, null, null, false, Instant.now(), 1000));
  }

  @Test
  void theExampleDataYieldsItemsOnceAcrossReimportsAndRestarts() throws Exception {
    Workspace workspace = example();
    List<InboxItem> first;
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      importAll(runtime);
      first = all(runtime, "bahn");
      assertThat(first).hasSizeGreaterThanOrEqualTo(2);
      assertThat(first).allMatch(i -> i.status() == Status.OPEN && i.rule() != null);
      // the article asks its readers "Wie geht es euch?"
      assertThat(first)
          .anySatisfy(
              i -> {
                assertThat(i.summary()).startsWith("Drei Stunden am Bahnsteig");
                assertThat(i.tags()).contains("frage");
              });
      assertThat(all(runtime, "airlines"))
          .anySatisfy(i -> assertThat(i.summary()).startsWith("Anyone else's Delta flight"));
      // the same files again: every post is known, no second item
      importAll(runtime);
      assertThat(all(runtime, "bahn")).isEqualTo(first);
      assertThat(runtime.inbox().catchUp()).isZero();
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      importAll(runtime);
      assertThat(runtime.inbox().catchUp()).isZero();
      assertThat(all(runtime, "bahn")).isEqualTo(first);
    }
  }

  @Test
  void postsStoredBeforeTheRulesGetTheirItemsOnTheNextStart() throws Exception {
    Workspace withRules = example();
    Workspace withoutRules =
        new Workspace(
            withRules.file(),
            withRules.languages(),
            withRules.projects().stream()
                .map(
                    p ->
                        new Workspace.Project(
                            p.name(), p.description(), p.feeds(), p.imports(), p.queries()))
                .toList());
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, withoutRules)) {
      importAll(runtime);
      assertThat(all(runtime, "bahn")).isEmpty();
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, withRules)) {
      importAll(runtime); // every post is known: the pipeline makes no items
      assertThat(all(runtime, "bahn")).isEmpty();
      int created = runtime.inbox().catchUp();
      assertThat(created).isPositive();
      assertThat(all(runtime, "bahn").size() + all(runtime, "airlines").size()).isEqualTo(created);
      assertThat(runtime.inbox().catchUp()).isZero();
    }
  }

  @Test
  void anItemIsWorkedFromOpenToDoneWithItsClockAndLog() throws Exception {
    Workspace workspace = example();
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      importAll(runtime);
      runtime.access().addUser("ana", Role.ANALYST, "analyst secret 123", Set.of());
      runtime.access().addUser("vera", Role.VIEWER, "viewer secret 123", Set.of());
      runtime.access().addUser("client", Role.ANALYST, "client secret 123", Set.of("airlines"));
      // Monday 16 November 2026, 10:00 in Berlin
      ManualClock clock = new ManualClock(Instant.parse("2026-11-16T09:00:00Z"));
      try (InboxStore store = JdbcStorage.openSqlite(data.resolve("ledger.db")).inbox()) {
        Inbox inbox =
            new Inbox(store, runtime.store(), workspace, runtime.access().accounts(), clock);
        String postId =
            runtime
                .store()
                .search(
                    new org.cluetrain.store.SearchRequest(
                        "Flixbus AND Glückssache", "bahn", null, null, 1))
                .posts()
                .get(0)
                .post()
                .id();
        assertThat(inbox.item("bahn", postId)).as("no rule picks this comment").isEmpty();
        Inbox.Created created = inbox.create("bahn", postId, "ana");
        assertThat(created.isNew()).isTrue();
        assertThat(inbox.create("bahn", postId, "ana").isNew()).isFalse();
        long id = created.item().id();
        assertThat(created.item().clock().due()).isEqualTo(Instant.parse("2026-11-16T13:00:00Z"));

        assertThatThrownBy(() -> inbox.assign(id, "vera", "ana"))
            .hasMessage("'vera' is a viewer and may not work on items");
        assertThatThrownBy(() -> inbox.assign(id, "client", "ana"))
            .hasMessage("'client' may not see the project 'bahn'");
        assertThatThrownBy(() -> inbox.assign(id, "nobody", "ana"))
            .hasMessage("there is no user named 'nobody'");
        inbox.assign(id, "ana", "ana");
        inbox.tags(id, List.of("Flixbus", " vergleich", "flixbus"), "ana");
        inbox.priority(id, Priority.LOW, "ana");

        clock.advance(Duration.ofHours(1));
        inbox.status(id, Status.PENDING, "ana"); // waiting for a colleague: the clock pauses
        clock.advance(Duration.ofHours(5)); // 16:00 Berlin
        InboxItem reopened = inbox.status(id, Status.OPEN, "ana");
        assertThat(inbox.sla(reopened).elapsed()).isEqualTo(Duration.ofHours(1));
        // three business hours left: one today (until 17:00), two on Tuesday
        assertThat(reopened.clock().due()).isEqualTo(Instant.parse("2026-11-17T10:00:00Z"));
        clock.advance(Duration.ofHours(19).minusMinutes(1)); // Tuesday 10:59 Berlin
        assertThat(inbox.sla(inbox.item(id).orElseThrow()).overdue()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(inbox.sla(inbox.item(id).orElseThrow()).overdue()).isTrue();
        assertThat(inbox.overdue("bahn")).isGreaterThanOrEqualTo(1);

        inbox.note(id, "Fragt nach dem Vergleich mit dem Fernbus.", "ana");
        assertThatThrownBy(() -> inbox.respond(id, "Danke!", "javascript:alert(1)", "ana"))
            .hasMessage(
                "the link 'javascript:alert(1)' is not a web address (http:// or https://)");
        assertThatThrownBy(() -> inbox.note(id, "  ", "ana")).hasMessage("the note is empty");
        InboxItem answered =
            inbox.respond(
                id, "Danke für den Vergleich!", "https://bahn.example/kommentar/1", "ana");
        assertThat(answered.responded()).isEqualTo(clock.instant());
        assertThat(answered.clock().running()).isFalse();
        InboxItem done = inbox.status(id, Status.DONE, "ana");
        assertThat(inbox.sla(done).overdue()).isFalse();
        assertThat(inbox.sla(done).elapsed()).isEqualTo(Duration.ofHours(4));

        assertThat(inbox.item(id).orElseThrow())
            .satisfies(
                i -> {
                  assertThat(i.status()).isEqualTo(Status.DONE);
                  assertThat(i.assignee()).isEqualTo("ana");
                  assertThat(i.tags()).containsExactly("flixbus", "vergleich");
                  assertThat(i.priority()).isEqualTo(Priority.LOW);
                });
        assertThat(
                inbox.log(id).stream().map(e -> e.kind().label()).collect(Collectors.joining(" ")))
            .isEqualTo("created assigned tags priority status status note response status");
        assertThat(inbox.log(id))
            .filteredOn(e -> e.kind() == InboxEvent.Kind.RESPONSE)
            .singleElement()
            .satisfies(e -> assertThat(e.url()).isEqualTo("https://bahn.example/kommentar/1"));
      }
    }
  }

  /**
   * A personal X archive imported into the airlines project opened 113 items tagged "question" for
   * posts about anything, each "7 min ago" with a response clock started at import. Now only posts
   * that matched one of the project's queries become items, and a post older than the response
   * target when it came in starts no clock.
   */
  @Test
  void anImportedPersonalXArchiveOpensItemsOnlyForRelevantPostsAndStartsNoClockForOldOnes()
      throws Exception {
    Path archive = SharedData.path("fixtures/exports/x-archive/tweets.js");
    Workspace workspace = example();
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      importAll(runtime);
      Set<Long> before =
          all(runtime, "airlines").stream().map(InboxItem::id).collect(Collectors.toSet());
      var report =
          new FileImporter(runtime.pipeline(), Formats.standard())
              .importFile(archive, "airlines", "auto");
      assertThat(report.problems()).isEmpty();
      List<InboxItem> fromArchive =
          all(runtime, "airlines").stream().filter(i -> !before.contains(i.id())).toList();
      long questions =
          runtime
              .store()
              .search(
                  new org.cluetrain.store.SearchRequest(
                      "", "airlines", null, null, org.cluetrain.store.SearchRequest.MAX_LIMIT))
              .posts()
              .stream()
              .filter(p -> p.post().source().type() == org.cluetrain.model.SourceType.TWITTER)
              .filter(p -> "en".equals(p.post().lang()))
              .filter(p -> org.cluetrain.inbox.QuestionDetector.isQuestion(p.post().fullText()))
              .count();
      assertThat(questions).as("the archive asks many questions").isGreaterThan(10);
      assertThat(fromArchive.size()).isLessThan((int) questions);
      Instant now = runtime.inbox().now();
      for (InboxItem item : fromArchive) {
        var stored = runtime.store().get(item.postId()).orElseThrow();
        assertThat(stored.matchedQueries())
            .as("item for %s", item.summary())
            .anyMatch(q -> q.startsWith("airlines/"));
        if (item.published().isBefore(now.minus(Duration.ofDays(7)))) {
          assertThat(item.clock().running()).as("clock of %s", item.summary()).isFalse();
          assertThat(runtime.inbox().sla(item).overdue()).isFalse();
        }
      }
    }
  }

  @Test
  void aPostOfAnotherProjectCannotBecomeAnItemHere() throws Exception {
    Workspace workspace = example();
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      importAll(runtime);
      String airlinesPost = all(runtime, "airlines").get(0).postId();
      assertThatThrownBy(() -> runtime.inbox().create("bahn", airlinesPost, "ana"))
          .hasMessage("the project 'bahn' has no post with id " + airlinesPost);
    }
    assertThat(Files.exists(data.resolve("ledger.db"))).isTrue();
  }

  /**
   * Importing the 2015 airline tweets into the example workspace to see their trend opened 1,684
   * items for conversations that ended eleven years before: history stays out of the inbox.
   */
  @Test
  void aBackfillOfOldHistoryIsStoredButOpensNoItems() throws Exception {
    Path tweets = SharedData.path("streams/us-airline-tweets-2015-02.csv");
    Workspace workspace = example();
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      importAll(runtime);
      int before = all(runtime, "airlines").size();
      var report =
          new FileImporter(runtime.pipeline(), Formats.standard())
              .importFile(tweets, "airlines", "auto");
      assertThat(report.stored()).isGreaterThan(14_000);
      assertThat(all(runtime, "airlines")).hasSize(before);
      assertThat(runtime.inbox().catchUp()).as("nor on the next start").isZero();
      // by hand, an old post can still be taken up
      String old =
          runtime
              .store()
              .search(
                  new org.cluetrain.store.SearchRequest(
                      "lost AND luggage", "airlines", null, null, 1))
              .posts()
              .get(0)
              .post()
              .id();
      assertThat(runtime.inbox().create("airlines", old, "ana").isNew()).isTrue();
    }
  }
}
