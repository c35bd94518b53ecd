package org.cluetrain.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.cluetrain.access.Account;
import org.cluetrain.access.AccountStore.Session;
import org.cluetrain.access.AccountStore.Token;
import org.cluetrain.access.Role;
import org.cluetrain.jdbc.TestDatabase.OnEveryDialect;
import org.junit.jupiter.api.io.TempDir;

class JdbcAccountStoreTest {
  static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");

  @TempDir Path dir;

  @OnEveryDialect
  void accountsRoundTripAndSurviveAReopen(SqlDialect dialect) {
    TestDatabase place = TestDatabase.fresh(dialect, dir);
    try (JdbcDatabase database = place.open();
        JdbcAccountStore accounts = new JdbcAccountStore(database)) {
      accounts.create(new Account("ana", Role.ADMIN, Set.of(), null, T0), "hash-1");
      accounts.create(new Account("ben", Role.parse("viewer"), Set.of("bahn"), "de", T0), "h2");
      assertThatThrownBy(
              () -> accounts.create(new Account("ana", Role.ADMIN, Set.of(), null, T0), "x"))
          .hasMessage("a user named 'ana' exists already");
      accounts.update("ben", Role.ADMIN, Set.of("bahn", "airlines"));
      accounts.setPasswordHash("ana", "hash-2");
      accounts.setLanguage("ana", "en");
      assertThatThrownBy(() -> accounts.setLanguage("nobody", "en"))
          .hasMessage("there is no user named 'nobody'");
    }
    try (JdbcDatabase database = place.open();
        JdbcAccountStore accounts = new JdbcAccountStore(database)) {
      assertThat(accounts.all()).extracting(Account::name).containsExactly("ana", "ben");
      assertThat(accounts.find("ana").orElseThrow().language()).isEqualTo("en");
      assertThat(accounts.passwordHash("ana")).hasValue("hash-2");
      Account ben = accounts.find("ben").orElseThrow();
      assertThat(ben.role()).isEqualTo(Role.ADMIN);
      assertThat(ben.projects()).containsExactlyInAnyOrder("bahn", "airlines");
      assertThat(ben.created()).isEqualTo(T0);
    }
  }

  @OnEveryDialect
  void sessionsAndTokensGoWithTheirAccount(SqlDialect dialect) {
    try (JdbcDatabase database = TestDatabase.fresh(dialect, dir).open();
        JdbcAccountStore accounts = new JdbcAccountStore(database)) {
      accounts.create(new Account("ana", Role.ADMIN, Set.of(), null, T0), "hash");
      accounts.saveSession(new Session("s1", "ana", "csrf", T0.plusSeconds(60)));
      accounts.saveSession(new Session("s1", "ana", "csrf", T0.plusSeconds(600)));
      assertThat(accounts.session("s1"))
          .hasValue(new Session("s1", "ana", "csrf", T0.plusSeconds(600)));
      Token token = new Token("t1", "secret", "ana", "import script", T0);
      accounts.saveToken(token);
      accounts.saveToken(new Token("t2", "secret-2", "ana", "reports", T0.plusSeconds(1)));
      assertThat(accounts.token("secret")).hasValue(token);
      assertThat(accounts.tokens("ana")).extracting(Token::id).containsExactly("t1", "t2");
      accounts.deleteToken("ana", "t2");
      assertThat(accounts.tokens("ana")).containsExactly(token);

      accounts.delete("ana");
      assertThat(accounts.find("ana")).isEmpty();
      assertThat(accounts.session("s1")).isEmpty();
      assertThat(accounts.token("secret")).isEmpty();
    }
  }
}
