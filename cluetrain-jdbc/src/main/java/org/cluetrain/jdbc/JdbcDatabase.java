package org.cluetrain.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One relational database that the stores share, with the few helpers every store needs: a query
 * that reads rows, a statement that changes them, work in one transaction. Opening it brings the
 * schema up to date with the versioned migrations in {@code db/migration}.
 *
 * <p>SQLite is one file and one connection, used under this object's lock: SQLite serialises
 * writers anyway, and write-ahead logging lets readers in other connections share the file.
 * PostgreSQL is a pool of connections; each call borrows one, and a transaction keeps its
 * connection for the thread that runs it, so the helpers called inside the work join the
 * transaction.
 */
public final class JdbcDatabase implements AutoCloseable {
  /** Collations that order text by code point, as SQLite does and the stores rely on. */
  private static final Set<String> CODE_POINT_COLLATIONS =
      Set.of("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic");

  private final SqlDialect dialect;
  private final String name;
  // SQLite has the one shared connection, PostgreSQL the pool: each database has one of the two
  private final @Nullable Connection shared;
  private final @Nullable HikariDataSource pool;
  private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

  private JdbcDatabase(
      SqlDialect dialect,
      String name,
      @Nullable Connection shared,
      @Nullable HikariDataSource pool) {
    this.dialect = dialect;
    this.name = name;
    this.shared = shared;
    this.pool = pool;
  }

  /**
   * Opens (creating if needed) the SQLite database in this file and migrates its schema. A file
   * made before migrations existed is taken as it is and extended: every migration only adds what
   * is missing.
   */
  public static JdbcDatabase openSqlite(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      SQLiteConfig config = new SQLiteConfig();
      // each committed transaction survives a crash of the process; readers share the file
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout(10_000);
      // a deleted row's bytes are overwritten, not left in a free page: erasure means erased
      config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
      SQLiteDataSource source = new SQLiteDataSource(config);
      source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
      migrate(source, SqlDialect.SQLITE);
      return new JdbcDatabase(SqlDialect.SQLITE, file.toString(), source.getConnection(), null);
    } catch (SQLException | IOException | FlywayException e) {
      throw new StoreFailure("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Connects to a PostgreSQL database through a pool of connections and migrates its schema. The
   * database must order text by code point (created with {@code LC_COLLATE 'C'}), as SQLite does.
   */
  public static JdbcDatabase openPostgres(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "a PostgreSQL URL starts with jdbc:postgresql:, was " + url);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("cluetrain");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(config);
      requireCodePointCollation(pool);
      migrate(pool, SqlDialect.POSTGRESQL);
      return new JdbcDatabase(SqlDialect.POSTGRESQL, withoutParameters(url), null, pool);
    } catch (SQLException | RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      if (e instanceof IllegalStateException wrong) {
        throw wrong;
      }
      throw new StoreFailure(
          "cannot open the database " + withoutParameters(url) + ": " + e.getMessage(), e);
    }
  }

  /** The URL without its parameters, which may hold secrets: for messages. */
  private static String withoutParameters(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static void migrate(DataSource source, SqlDialect dialect) {
    Flyway.configure(JdbcDatabase.class.getClassLoader())
        .dataSource(source)
        .locations(dialect.migrationLocations())
        // through SLF4J, so the application's logging settings decide what is shown
        .loggers("slf4j")
        // a database made before migrations is marked version 0; every migration is idempotent
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("tables made before migrations")
        .load()
        .migrate();
  }

  private static void requireCodePointCollation(DataSource source) throws SQLException {
    try (Connection connection = source.getConnection();
        PreparedStatement ps =
            connection.prepareStatement(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()");
        ResultSet rs = ps.executeQuery()) {
      String collation = rs.next() ? rs.getString(1) : "";
      if (!CODE_POINT_COLLATIONS.contains(collation)) {
        throw new IllegalStateException(
            "the database "
                + connection.getCatalog()
                + " orders text by "
                + collation
                + "; Cluetrain needs a database that orders it by code point:"
                + " CREATE DATABASE "
                + connection.getCatalog()
                + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
      }
    }
  }

  /** Which database this is. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** Reads one row of a result into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Work with a connection (for statements run many times, such as batches). */
  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs a query with its parameters bound in order and reads every row.
   *
   * @param what what is read, for the error message
   */
  <T> List<T> select(String what, String sql, RowReader<T> reader, @Nullable Object... parameters) {
    return withConnection(
        "cannot read " + what,
        connection -> {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(reader.read(rs));
              }
            }
            return rows;
          }
        });
  }

  <T> Optional<T> selectOne(
      String what, String sql, RowReader<T> reader, @Nullable Object... parameters) {
    return select(what, sql, reader, parameters).stream().findFirst();
  }

  /** Runs one statement that changes rows; answers how many. */
  int update(String what, String sql, @Nullable Object... parameters) {
    return withConnection(
        "cannot save " + what,
        connection -> {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, parameters);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * The next free id of a table whose key is a numeric {@code id}; call it inside a transaction.
   */
  long nextId(String table) {
    return selectOne("the next id of " + table, dialect.nextId(table), rs -> rs.getLong(1))
        .orElseThrow();
  }

  /**
   * Runs work with a connection: the current transaction's, or one of its own.
   *
   * @param failure what could not be done, the start of the error message
   */
  <T> T withConnection(String failure, ConnectionWork<T> work) {
    try {
      Connection bound = transaction.get();
      if (bound != null) {
        return work.run(bound);
      }
      if (shared != null) {
        synchronized (this) {
          return work.run(shared);
        }
      }
      try (Connection connection = pooled()) {
        return work.run(connection);
      }
    } catch (SQLException e) {
      throw new StoreFailure(failure + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs work in one transaction: all of it is saved, or none. Work started inside another
   * transaction on the same thread joins it.
   */
  <T> T inTransaction(String what, Work<T> work) {
    if (transaction.get() != null) {
      try {
        return work.run();
      } catch (SQLException e) {
        throw new StoreFailure("cannot save " + what + ": " + e.getMessage(), e);
      }
    }
    if (shared != null) {
      synchronized (this) {
        return transaction(what, shared, work);
      }
    }
    try (Connection connection = pooled()) {
      return transaction(what, connection, work);
    } catch (SQLException e) {
      throw new StoreFailure("cannot save " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs work in one transaction, with its connection (for statements run many times, such as
   * batches); all of it is saved, or none.
   */
  <T> T inTransactionWith(String what, ConnectionWork<T> work) {
    return inTransaction(what, () -> work.run(transaction.get()));
  }

  private <T> T transaction(String what, Connection connection, Work<T> work) {
    try {
      connection.setAutoCommit(false);
      transaction.set(connection);
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the original failure is the one worth reporting
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StoreFailure("cannot save " + what + ": " + e.getMessage(), e);
    } finally {
      transaction.remove();
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // the connection is broken; the next call reports it
      }
    }
  }

  /**
   * Makes deletions final in the files. SQLite: deleted content was zeroed already ({@code
   * secure_delete} is on), {@code VACUUM} rebuilds the file without free pages, and the write-ahead
   * log, which may still hold earlier versions of pages, is checkpointed and truncated. PostgreSQL:
   * {@code VACUUM FULL} rewrites these tables without their dead rows (it locks each table while it
   * runs; erasures are rare).
   */
  void compact(List<String> tables) {
    withConnection(
        "cannot compact the database " + name,
        connection -> {
          try (Statement statement = connection.createStatement()) {
            if (dialect == SqlDialect.SQLITE) {
              statement.execute("VACUUM");
              statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } else {
              for (String table : tables) {
                statement.execute("VACUUM FULL " + table);
              }
            }
          }
          return tables.size();
        });
  }

  /** A connection of the pool, for a database without a shared connection. */
  private Connection pooled() throws SQLException {
    return Objects.requireNonNull(pool, "a database without a shared connection has a pool")
        .getConnection();
  }

  static void bind(PreparedStatement ps, @Nullable Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value == null) {
        // untyped, so PostgreSQL takes the column's type (a typed null must match it)
        ps.setNull(i + 1, Types.NULL);
      } else if (value instanceof String text) {
        ps.setString(i + 1, text);
      } else if (value instanceof Long number) {
        ps.setLong(i + 1, number);
      } else if (value instanceof Integer number) {
        ps.setInt(i + 1, number);
      } else if (value instanceof Boolean flag) {
        ps.setInt(i + 1, flag ? 1 : 0);
      } else if (value instanceof Double number) {
        ps.setDouble(i + 1, number);
      } else {
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
      }
    }
  }

  @Override
  public String toString() {
    return dialect + " " + name;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    } else if (shared != null) {
      synchronized (this) {
        try {
          shared.close();
        } catch (SQLException e) {
          throw new StoreFailure("cannot close the database " + name + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
