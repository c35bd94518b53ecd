package org.cluetrain.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SQLite connection with the few helpers every store on it needs: a schema script, a query that
 * reads rows, a statement that changes them. Every store of one file shares one of these (see
 * {@link SqliteStorage}); its lock is the lock of everything done on the connection.
 */
final class SqliteDatabase implements AutoCloseable {
  private final Connection connection;

  private SqliteDatabase(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file and runs the schema scripts from resources. */
  static SqliteDatabase open(Path file, String... schemaResources) {
    try {
      SqliteDatabase database = new SqliteDatabase(connect(file));
      for (String schemaResource : schemaResources) {
        database.runScript(schemaResource);
      }
      return database;
    } catch (SQLException | IOException e) {
      throw new StoreFailure("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A connection to the file, created if needed, in write-ahead-log mode: each committed
   * transaction survives a crash of the process, and readers and one writer share the file.
   */
  static Connection connect(Path file) throws SQLException, IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=NORMAL");
      statement.execute("PRAGMA busy_timeout=10000");
    }
    return connection;
  }

  /**
   * The connection itself, for statements the helpers do not cover (batches); use it only while
   * holding this object's lock.
   */
  Connection connection() {
    return connection;
  }

  /** Runs a script of statements separated by {@code ;} at line end; {@code --} lines are notes. */
  private void runScript(String resource) throws SQLException {
    String script;
    try (InputStream in = SqliteDatabase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema " + resource);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : script.split(";\\s*\\n")) {
        String withoutComments = sql.replaceAll("(?m)^--.*$", "").strip();
        if (!withoutComments.isEmpty()) {
          statement.execute(withoutComments);
        }
      }
    }
  }

  /** Reads one row of a result into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * Runs a query with its parameters bound in order and reads every row.
   *
   * @param what what is read, for the error message
   */
  synchronized <T> List<T> select(
      String what, String sql, RowReader<T> reader, Object... parameters) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, parameters);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new StoreFailure("cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  <T> Optional<T> selectOne(String what, String sql, RowReader<T> reader, Object... parameters) {
    return select(what, sql, reader, parameters).stream().findFirst();
  }

  /** Runs one statement that changes rows; answers how many. */
  synchronized int update(String what, String sql, Object... parameters) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, parameters);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailure("cannot save " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs work in one transaction: all of it is saved, or none. */
  synchronized <T> T inTransaction(String what, Work<T> work) {
    try {
      connection.setAutoCommit(false);
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
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // the connection is broken; the next call reports it
      }
    }
  }

  /** Work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  static void bind(PreparedStatement ps, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value == null) {
        ps.setNull(i + 1, Types.VARCHAR);
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
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreFailure("cannot close the database: " + e.getMessage(), e);
    }
  }
}
