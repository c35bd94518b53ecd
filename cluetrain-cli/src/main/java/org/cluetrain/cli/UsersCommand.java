package org.cluetrain.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.access.Account;
import org.cluetrain.access.Role;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.audit.AuditTrail;
import org.cluetrain.app.storage.StorageBackends;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceException;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cluetrain users}: set up who may sign in, from scripts. Works while the server runs: the
 * accounts live in the database of the storage the workspace configures (the SQLite file in the
 * data directory, or PostgreSQL), which both may open at once.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description =
        "Manage who may sign in: add, list, remove users, set passwords, issue API tokens.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Password.class,
      UsersCommand.Remove.class,
      UsersCommand.Token.class
    })
final class UsersCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options of every users command: where the data lives, and the workspace naming its storage. */
  static class DataOption {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** The accounts in the storage the workspace configures, as {@code serve} uses it. */
    AccessControl open() throws WorkspaceException {
      Workspace workspace = options.readWorkspace();
      return new AccessControl(
          StorageBackends.openAccounts(workspace.storage(), options.data), Clock.systemUTC());
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    /**
     * Records a change in the audit log, as the web application records its own: done by the
     * operator of this machine, who may open the data directory.
     */
    void audit(AuditKind kind, String target, String detail) throws WorkspaceException {
      Workspace workspace = options.readWorkspace();
      try (AuditTrail trail = AuditTrail.openOffline(workspace.storage(), options.data)) {
        trail.record(AccessControl.OPERATOR, kind, target, detail, AuditEvent.LOCAL);
      }
    }
  }

  /**
   * Reads a password from the first line of standard input, so it never shows in a process list.
   */
  static String readPassword() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.isBlank()) {
      throw new IllegalArgumentException(
          "give the password on standard input, e.g. echo 'long secret' | cluetrain users add …");
    }
    return line.strip();
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user; the password is read from standard input (one line).")
  static final class Add extends DataOption implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The name to sign in with.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin (users, sources, settings), analyst (queries, inbox) or viewer.")
    String role;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "P",
        description = "A project the user may see; repeat for several (default: all projects).")
    List<String> projects = List.of();

    @Override
    public Integer call() throws Exception {
      Role parsedRole = Role.parse(role);
      Account.checkName(name);
      String password = readPassword();
      AccessControl access = open();
      try {
        access.addUser(name, parsedRole, password, new LinkedHashSet<>(projects));
      } finally {
        access.accounts().close();
      }
      audit(
          AuditKind.USER_CREATED,
          name,
          "role "
              + parsedRole.label()
              + ", "
              + (projects.isEmpty() ? "all projects" : "projects " + String.join(", ", projects)));
      out()
          .printf(
              "added %s (%s, %s)%n",
              name,
              parsedRole.label(),
              projects.isEmpty() ? "all projects" : "projects " + String.join(", ", projects));
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListUsers extends DataOption implements Callable<Integer> {
    @Override
    public Integer call() throws WorkspaceException {
      AccessControl access = open();
      try {
        for (Account account : access.accounts().all()) {
          out()
              .printf(
                  "%-24s %-8s %s%n",
                  account.name(),
                  account.role().label(),
                  account.seesAllProjects()
                      ? "all projects"
                      : String.join(",", account.projects()));
        }
      } finally {
        access.accounts().close();
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "password",
      mixinStandardHelpOptions = true,
      description = "Set a user's password, read from standard input (one line).")
  static final class Password extends DataOption implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
      String password = readPassword();
      AccessControl access = open();
      int revoked;
      try {
        revoked = access.resetPassword(name, password);
      } finally {
        access.accounts().close();
      }
      audit(AuditKind.PASSWORD_RESET, name, "sessions ended, " + revoked + " API tokens revoked");
      out()
          .printf(
              "password of %s changed; their sessions ended and %d API tokens were revoked%n",
              name, revoked);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a user with their sessions and API tokens.")
  static final class Remove extends DataOption implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws WorkspaceException {
      AccessControl access = open();
      try {
        if (access.accounts().find(name).isEmpty()) {
          throw new IllegalArgumentException("there is no user named '" + name + "'");
        }
        access.accounts().delete(name);
      } finally {
        access.accounts().close();
      }
      audit(AuditKind.USER_REMOVED, name, "with their sessions and API tokens");
      out().printf("removed %s%n", name);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description =
          "Issue an API token for a user; send it as 'Authorization: Bearer TOKEN'. It is shown"
              + " once.")
  static final class Token extends DataOption implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--label",
        defaultValue = "script",
        description = "What the token is for (default: ${DEFAULT-VALUE}).")
    String label;

    @Override
    public Integer call() throws WorkspaceException {
      AccessControl access = open();
      String token;
      try {
        token = access.createToken(name, label);
      } finally {
        access.accounts().close();
      }
      audit(AuditKind.TOKEN_ISSUED, name, "label " + label);
      out().println(token);
      return ExitCodes.OK;
    }
  }
}
