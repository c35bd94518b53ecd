package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cluetrain.inbox.BusinessHours;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.inbox.Priority;
import org.cluetrain.inbox.ResponseClock;
import org.cluetrain.inbox.SavedReply;
import org.cluetrain.inbox.Status;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link InboxStore}: one item per post and project, also across a reopen; an
 * update saves state and log together; lists filter by status, assignee, priority, tag and overdue,
 * and sort by due time; saved replies have unique names per project.
 */
public abstract class InboxStoreCompatibilityKit {
  private static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");
  private static final BusinessHours HOURS = BusinessHours.ALWAYS;

  @TempDir protected Path directory;

  /**
   * Opens the inbox whose data lives in {@code directory}: empty the first time, the same data when
   * opened again after the previous one was closed.
   */
  protected abstract InboxStore open(Path directory);

  /** An open item of project "bahn" about a post, created at {@code created}. */
  public static InboxItem item(String postId, String author, Instant created, Priority priority) {
    return new InboxItem(
        0,
        "bahn",
        postId,
        "thread-1",
        author,
        author == null ? null : author.toUpperCase(),
        "Die App wusste nichts",
        "Unterwegs mit der Bahn",
        "https://blog.example/" + postId,
        created.minusSeconds(600),
        Status.OPEN,
        priority,
        null,
        List.of("beschwerde"),
        "negativ",
        created,
        created,
        null,
        ResponseClock.start(Duration.ofHours(4), created, HOURS));
  }

  public static InboxEvent created(Instant at) {
    return new InboxEvent(0, at, null, InboxEvent.Kind.CREATED, "negativ", null);
  }

  @Test
  void itemsRoundTripAndOnePostGetsOneItemPerProject() {
    try (InboxStore inbox = open(directory)) {
      InboxItem first =
          inbox.createIfAbsent(item("p1", "martina", T0, Priority.HIGH), created(T0)).orElseThrow();
      assertThat(first.id()).isEqualTo(1);
      assertThat(inbox.createIfAbsent(item("p1", "martina", T0, Priority.LOW), created(T0)))
          .isEmpty();
      assertThat(inbox.item(1)).hasValue(first);
      assertThat(inbox.item("bahn", "p1")).hasValue(first);
      assertThat(inbox.events(1))
          .extracting(InboxEvent::kind, InboxEvent::detail)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(InboxEvent.Kind.CREATED, "negativ"));
    }
    // the same file opened again: still one item, and a re-run of the rules adds none
    try (InboxStore inbox = open(directory)) {
      assertThat(inbox.createIfAbsent(item("p1", "martina", T0, Priority.HIGH), created(T0)))
          .isEmpty();
      assertThat(inbox.counts("bahn")).containsEntry(Status.OPEN, 1).containsEntry(Status.DONE, 0);
    }
  }

  @Test
  void updatesSaveStateAndLogTogether() {
    try (InboxStore inbox = open(directory)) {
      InboxItem item =
          inbox
              .createIfAbsent(item("p1", "martina", T0, Priority.NORMAL), created(T0))
              .orElseThrow();
      Instant later = T0.plus(Duration.ofHours(1));
      InboxItem pending =
          item.with(
              Status.PENDING,
              Priority.URGENT,
              "ana",
              List.of("app", "beschwerde"),
              later,
              later,
              item.clock().stop(later, HOURS));
      inbox.update(
          pending,
          new InboxEvent(
              item.id(),
              later,
              "ana",
              InboxEvent.Kind.RESPONSE,
              "Danke, wir kümmern uns.",
              "https://blog.example/p1#comment-9"));
      InboxItem read = inbox.item(item.id()).orElseThrow();
      assertThat(read).isEqualTo(pending);
      assertThat(read.clock().elapsed()).isEqualTo(Duration.ofHours(1));
      assertThat(read.clock().running()).isFalse();
      assertThat(inbox.events(item.id()))
          .extracting(InboxEvent::actor, InboxEvent::kind, InboxEvent::url)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(null, InboxEvent.Kind.CREATED, null),
              org.assertj.core.groups.Tuple.tuple(
                  "ana", InboxEvent.Kind.RESPONSE, "https://blog.example/p1#comment-9"));
      assertThat(inbox.tags("bahn")).containsExactly("app", "beschwerde");
      assertThatThrownBy(() -> inbox.update(pending.withId(99), created(later)))
          .hasMessage("there is no inbox item 99");
    }
  }

  @Test
  void listsFilterAndSortByDueTime() {
    try (InboxStore inbox = open(directory)) {
      // created an hour apart: due an hour apart, the earliest first
      InboxItem late =
          inbox
              .createIfAbsent(item("p2", "jo", T0.plusSeconds(3600), Priority.LOW), created(T0))
              .orElseThrow();
      InboxItem early =
          inbox.createIfAbsent(item("p1", "martina", T0, Priority.LOW), created(T0)).orElseThrow();
      InboxItem done =
          inbox
              .createIfAbsent(item("p3", "martina", T0, Priority.URGENT), created(T0))
              .orElseThrow();
      Instant now = T0.plus(Duration.ofMinutes(270)); // 4.5 h: only the earliest is overdue
      inbox.update(
          done.with(
              Status.DONE,
              done.priority(),
              "ana",
              List.of("lob"),
              now,
              null,
              done.clock().stop(now, HOURS)),
          new InboxEvent(done.id(), now, "ana", InboxEvent.Kind.STATUS, "done", null));

      assertThat(inbox.items(query(Set.of(), null, false, null, null, false, now)))
          .extracting(InboxItem::id)
          .containsExactly(early.id(), late.id(), done.id());
      assertThat(inbox.items(query(Set.of(Status.OPEN), null, false, null, null, false, now)))
          .extracting(InboxItem::postId)
          .containsExactly("p1", "p2");
      assertThat(inbox.items(query(Set.of(), "ana", false, null, null, false, now)))
          .extracting(InboxItem::postId)
          .containsExactly("p3");
      assertThat(inbox.items(query(Set.of(), null, true, null, null, false, now)))
          .extracting(InboxItem::postId)
          .containsExactly("p1", "p2");
      assertThat(inbox.items(query(Set.of(), null, false, Priority.URGENT, null, false, now)))
          .extracting(InboxItem::postId)
          .containsExactly("p3");
      assertThat(inbox.items(query(Set.of(), null, false, null, "lob", false, now)))
          .extracting(InboxItem::postId)
          .containsExactly("p3");
      assertThat(inbox.items(query(Set.of(), null, false, null, null, true, now)))
          .extracting(InboxItem::postId)
          .containsExactly("p1");
      assertThat(inbox.overdue("bahn", now)).isEqualTo(1);
      assertThat(inbox.byAuthor("bahn", "martina", 10))
          .extracting(InboxItem::postId)
          .containsExactly("p3", "p1");
    }
  }

  @Test
  void eachItemHandsOverEveryItemOfTheProjectOldestFirstInEveryStatus() {
    try (InboxStore inbox = open(directory)) {
      List<Long> created = new java.util.ArrayList<>();
      for (int i = 0; i < 1_203; i++) {
        InboxItem item =
            inbox
                .createIfAbsent(item("p" + i, "martina", T0, Priority.NORMAL), created(T0))
                .orElseThrow();
        created.add(item.id());
        if (i % 100 == 0) {
          Instant later = T0.plusSeconds(60);
          inbox.update(
              item.with(
                  Status.DONE,
                  item.priority(),
                  null,
                  item.tags(),
                  later,
                  later,
                  item.clock().stop(later, HOURS)),
              new InboxEvent(item.id(), later, "ute", InboxEvent.Kind.STATUS, "done", null));
        }
      }
      List<Long> handed = new java.util.ArrayList<>();
      assertThat(inbox.eachItem("bahn", i -> handed.add(i.id()))).isEqualTo(1_203);
      assertThat(handed).containsExactlyElementsOf(created);
      assertThat(inbox.eachItem("other", i -> {})).isZero();
    }
  }

  @Test
  void savedRepliesHaveUniqueNamesPerProject() {
    try (InboxStore inbox = open(directory)) {
      SavedReply thanks =
          inbox.saveReply(new SavedReply(0, "bahn", "Danke", "Danke für den Hinweis!", "ana", T0));
      inbox.saveReply(new SavedReply(0, "airlines", "Danke", "Thanks!", "ana", T0));
      assertThatThrownBy(
              () -> inbox.saveReply(new SavedReply(0, "bahn", "Danke", "Nochmal", "ana", T0)))
          .hasMessage("there is a saved reply named 'Danke' already");
      assertThat(inbox.replies("bahn")).containsExactly(thanks);
      assertThat(inbox.deleteReply("airlines", thanks.id())).isFalse();
      assertThat(inbox.deleteReply("bahn", thanks.id())).isTrue();
      assertThat(inbox.replies("bahn")).isEmpty();
    }
  }

  private static InboxQuery query(
      Set<Status> statuses,
      @Nullable String assignee,
      boolean unassigned,
      @Nullable Priority priority,
      @Nullable String tag,
      boolean overdue,
      Instant now) {
    return new InboxQuery("bahn", statuses, assignee, unassigned, priority, tag, overdue, now, 50);
  }

  @Test
  void itemsNotesAndRepliesAboutAPersonAreFoundForgottenAndRedacted() {
    try (InboxStore inbox = open(directory)) {
      InboxItem first =
          inbox.createIfAbsent(item("p1", "martina", T0, Priority.HIGH), created(T0)).orElseThrow();
      InboxItem second =
          inbox.createIfAbsent(item("p2", "olaf", T0, Priority.LOW), created(T0)).orElseThrow();
      inbox.update(
          second,
          new InboxEvent(
              0, T0.plusSeconds(60), "agent", InboxEvent.Kind.NOTE, "Wie bei MARTINA", null));
      inbox.saveReply(new SavedReply(0, "bahn", "an martina", "Liebe Martina, danke", "agent", T0));
      inbox.saveReply(new SavedReply(0, "bahn", "allgemein", "Danke!", "agent", T0));

      assertThat(inbox.itemsOfPosts(List.of("p1", "missing")))
          .extracting(InboxItem::id)
          .containsExactly(first.id());
      assertThat(inbox.eventsMentioning(List.of("martina")))
          .extracting(InboxEvent::detail)
          .containsExactly("Wie bei MARTINA");
      assertThat(inbox.repliesMentioning(List.of("martina")))
          .extracting(SavedReply::name)
          .containsExactly("an martina");

      assertThat(inbox.forgetItemsOfPosts(List.of("p1"))).isEqualTo(1);
      assertThat(inbox.item(first.id())).isEmpty();
      assertThat(inbox.events(first.id())).isEmpty();
      assertThat(inbox.redact(List.of("martina"), "[erased]")).isEqualTo(3);
      assertThat(inbox.eventsMentioning(List.of("martina"))).isEmpty();
      assertThat(inbox.repliesMentioning(List.of("martina"))).isEmpty();
      assertThat(inbox.replies("bahn"))
          .extracting(SavedReply::text)
          .containsExactlyInAnyOrder("Liebe [erased], danke", "Danke!");
      assertThat(inbox.item(second.id())).isPresent();
    }
  }
}
