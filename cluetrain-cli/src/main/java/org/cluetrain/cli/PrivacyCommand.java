package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluetrain privacy find|export|erase --author A}: subject requests from the command line,
 * with or without a running server (which then does the work, as for {@code import}).
 */
@Command(
    name = "privacy",
    mixinStandardHelpOptions = true,
    description =
        "Subject requests: find, export (GDPR Art. 15) or erase (Art. 17) what is held about one"
            + " person.",
    subcommands = {
      PrivacyCommand.Find.class,
      PrivacyCommand.Export.class,
      PrivacyCommand.Erase.class
    })
final class PrivacyCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options of every privacy command: the data, and the person. */
  abstract static class SubjectOption {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--author",
        required = true,
        paramLabel = "HANDLE_OR_NAME",
        description = "The person: handle (@jane), display name, profile URL or e-mail address.")
    String author;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    String query(String path) {
      return path + "?author=" + ServerClient.encode(author);
    }

    /** What each store holds, as {@code GET /api/privacy/subjects} answers it. */
    JsonNode find(EmbeddedRuntime runtime) {
      return Json.snakeCase().valueToTree(runtime.privacy().find(author).summary());
    }
  }

  /** Prints who was found and what each store holds about them. */
  static void printFound(JsonNode found, PrintWriter out) {
    JsonNode authors = found.path("authors");
    out.printf(
        "%s: %d account%s%n",
        found.path("subject").asText(), authors.size(), authors.size() == 1 ? "" : "s");
    for (JsonNode author : authors) {
      out.printf("  %s  %s%n", author.path("id").asText(), author.path("name").asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = found.path("found").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> store = it.next();
      out.printf("  %6d  %s%n", store.getValue().asLong(), store.getKey().replace('_', ' '));
    }
    if (found.path("suppressed").asBoolean()) {
      out.println("  on the suppression list: imports and sources leave their posts out");
    }
  }

  @Command(
      name = "find",
      mixinStandardHelpOptions = true,
      description = "Say what each store holds about the person.")
  static final class Find extends SubjectOption implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      JsonNode found;
      try (EmbeddedRuntime runtime = options.open()) {
        found = find(runtime);
      } catch (EmbeddedRuntime.InUseException inUse) {
        found = ServerClient.holding(inUse).get(query("/api/privacy/subjects"));
      }
      printFound(found, out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write everything held about the person as one JSON document (to standard output or a"
              + " file readable by you alone).")
  static final class Export extends SubjectOption implements Callable<Integer> {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the export to this new file (mode 0600) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
      JsonNode export;
      try (EmbeddedRuntime runtime = options.open()) {
        export = Json.snakeCase().valueToTree(runtime.privacy().export(author, "command line"));
      } catch (EmbeddedRuntime.InUseException inUse) {
        export = ServerClient.holding(inUse).get(query("/api/privacy/subjects/export"));
      }
      ObjectMapper json = Json.snakeCase();
      String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(export);
      if (output == null) {
        out().println(text);
        return ExitCodes.OK;
      }
      try {
        Files.createFile(
            output,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        throw new IllegalArgumentException(
            output + " exists already; an export never overwrites a file", e);
      }
      Files.writeString(output, text + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      out().printf("exported what is held about %s to %s%n", author, output);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "erase",
      mixinStandardHelpOptions = true,
      description =
          "Erase the person from every store and keep them out of later imports; asks first"
              + " unless --yes.")
  static final class Erase extends SubjectOption implements Callable<Integer> {
    @Option(names = "--yes", description = "Erase without asking (for scripts).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
      try (EmbeddedRuntime runtime = options.open()) {
        JsonNode found = find(runtime);
        if (!confirmed(found)) {
          return ExitCodes.NO;
        }
        printErased(Json.snakeCase().valueToTree(runtime.privacy().erase(author, "command line")));
      } catch (EmbeddedRuntime.InUseException inUse) {
        ServerClient server = ServerClient.holding(inUse);
        if (!confirmed(server.get(query("/api/privacy/subjects")))) {
          return ExitCodes.NO;
        }
        printErased(server.post(query("/api/privacy/subjects/erase")));
      }
      return ExitCodes.OK;
    }

    /** Shows what will go and asks, unless --yes; without a terminal to ask on, refuses. */
    private boolean confirmed(JsonNode found) throws IOException {
      printFound(found, out());
      if (yes) {
        return true;
      }
      if (System.console() == null) {
        throw new IllegalArgumentException(
            "erasing cannot be undone and there is no terminal to ask on: add --yes to erase "
                + author
                + " without asking");
      }
      out().print("Erase " + author + " for good? Type yes to erase: ");
      out().flush();
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
        err().println("nothing erased");
        return false;
      }
      return true;
    }

    private void printErased(JsonNode erased) {
      out().printf("erased %s:%n", erased.path("subject").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = erased.path("erased").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> step = it.next();
        out().printf("  %6d  %s%n", step.getValue().asLong(), step.getKey().replace('_', ' '));
      }
      erased.path("notes").forEach(note -> out().println("  " + note.asText()));
    }
  }
}
