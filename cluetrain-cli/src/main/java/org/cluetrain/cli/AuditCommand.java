package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.audit.AuditTrail;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluetrain audit list|export}: the audit log, read from the data directory or, while a
 * server holds it, from the server.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Read the audit log: sign-ins, user, token and configuration changes, exports.",
    subcommands = {AuditCommand.ListEntries.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The filters both subcommands take. */
  static final class Filters {
    @Option(
        names = "--kind",
        paramLabel = "KIND",
        description =
            "Only entries of this kind (sign-in, sign-in-failed, role-changed, export, …).")
    String kind;

    @Option(names = "--actor", paramLabel = "NAME", description = "Only entries by this account.")
    String actor;

    @Option(names = "--from", paramLabel = "DATE", description = "From this date or UTC time.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Before this date or UTC time.")
    String to;

    AuditQuery query(int offset, int limit) {
      return new AuditQuery(
          kind == null ? null : AuditKind.parse(kind),
          actor,
          AuditTrail.time("--from", from),
          AuditTrail.time("--to", to),
          offset,
          limit);
    }

    /** The same filters as the API's query parameters ({@code name=value&…}). */
    String parameters() {
      StringBuilder parameters = new StringBuilder();
      append(parameters, "kind", kind);
      append(parameters, "actor", actor);
      append(parameters, "from", from);
      append(parameters, "to", to);
      return parameters.toString();
    }

    private static void append(StringBuilder parameters, String name, String value) {
      if (value != null) {
        parameters.append(name).append('=').append(ServerClient.encode(value)).append('&');
      }
    }
  }

  /** Reads one page of entries from the server's API. */
  private static List<AuditEntry> fromServer(ServerClient server, String path) throws IOException {
    JsonNode answer = server.get(path);
    List<AuditEntry> entries = new ArrayList<>();
    answer.path("entries").forEach(json -> entries.add(AuditTrail.fromJson(json)));
    return entries;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Show entries, newest first.")
  static final class ListEntries implements Callable<Integer> {
    @Mixin Options options;
    @Mixin Filters filters;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
        names = "--offset",
        paramLabel = "N",
        defaultValue = "0",
        description = "Skip the N newest.")
    int offset;

    @Override
    public Integer call() throws Exception {
      AuditQuery query = filters.query(offset, limit);
      List<AuditEntry> entries;
      try (EmbeddedRuntime runtime = options.open()) {
        entries = runtime.audit().find(query);
      } catch (EmbeddedRuntime.InUseException inUse) {
        entries =
            fromServer(
                ServerClient.holding(inUse),
                "/api/audit?" + filters.parameters() + "offset=" + offset + "&limit=" + limit);
      }
      PrintWriter out = spec.commandLine().getOut();
      for (AuditEntry entry : entries) {
        AuditEvent event = entry.event();
        out.printf(
            "%s  %-21s %-16s %s%s  (%s)%n",
            event.at(),
            event.kind().label(),
            event.actor(),
            event.target(),
            event.detail().isEmpty() ? "" : ": " + event.detail(),
            event.address());
      }
      if (entries.isEmpty()) {
        out.println("no entries match");
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write every entry the filters select, as CSV or NDJSON.")
  static final class Export implements Callable<Integer> {
    @Mixin Options options;
    @Mixin Filters filters;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "csv",
        description = "csv or ndjson (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to this file (default: the standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
      AuditTrail.Format chosen = AuditTrail.Format.parse(format);
      AuditQuery query = filters.query(0, AuditQuery.MAX_LIMIT);
      Writer out =
          output == null
              ? spec.commandLine().getOut()
              : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
      try (EmbeddedRuntime runtime = options.open()) {
        // a copy of the log leaves the server's keeping: that is recorded too
        runtime
            .audit()
            .record(
                AccessControl.OPERATOR,
                AuditKind.EXPORT,
                "audit-log",
                chosen.name().toLowerCase(java.util.Locale.ROOT) + " " + filters.parameters(),
                AuditEvent.LOCAL);
        runtime.audit().export(query, chosen, out);
      } catch (EmbeddedRuntime.InUseException inUse) {
        // the server writes the export, and records that it did
        out.write(
            ServerClient.holding(inUse)
                .getText(
                    "/api/audit/export?"
                        + filters.parameters()
                        + "format="
                        + chosen.name().toLowerCase(java.util.Locale.ROOT)));
      } finally {
        if (output == null) {
          out.flush();
        } else {
          out.close();
        }
      }
      return ExitCodes.OK;
    }
  }
}
