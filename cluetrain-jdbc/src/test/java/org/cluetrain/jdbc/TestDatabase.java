package org.cluetrain.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where a test keeps its data, on either database: an SQLite file in the test's directory, or a
 * fresh database on the {@linkplain TestPostgres test server}. Each {@link #open()} connects to the
 * same place again, so tests can check what survives a reopen.
 */
public abstract sealed class TestDatabase {
  /** Runs a test once per dialect; the test takes the {@link SqlDialect} as its parameter. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "on {0}")
  @EnumSource(SqlDialect.class)
  public @interface OnEveryDialect {}

  /** A new, empty place on this dialect; SQLite's file goes in {@code dir}. */
  public static TestDatabase fresh(SqlDialect dialect, Path dir) {
    return switch (dialect) {
      case SQLITE -> new Sqlite(dir.resolve("ledger.db"));
      case POSTGRESQL -> postgres();
    };
  }

  /** A new, empty database on the test PostgreSQL server. */
  public static Postgres postgres() {
    return new Postgres(TestPostgres.server().freshDatabaseUrl());
  }

  /** Connects to this place (migrating its schema, as every opening does). */
  public abstract JdbcDatabase open();

  /** Every store over this place, sharing one connection or pool. */
  public JdbcStorage openStorage() {
    return JdbcStorage.over(open());
  }

  static final class Sqlite extends TestDatabase {
    private final Path file;

    Sqlite(Path file) {
      this.file = file;
    }

    @Override
    public JdbcDatabase open() {
      return JdbcDatabase.openSqlite(file);
    }
  }

  public static final class Postgres extends TestDatabase {
    private final String url;

    Postgres(String url) {
      this.url = url;
    }

    /** The JDBC URL of this database (user {@link TestPostgres#USER}, no password). */
    public String url() {
      return url;
    }

    @Override
    public JdbcDatabase open() {
      return JdbcDatabase.openPostgres(url, TestPostgres.USER, TestPostgres.PASSWORD);
    }
  }
}
