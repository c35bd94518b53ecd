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
  void guessingFromOneClientDoesNotLockThePersonOut() throws Exception {
    access.addUser("ana", Role.ANALYST, "analyst secret", Set.of());
    for (int i = 0; i < 50; i++) {
      clock.advance(SignInThrottle.MAX_DELAY);
      assertThatThrownBy(() -> access.signIn("ana", "guess", "203.0.113.66"))
          .hasMessage("wrong user name or password");
    }

    assertThat(access.signIn("ana", "analyst secret", "10.0.0.1").account().name())
        .as("the person, from their own client, at once")
        .isEqualTo("ana");
  }

  @Test
  void failuresFromOneClientCostShortGrowingDelays() throws Exception {
    access.addUser("ana", Role.ANALYST, "analyst secret", Set.of());
    for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT_AND_CLIENT; i++) {
      assertThatThrownBy(() -> access.signIn("ana", "typo", "10.0.0.1"))
          .hasMessage("wrong user name or password");
    }
    assertThat(retryAfter("ana", "analyst secret", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> access.signIn("ana", "typo", "10.0.0.1"))
        .hasMessage("wrong user name or password");
    assertThat(retryAfter("ana", "analyst secret", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(access.signIn("ana", "analyst secret", "10.0.0.1").account().name())
        .isEqualTo("ana");
    // the correct password forgot the failures: the next typo is free again
    assertThatThrownBy(() -> access.signIn("ana", "typo", "10.0.0.1"))
        .hasMessage("wrong user name or password");
  }

  @Test
  void theDelayNeverExceedsAMinute() throws Exception {
    access.addUser("ana", Role.ANALYST, "analyst secret", Set.of());
    for (int i = 0; i < 40; i++) {
      clock.advance(SignInThrottle.MAX_DELAY);
      assertThatThrownBy(() -> access.signIn("ana", "guess", "10.0.0.1"))
          .hasMessage("wrong user name or password");
    }
    assertThat(retryAfter("ana", "analyst secret", "10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(access.signIn("ana", "analyst secret", "10.0.0.1").account().name())
        .isEqualTo("ana");
  }

  @Test
  void oneClientTryingManyNamesIsSlowedDown() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_CLIENT; i++) {
      String name = "name" + i;
      assertThatThrownBy(() -> access.signIn(name, "guess", "203.0.113.7"))
          .hasMessage("wrong user name or password");
    }
    assertThat(retryAfter("another", "guess", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> access.signIn("another", "guess", "198.51.100.1"))
        .as("another client is not slowed down")
        .hasMessage("wrong user name or password");
  }

  private Duration retryAfter(String name, String password, String address) {
    try {
      access.signIn(name, password, address);
    } catch (AccessControl.SignInRefused refused) {
      return refused.retryAfter().orElse(null);
    }
    throw new AssertionError("the sign-in was not refused");
  }

  @Test
  void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOneNorTheTokens() throws Exception {
    access.addUser("vera", Role.VIEWER, "viewer secret", Set.of());
    AccessControl.SignedIn here = access.signIn("vera", "viewer secret", "10.0.0.1");
    AccessControl.SignedIn elsewhere = access.signIn("vera", "viewer secret", "10.0.0.2");
    String token = access.createToken("vera", "export");

    access.changeOwnPassword("vera", "viewer secret", "a new secret", here.secret());

    assertThat(access.session(here.secret())).isPresent();
    assertThat(access.session(elsewhere.secret())).isEmpty();
    assertThat(access.tokenAccount(token)).isPresent();
  }

  @Test
  void anAdminResetEndsEverySessionAndRevokesEveryToken() throws Exception {
    access.addUser("vera", Role.VIEWER, "viewer secret", Set.of());
    access.addUser("jo", Role.VIEWER, "viewer secret", Set.of());
    AccessControl.SignedIn session = access.signIn("vera", "viewer secret", "10.0.0.1");
    AccessControl.SignedIn other = access.signIn("jo", "viewer secret", "10.0.0.1");
    String first = access.createToken("vera", "export");
    String second = access.createToken("vera", "ci");
    String others = access.createToken("jo", "ci");

    assertThat(access.resetPassword("vera", "a new secret")).isEqualTo(2);

    assertThat(access.session(session.secret())).isEmpty();
    assertThat(access.tokenAccount(first)).isEmpty();
    assertThat(access.tokenAccount(second)).isEmpty();
    assertThat(access.session(other.secret())).as("another user's session").isPresent();
    assertThat(access.tokenAccount(others)).isPresent();
    assertThat(access.signIn("vera", "a new secret", "10.0.0.1").account().name())
        .isEqualTo("vera");
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
    assertThatThrownBy(() -> access.changeOwnPassword("vera", "wrong guess", "a new secret", null))
        .hasMessage("the current password is wrong");
    access.changeOwnPassword("vera", "viewer secret", "a new secret", null);
    assertThat(access.signIn("vera", "a new secret", "10.0.0.1").account().name())
        .isEqualTo("vera");
  }
}
