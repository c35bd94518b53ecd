package org.cluetrain.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.access.Account;
import org.cluetrain.access.AccountStore;
import org.cluetrain.access.Role;

/** Accounts, sessions and API tokens in the ledger's database (SQLite or PostgreSQL). */
public final class JdbcAccountStore implements AccountStore {
  private static final String ACCOUNT_COLUMNS = "name, role, projects, language, created";

  private final JdbcDatabase database;
  private final boolean ownsDatabase;

  JdbcAccountStore(JdbcDatabase database, boolean ownsDatabase) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
  }

  /** Over a database that others share too; closing this store leaves the database open. */
  public JdbcAccountStore(JdbcDatabase database) {
    this(database, false);
  }

  @Override
  public void create(Account account, String passwordHash) {
    if (find(account.name()).isPresent()) {
      throw new IllegalArgumentException("a user named '" + account.name() + "' exists already");
    }
    database.update(
        "account " + account.name(),
        "INSERT INTO accounts (name, role, projects, language, password_hash, created)"
            + " VALUES (?,?,?,?,?,?)",
        account.name(),
        account.role().label(),
        String.join(",", account.projects()),
        account.language(),
        passwordHash,
        account.created().toEpochMilli());
  }

  @Override
  public Optional<Account> find(String name) {
    return database.selectOne(
        "account " + name,
        "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE name = ?",
        JdbcAccountStore::account,
        name);
  }

  @Override
  public Optional<String> passwordHash(String name) {
    return database.selectOne(
        "account " + name,
        "SELECT password_hash FROM accounts WHERE name = ?",
        rs -> rs.getString(1),
        name);
  }

  @Override
  public List<Account> all() {
    return database.select(
        "accounts",
        "SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY name",
        JdbcAccountStore::account);
  }

  @Override
  public void update(String name, Role role, Set<String> projects) {
    requireChanged(
        name,
        database.update(
            "account " + name,
            "UPDATE accounts SET role = ?, projects = ? WHERE name = ?",
            role.label(),
            String.join(",", projects),
            name));
  }

  @Override
  public void setPasswordHash(String name, String passwordHash) {
    requireChanged(
        name,
        database.update(
            "password of " + name,
            "UPDATE accounts SET password_hash = ? WHERE name = ?",
            passwordHash,
            name));
  }

  @Override
  public void setLanguage(String name, String language) {
    requireChanged(
        name,
        database.update(
            "language of " + name,
            "UPDATE accounts SET language = ? WHERE name = ?",
            language,
            name));
  }

  @Override
  public void delete(String name) {
    database.inTransaction(
        "removal of " + name,
        () -> {
          database.update("sessions of " + name, "DELETE FROM sessions WHERE account = ?", name);
          database.update("tokens of " + name, "DELETE FROM api_tokens WHERE account = ?", name);
          return database.update("account " + name, "DELETE FROM accounts WHERE name = ?", name);
        });
  }

  @Override
  public void saveSession(Session session) {
    database.update(
        "session of " + session.account(),
        "INSERT INTO sessions (secret_hash, account, csrf_token, expires) VALUES (?,?,?,?)"
            + " ON CONFLICT (secret_hash) DO UPDATE SET expires = excluded.expires",
        session.secretHash(),
        session.account(),
        session.csrfToken(),
        session.expires().toEpochMilli());
  }

  @Override
  public Optional<Session> session(String secretHash) {
    return database.selectOne(
        "session",
        "SELECT secret_hash, account, csrf_token, expires FROM sessions WHERE secret_hash = ?",
        rs ->
            new Session(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))),
        secretHash);
  }

  @Override
  public void deleteSession(String secretHash) {
    database.update("session", "DELETE FROM sessions WHERE secret_hash = ?", secretHash);
  }

  @Override
  public void deleteSessions(String account, Set<String> keptSecretHashes) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(account);
    parameters.addAll(keptSecretHashes);
    String kept =
        keptSecretHashes.isEmpty()
            ? ""
            : " AND secret_hash NOT IN ("
                + String.join(",", Collections.nCopies(keptSecretHashes.size(), "?"))
                + ")";
    database.update(
        "sessions of " + account,
        "DELETE FROM sessions WHERE account = ?" + kept,
        parameters.toArray());
  }

  @Override
  public void saveToken(Token token) {
    database.update(
        "token of " + token.account(),
        "INSERT INTO api_tokens (id, secret_hash, account, label, created) VALUES (?,?,?,?,?)",
        token.id(),
        token.secretHash(),
        token.account(),
        token.label(),
        token.created().toEpochMilli());
  }

  @Override
  public Optional<Token> token(String secretHash) {
    return database.selectOne(
        "token",
        "SELECT id, secret_hash, account, label, created FROM api_tokens WHERE secret_hash = ?",
        JdbcAccountStore::token,
        secretHash);
  }

  @Override
  public List<Token> tokens(String account) {
    return database.select(
        "tokens of " + account,
        "SELECT id, secret_hash, account, label, created FROM api_tokens WHERE account = ?"
            + " ORDER BY created",
        JdbcAccountStore::token,
        account);
  }

  @Override
  public void deleteToken(String account, String id) {
    database.update(
        "token " + id, "DELETE FROM api_tokens WHERE account = ? AND id = ?", account, id);
  }

  private static void requireChanged(String name, int rows) {
    if (rows == 0) {
      throw new IllegalArgumentException("there is no user named '" + name + "'");
    }
  }

  private static Account account(ResultSet rs) throws SQLException {
    String projects = rs.getString(3);
    return new Account(
        rs.getString(1),
        Role.parse(rs.getString(2)),
        projects.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(projects.split(","))),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)));
  }

  private static Token token(ResultSet rs) throws SQLException {
    return new Token(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)));
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }
}
