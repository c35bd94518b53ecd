package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cluetrain.access.Account;
import org.cluetrain.access.AccountStore;
import org.cluetrain.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link AccountStore}: accounts round trip and survive a reopen, names are
 * unique, changes to an unknown account are refused, removing an account removes its sessions and
 * tokens.
 */
public abstract class AccountStoreCompatibilityKit {
  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir protected Path directory;

  /**
   * Opens the account store whose data lives in {@code directory}: empty the first time, the same
   * data when opened again after the previous one was closed.
   */
  protected abstract AccountStore open(Path directory);

  @Test
  void accountsRoundTripByNameAndSurviveAReopen() {
    Account ana = new Account("ana", Role.ADMIN, Set.of(), "de", T);
    Account jo = new Account("jo.k@example", Role.VIEWER, Set.of("bahn", "airlines"), null, T);
    try (AccountStore accounts = open(directory)) {
      accounts.create(jo, "hash-jo");
      accounts.create(ana, "hash-ana");
      assertThatThrownBy(() -> accounts.create(ana, "other"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (AccountStore accounts = open(directory)) {
      assertThat(accounts.all()).containsExactly(ana, jo);
      assertThat(accounts.find("jo.k@example")).contains(jo);
      assertThat(accounts.find("nobody")).isEmpty();
      assertThat(accounts.passwordHash("ana")).contains("hash-ana");
      assertThat(accounts.passwordHash("nobody")).isEmpty();
    }
  }

  @Test
  void changesApplyToExistingAccountsOnly() {
    try (AccountStore accounts = open(directory)) {
      accounts.create(new Account("ana", Role.VIEWER, Set.of(), null, T), "h1");
      accounts.update("ana", Role.ANALYST, Set.of("bahn"));
      accounts.setPasswordHash("ana", "h2");
      accounts.setLanguage("ana", "en");
      assertThat(accounts.find("ana"))
          .contains(new Account("ana", Role.ANALYST, Set.of("bahn"), "en", T));
      assertThat(accounts.passwordHash("ana")).contains("h2");
      assertThatThrownBy(() -> accounts.update("nobody", Role.ADMIN, Set.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> accounts.setPasswordHash("nobody", "h"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> accounts.setLanguage("nobody", "de"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sessionsAndTokensAreFoundByTheHashOfTheirSecretAndGoWithTheAccount() {
    try (AccountStore accounts = open(directory)) {
      accounts.create(new Account("ana", Role.ADMIN, Set.of(), null, T), "h");
      accounts.create(new Account("jo", Role.VIEWER, Set.of(), null, T), "h");
      AccountStore.Session session =
          new AccountStore.Session("s-hash", "ana", "csrf", T.plusSeconds(3600));
      accounts.saveSession(session);
      accounts.saveSession(new AccountStore.Session("j-hash", "jo", "c", T.plusSeconds(60)));
      AccountStore.Token second =
          new AccountStore.Token("t2", "t2-hash", "ana", "ci", T.plusSeconds(1));
      AccountStore.Token first = new AccountStore.Token("t1", "t1-hash", "ana", "export", T);
      accounts.saveToken(second);
      accounts.saveToken(first);

      assertThat(accounts.session("s-hash")).contains(session);
      assertThat(accounts.session("unknown")).isEmpty();
      assertThat(accounts.token("t1-hash")).contains(first);
      assertThat(accounts.tokens("ana")).containsExactly(first, second); // oldest first
      assertThat(accounts.tokens("jo")).isEmpty();

      accounts.deleteToken("jo", "t1"); // not jo's: nothing happens
      assertThat(accounts.tokens("ana")).hasSize(2);
      accounts.deleteToken("ana", "t1");
      assertThat(accounts.tokens("ana")).containsExactly(second);
      accounts.deleteSession("s-hash");
      assertThat(accounts.session("s-hash")).isEmpty();

      accounts.saveSession(session);
      accounts.delete("ana");
      assertThat(accounts.find("ana")).isEmpty();
      assertThat(accounts.session("s-hash")).isEmpty();
      assertThat(accounts.tokens("ana")).isEmpty();
      assertThat(accounts.session("j-hash")).isPresent();
    }
  }

  @Test
  void anAccountsSessionsEndAllButTheKeptOne() {
    try (AccountStore accounts = open(directory)) {
      accounts.create(new Account("ana", Role.ADMIN, Set.of(), null, T), "h");
      accounts.create(new Account("jo", Role.VIEWER, Set.of(), null, T), "h");
      for (String hash : List.of("a1", "a2", "a3")) {
        accounts.saveSession(new AccountStore.Session(hash, "ana", "c", T.plusSeconds(60)));
      }
      accounts.saveSession(new AccountStore.Session("j1", "jo", "c", T.plusSeconds(60)));

      accounts.deleteSessions("ana", Set.of("a2"));

      assertThat(accounts.session("a1")).isEmpty();
      assertThat(accounts.session("a2")).isPresent();
      assertThat(accounts.session("a3")).isEmpty();
      assertThat(accounts.session("j1")).as("another account's session").isPresent();

      accounts.deleteSessions("ana", Set.of());

      assertThat(accounts.session("a2")).isEmpty();
      assertThat(accounts.session("j1")).isPresent();
    }
  }
}
