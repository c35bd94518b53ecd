package org.cluetrain.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where accounts, their password hashes, sign-in sessions and API tokens are kept. Sessions and
 * tokens are stored only as hashes of their secret, so a copy of the database signs nobody in.
 */
public interface AccountStore extends AutoCloseable {

  /** Adds an account; fails with {@link IllegalArgumentException} if the name is taken. */
  void create(Account account, String passwordHash);

  Optional<Account> find(String name);

  /** The password hash of an account, if it exists. */
  Optional<String> passwordHash(String name);

  List<Account> all();

  void update(String name, Role role, Set<String> projects);

  void setPasswordHash(String name, String passwordHash);

  void setLanguage(String name, String language);

  /** Removes the account with its sessions and tokens. */
  void delete(String name);

  /** A signed-in browser: the hash of its cookie secret and the CSRF token of its forms. */
  record Session(String secretHash, String account, String csrfToken, Instant expires) {}

  void saveSession(Session session);

  Optional<Session> session(String secretHash);

  void deleteSession(String secretHash);

  /**
   * Ends the account's sessions, all but the kept ones: after a password change nobody stays signed
   * in with the old password.
   *
   * @param keptSecretHashes the sessions to keep (the one changing its own password), or none
   */
  void deleteSessions(String account, Set<String> keptSecretHashes);

  /**
   * An API token: a short public id (shown in lists), the hash of its secret, its owner, and a
   * label saying what it is for.
   */
  record Token(String id, String secretHash, String account, String label, Instant created) {}

  void saveToken(Token token);

  Optional<Token> token(String secretHash);

  List<Token> tokens(String account);

  void deleteToken(String account, String id);

  @Override
  void close();
}
