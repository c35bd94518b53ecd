package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link AuditLog}: entries round trip and survive a reopen, are read newest
 * first, filtered by kind, actor and time, paged and counted; and the log's storage refuses to
 * change or remove an entry ({@link #tryToRewrite}).
 */
public abstract class AuditLogCompatibilityKit {
  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir protected Path directory;

  /**
   * Opens the audit log whose data lives in {@code directory}: empty the first time, the same data
   * when opened again after the previous one was closed.
   */
  protected abstract OpenStore<AuditLog> open(Path directory);

  /**
   * Tries to change and then to remove the entry with this id behind the port's back (with SQL);
   * answers whether the storage refused both.
   */
  protected abstract boolean tryToRewrite(OpenStore<AuditLog> log, long id) throws Exception;

  private static AuditEvent event(int minutes, String actor, AuditKind kind, String target) {
    return new AuditEvent(
        T.plus(Duration.ofMinutes(minutes)), actor, kind, target, "", "192.0.2.7");
  }

  @Test
  void entriesRoundTripNewestFirstAndSurviveAReopen() throws Exception {
    AuditEvent signIn = event(0, "ana", AuditKind.SIGN_IN, "ana");
    AuditEvent failed = event(1, AuditEvent.ANONYMOUS, AuditKind.SIGN_IN_FAILED, "bob");
    AuditEvent created =
        new AuditEvent(
            T.plus(Duration.ofMinutes(2)),
            "ana",
            AuditKind.USER_CREATED,
            "jo",
            "role viewer, projects bahn",
            "2001:db8::1");
    try (OpenStore<AuditLog> log = open(directory)) {
      AuditEntry first = log.store().record(signIn);
      AuditEntry second = log.store().record(failed);
      log.store().record(created);
      assertThat(second.id()).isGreaterThan(first.id());
    }
    try (OpenStore<AuditLog> log = open(directory)) {
      assertThat(log.store().find(AuditQuery.all(10)))
          .extracting(AuditEntry::event)
          .containsExactly(created, failed, signIn);
      assertThat(log.store().count(AuditQuery.all(1))).isEqualTo(3);
    }
  }

  @Test
  void entriesAreFilteredByKindActorAndTimeAndPaged() throws Exception {
    try (OpenStore<AuditLog> log = open(directory)) {
      for (int i = 0; i < 5; i++) {
        log.store().record(event(i, "ana", AuditKind.SIGN_IN, "ana"));
        log.store().record(event(i, "jo", AuditKind.EXPORT, "bahn"));
      }
      AuditLog audit = log.store();
      assertThat(audit.find(new AuditQuery(AuditKind.EXPORT, null, null, null, 0, 100)))
          .hasSize(5)
          .allSatisfy(e -> assertThat(e.event().actor()).isEqualTo("jo"));
      assertThat(audit.count(new AuditQuery(null, "ana", null, null, 0, 1))).isEqualTo(5);
      AuditQuery window =
          new AuditQuery(
              null, "ana", T.plus(Duration.ofMinutes(1)), T.plus(Duration.ofMinutes(3)), 0, 100);
      assertThat(audit.find(window))
          .extracting(e -> e.event().at())
          .containsExactly(T.plus(Duration.ofMinutes(2)), T.plus(Duration.ofMinutes(1)));
      AuditQuery firstPage = new AuditQuery(null, null, null, null, 0, 4);
      List<AuditEntry> first = audit.find(firstPage);
      List<AuditEntry> second = audit.find(firstPage.next());
      List<AuditEntry> third = audit.find(firstPage.next().next());
      assertThat(first).hasSize(4);
      assertThat(second).hasSize(4);
      assertThat(third).hasSize(2);
      assertThat(first.get(3).id()).isGreaterThan(second.get(0).id());
      assertThat(audit.find(new AuditQuery(AuditKind.ERASURE, null, null, null, 0, 10))).isEmpty();
    }
  }

  @Test
  void theStorageRefusesToChangeOrRemoveAnEntry() throws Exception {
    try (OpenStore<AuditLog> log = open(directory)) {
      AuditEntry entry = log.store().record(event(0, "ana", AuditKind.PSEUDONYM_REVEAL, "p-1"));
      assertThat(tryToRewrite(log, entry.id())).isTrue();
      assertThat(log.store().find(AuditQuery.all(10))).singleElement().isEqualTo(entry);
    }
  }
}
