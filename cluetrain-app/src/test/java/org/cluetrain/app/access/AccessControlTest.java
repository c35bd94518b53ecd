package org.cluetrain.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.cluetrain.access.AccountStore;
import org.cluetrain.access.Role;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessControlTest {
  @TempDir Path dir;
  ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
  AccountStore store;
  AccessControl access;

  @BeforeEach
  void open() {
    store = JdbcStorage.openSqlite(dir.resolve("ledger.db")).accounts();
    access = new AccessControl(store, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void passwordsAreStoredAsArgon2idAndVerified() {
    String hash = PasswordHashing.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHashing.verify("correct horse battery", hash)).isTrue();
    assertThat(PasswordHashing.verify("correct horse batterY", hash)).isFalse();
    assertThat(PasswordHashing.verify("x", "not a hash")).isFalse();
    assertThat(PasswordHashing.hash("same")).isNotEqualTo(PasswordHashing.hash("same"));
  }

  @Test
  void aSessionLastsTwelveHoursAndEndsOnSignOut() throws Exception {
    access.addUser("ana", Role.ANALYST, "analyst secret", Set.of());
    AccessControl.SignedIn signedIn = access.signIn("ana", "analyst secret", "10.0.0.1");
    assertThat(access.session(signedIn.secret()))
        .get()
        .extracting(s -> s.account().name())
        .isEqualTo("ana");
    clock.advance(Duration.ofHours(11));
    assertThat(access.session(signedIn.secret())).isPresent();
    clock.advance(Duration.ofHours(2));
    assertThat(access.session(signedIn.secret())).isEmpty();

    AccessControl.SignedIn again = access.signIn("ana", "analyst secret", "10.0.0.1");
    access.signOut(again.secret());
    assertThat(access.session(again.secret())).isEmpty();
  }

  @Test
  void guessingIsStoppedPerNameAndLiftedAfterTheWindow() throws Exception {
    access.addUser("ana", Role.ANALYST, "analyst secret", Set.of());
    for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_NAME; i++) {
      assertThatThrownBy(() -> access.signIn("ana", "guess", "10.0.0." + Math.random()))
          .hasMessage("wrong user name or password");
    }
    assertThatThrownBy(() -> access.signIn("ana", "analyst secret", "10.9.9.9"))
        .isInstanceOfSatisfying(
            AccessControl.SignInRefused.class,
            e -> assertThat(e.retryAfter()).get().isEqualTo(SignInThrottle.WINDOW));
    clock.advance(SignInThrottle.WINDOW);
    assertThat(access.signIn("ana", "analyst secret", "10.9.9.9").account().role())
        .isEqualTo(Role.ANALYST);
  }

  @Test
  void tokensSignInScriptsAndCanBeRevoked() {
    access.addUser("bot", Role.VIEWER, "viewer secret", Set.of("bahn"));
    String token = access.createToken("bot", "nightly export");
    assertThat(token).startsWith("ct_");
    assertThat(access.tokenAccount(token))
        .get()
        .extracting(a -> a.projects())
        .isEqualTo(Set.of("bahn"));
    assertThat(store.token(token)).as("the secret itself is never stored").isEmpty();
    access.revokeToken("bot", access.tokens("bot").get(0).id());
    assertThat(access.tokenAccount(token)).isEmpty();
  }

  @Test
  void theFirstStartCreatesOneAdmin() {
    String password = access.createFirstAdmin().orElseThrow();
    assertThat(password).hasSizeGreaterThanOrEqualTo(AccessControl.MIN_PASSWORD_LENGTH);
    assertThat(access.createFirstAdmin()).isEmpty();
    assertThat(store.all()).singleElement().extracting(a -> a.role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void shortPasswordsAndBadNamesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> access.addUser("ana", Role.VIEWER, "short", Set.of()))
        .hasMessageContaining("at least 10 characters");
    assertThatThrownBy(() -> access.addUser("a b", Role.VIEWER, "long enough pw", Set.of()))
        .hasMessageContaining("user name 'a b' is not allowed");
    access.addUser("ana", Role.VIEWER, "long enough pw", Set.of());
    assertThatThrownBy(() -> access.addUser("ana", Role.VIEWER, "long enough pw", Set.of()))
        .hasMessageContaining("exists already");
  }

  @Test
  void theLastAdminCannotBeDemotedOrRemoved() {
    access.addUser("admin", Role.ADMIN, "admin secret 1", Set.of());
    access.addUser("ana", Role.ANALYST, "analyst secret", Set.of());
    assertThatThrownBy(() -> access.changeUser("admin", Role.VIEWER, Set.of()))
        .hasMessage("'admin' is the only admin; make someone else admin first");
    assertThatThrownBy(() -> access.removeUser("admin"))
        .hasMessage("'admin' is the only admin; make someone else admin first");

    access.changeUser("ana", Role.ADMIN, Set.of("bahn"));
    access.removeUser("admin");
    assertThat(store.find("admin")).isEmpty();
    assertThat(store.find("ana").orElseThrow().projects()).containsExactly("bahn");
    assertThatThrownBy(() -> access.removeUser("nobody"))
        .hasMessage("there is no user named 'nobody'");
  }

  @Test
  void changingOnesOwnPasswordNeedsTheCurrentOne() throws Exception {
    access.addUser("vera", Role.VIEWER, "viewer secret", Set.of());
    assertThatThrownBy(() -> access.changeOwnPassword("vera", "wrong guess", "a new secret"))
        .hasMessage("the current password is wrong");
    access.changeOwnPassword("vera", "viewer secret", "a new secret");
    assertThat(access.signIn("vera", "a new secret", "10.0.0.1").account().name())
        .isEqualTo("vera");
  }
}
