package org.cluetrain.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.access.Account;
import org.cluetrain.access.AccountStore;
import org.cluetrain.access.AccountStore.Session;
import org.cluetrain.access.AccountStore.Token;
import org.cluetrain.access.Role;

/**
 * Signing in and out, sessions and API tokens. Secrets handed out (session cookies, tokens) are 256
 * random bits; the store keeps only their SHA-256, so reading the database signs nobody in.
 */
public final class AccessControl {
  /** How long a browser stays signed in without signing in again. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  public static final int MIN_PASSWORD_LENGTH = 10;
  private static final String TOKEN_PREFIX = "ct_";
  private static final String OPERATOR_PREFIX = "ctop_";

  /**
   * Who a command of the data directory's owner acts as when it hands its work to the running
   * server ({@link RunningServer}): an administrator, as the same person could stop the server and
   * open the data directory themselves.
   */
  public static final String OPERATOR = "local-operator";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A hash of a password nobody knows: unknown names cost the same time as known ones. */
  private static final String UNKNOWN_USER_HASH = PasswordHashing.hash(randomSecret());

  private final AccountStore accounts;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final String operatorKey = OPERATOR_PREFIX + randomSecret();

  public AccessControl(AccountStore accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
    this.throttle = new SignInThrottle(clock);
  }

  /** A browser's sign-in: the cookie secret to hand out, and who it is. */
  public record SignedIn(String secret, Account account, String csrfToken) {}

  /** Why a sign-in was refused; {@code retryAfter} is set when too many attempts failed. */
  public static final class SignInRefused extends Exception {
    private final Duration retryAfter;

    SignInRefused(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /**
   * Checks the password and opens a session.
   *
   * @param address the client the attempt comes from, for the guessing limit (behind a trusted
   *     reverse proxy, the address the proxy reports)
   */
  public SignedIn signIn(String name, String password, String address) throws SignInRefused {
    String key = name == null ? "" : name.strip();
    Optional<Duration> wait = throttle.waitBefore(key, address);
    if (wait.isPresent()) {
      throw new SignInRefused("too many failed sign-ins; try again later", wait.get());
    }
    Optional<String> hash = accounts.passwordHash(key);
    // hash a password even for unknown names, so timing does not tell which names exist
    boolean matches =
        PasswordHashing.verify(password == null ? "" : password, hash.orElse(UNKNOWN_USER_HASH));
    if (hash.isEmpty() || !matches) {
      throttle.failed(key, address);
      throw new SignInRefused("wrong user name or password", null);
    }
    throttle.succeeded(key, address);
    Account account = accounts.find(key).orElseThrow();
    String secret = randomSecret();
    String csrf = randomSecret();
    accounts.saveSession(
        new Session(sha256(secret), account.name(), csrf, clock.instant().plus(SESSION_LIFETIME)));
    return new SignedIn(secret, account, csrf);
  }

  /** The signed-in account of a session cookie, while the session lasts. */
  public Optional<SignedIn> session(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    String hash = sha256(secret);
    Optional<Session> session = accounts.session(hash);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    if (!session.get().expires().isAfter(clock.instant())) {
      accounts.deleteSession(hash);
      return Optional.empty();
    }
    return accounts
        .find(session.get().account())
        .map(account -> new SignedIn(secret, account, session.get().csrfToken()));
  }

  public void signOut(String secret) {
    if (secret != null) {
      accounts.deleteSession(sha256(secret));
    }
  }

  /** Creates an API token for the account; the secret is shown once and never stored. */
  public String createToken(String account, String label) {
    requireAccount(account);
    String secret = TOKEN_PREFIX + randomSecret();
    String hash = sha256(secret);
    accounts.saveToken(
        new Token(hash.substring(0, 12), hash, account, label.strip(), clock.instant()));
    return secret;
  }

  public List<Token> tokens(String account) {
    return accounts.tokens(account);
  }

  public void revokeToken(String account, String id) {
    accounts.deleteToken(account, id);
  }

  /**
   * This process's operator key: written only into the data directory's {@link RunningServer} file,
   * readable by the directory's owner, and valid until the process ends.
   */
  public String operatorKey() {
    return operatorKey;
  }

  /**
   * The account an API token ({@code Authorization: Bearer ct_…}) belongs to, or the {@link
   * #OPERATOR} for this process's operator key.
   */
  public Optional<Account> tokenAccount(String secret) {
    if (secret != null
        && secret.startsWith(OPERATOR_PREFIX)
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8),
            operatorKey.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(new Account(OPERATOR, Role.ADMIN, Set.of(), null, clock.instant()));
    }
    if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    return accounts.token(sha256(secret)).flatMap(token -> accounts.find(token.account()));
  }

  /** Adds a user; the password must be at least {@value #MIN_PASSWORD_LENGTH} characters. */
  public Account addUser(String name, Role role, String password, Set<String> projects) {
    checkPassword(password);
    Account account = new Account(name, role, projects, null, clock.instant());
    accounts.create(account, PasswordHashing.hash(password));
    return account;
  }

  /**
   * An admin sets a user's password (a reset: forgotten, or feared known to someone else). Every
   * session of the user ends and every API token of theirs is revoked, since whoever knew the old
   * password may have signed in or made a token with it.
   *
   * @return how many API tokens were revoked
   */
  public int resetPassword(String name, String password) {
    checkPassword(password);
    requireAccount(name);
    accounts.setPasswordHash(name, PasswordHashing.hash(password));
    accounts.deleteSessions(name, Set.of());
    List<Token> tokens = accounts.tokens(name);
    tokens.forEach(token -> accounts.deleteToken(name, token.id()));
    return tokens.size();
  }

  /**
   * Changes a person's own password after checking the current one, and ends their other sessions:
   * a browser left signed in elsewhere (or someone who learned the old password) is signed out. The
   * session making the change stays; the person's API tokens stay too, as they manage those
   * themselves on their account page.
   *
   * @param currentSession the cookie secret of the session making the change, kept signed in
   * @throws IllegalArgumentException when the current password is wrong or the new one too short
   */
  public void changeOwnPassword(
      String name, String current, String password, String currentSession) {
    Optional<String> hash = accounts.passwordHash(name);
    if (hash.isEmpty() || !PasswordHashing.verify(current == null ? "" : current, hash.get())) {
      throw new IllegalArgumentException("the current password is wrong");
    }
    checkPassword(password);
    accounts.setPasswordHash(name, PasswordHashing.hash(password));
    accounts.deleteSessions(
        name, currentSession == null ? Set.of() : Set.of(sha256(currentSession)));
  }

  /**
   * Changes a user's role and projects; never takes the role away from the last admin.
   *
   * @throws IllegalArgumentException when there is no such user or the last admin would be gone
   */
  public synchronized void changeUser(String name, Role role, Set<String> projects) {
    Account account =
        accounts
            .find(name)
            .orElseThrow(
                () -> new IllegalArgumentException("there is no user named '" + name + "'"));
    if (account.role() == Role.ADMIN && role != Role.ADMIN && admins() == 1) {
      throw new IllegalArgumentException(
          "'" + name + "' is the only admin; make someone else admin first");
    }
    accounts.update(name, role, projects);
  }

  /**
   * Removes a user with their sessions and tokens; never the last admin.
   *
   * @throws IllegalArgumentException when there is no such user or it is the last admin
   */
  public synchronized void removeUser(String name) {
    Account account =
        accounts
            .find(name)
            .orElseThrow(
                () -> new IllegalArgumentException("there is no user named '" + name + "'"));
    if (account.role() == Role.ADMIN && admins() == 1) {
      throw new IllegalArgumentException(
          "'" + name + "' is the only admin; make someone else admin first");
    }
    accounts.delete(name);
  }

  private long admins() {
    return accounts.all().stream().filter(a -> a.role() == Role.ADMIN).count();
  }

  /**
   * On the first start there is nobody to sign in: creates {@code admin} with a random password and
   * answers it, to be shown once. Answers nothing when accounts exist.
   */
  public Optional<String> createFirstAdmin() {
    if (!accounts.all().isEmpty()) {
      return Optional.empty();
    }
    String password = randomSecret().substring(0, 20);
    addUser("admin", Role.ADMIN, password, Set.of());
    return Optional.of(password);
  }

  public AccountStore accounts() {
    return accounts;
  }

  private void requireAccount(String name) {
    if (accounts.find(name).isEmpty()) {
      throw new IllegalArgumentException("there is no user named '" + name + "'");
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.strip().length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
  }

  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
