package org.cluetrain.app.storage;

import java.util.Locale;
import java.util.Objects;

/**
 * Where Cluetrain keeps its data, as the workspace's {@code storage:} section names it.
 *
 * @param kind the backend
 * @param url the database's JDBC URL ({@code postgresql} only)
 * @param user the database user ({@code postgresql} only), or {@code null}
 * @param password the password itself, or {@code null}; prefer {@code passwordEnv}
 * @param passwordEnv the environment variable holding the password, or {@code null}
 */
public record StorageConfig(
    Kind kind, String url, String user, String password, String passwordEnv) {

  /** The default: everything in the data directory, nothing to install. */
  public static final StorageConfig EMBEDDED =
      new StorageConfig(Kind.EMBEDDED, null, null, null, null);

  public StorageConfig {
    Objects.requireNonNull(kind, "kind");
  }

  /** A PostgreSQL database for the relational data, with the password given directly. */
  public static StorageConfig postgresql(String url, String user, String password) {
    return new StorageConfig(Kind.POSTGRESQL, url, user, password, null);
  }

  /** The backends a configuration can name. */
  public enum Kind {
    /** SQLite and a Lucene index in the data directory. */
    EMBEDDED,
    /** A PostgreSQL database for everything relational, by JDBC URL. */
    POSTGRESQL;

    /** The name in the workspace file. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The password: the environment variable's value when one is named, else the one given. */
  public String resolvedPassword() {
    return passwordEnv != null ? System.getenv(passwordEnv) : password;
  }

  @Override
  public String toString() {
    // never print the password
    return "StorageConfig[kind=" + kind.label() + ", url=" + url + ", user=" + user + "]";
  }
}
