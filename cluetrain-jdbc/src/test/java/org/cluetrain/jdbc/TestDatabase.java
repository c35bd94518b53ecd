package org.cluetrain.jdbc;

/**
 * A fresh database on the {@linkplain TestPostgres test server}. Each {@link #open()} connects to
 * the same database again, so tests can check what survives a reopen.
 */
public final class TestDatabase {
  private final String url;

  private TestDatabase(String url) {
    this.url = url;
  }

  /** A new database on the test PostgreSQL server, its schema migrated to the newest version. */
  public static TestDatabase postgres() {
    return new TestDatabase(TestPostgres.server().freshDatabaseUrl());
  }

  /** The JDBC URL of this database (user {@link TestPostgres#USER}, no password). */
  public String url() {
    return url;
  }

  /** Connects to this database (migrating its schema, as every opening does). */
  public JdbcDatabase open() {
    return JdbcDatabase.openPostgres(url, TestPostgres.USER, TestPostgres.PASSWORD);
  }

  /** Every store over this database, sharing one pool. */
  public JdbcStorage openStorage() {
    return JdbcStorage.over(open());
  }
}
