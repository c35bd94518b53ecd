package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.PostView;
import org.cluetrain.json.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description = {
      "Teach a project what is relevant: label posts relevant or not; the project's relevance"
          + " model retrains in seconds and proposes the posts it is least sure about next."
    },
    subcommands = {LabelCommand.Add.class, LabelCommand.Next.class})
final class LabelCommand implements Runnable {
  /** The API's JSON: the command prints the same whether it asked the server or not. */
  private static final ObjectMapper JSON = Json.snakeCase();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Label a stored post relevant or irrelevant to a project.")
  static final class Add implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "POST_ID",
        description = "The post's id (as search --format jsonl shows it).")
    String postId;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "P",
        description = "The project (default: the workspace's only project).")
    String project;

    static final class Verdict {
      @Option(names = "--relevant", required = true, description = "The post is about the project.")
      boolean relevant;

      @Option(names = "--irrelevant", required = true, description = "It only shares a word.")
      boolean irrelevant;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      JsonNode outcome;
      try (EmbeddedRuntime runtime = options.open()) {
        String chosen = Options.project(runtime.workspace(), project);
        if (chosen == null) {
          throw new IllegalArgumentException("say which project with --project");
        }
        outcome = JSON.valueToTree(runtime.relevance().label(chosen, postId, verdict.relevant));
      } catch (EmbeddedRuntime.InUseException inUse) {
        ServerClient server = ServerClient.holding(inUse);
        String chosen = project != null ? project : server.onlyProject("labels for");
        outcome =
            server.postJson(
                "/api/projects/" + ServerClient.encode(chosen) + "/labels",
                Map.of("post_id", postId, "relevant", verdict.relevant));
      }
      out.printf(
          "labelled %s %s for %s (%d labels, %d relevant)%n",
          postId,
          verdict.relevant ? "relevant" : "irrelevant",
          outcome.path("project").asText(),
          outcome.path("labels").asInt(),
          outcome.path("relevant_labels").asInt());
      if (outcome.path("model_trained").asBoolean()) {
        out.printf(
            "retrained the relevance model in %.1f s and re-labelled %d stored posts%n",
            outcome.path("training_millis").asLong() / 1000.0,
            outcome.path("posts_relabelled").asInt());
      } else {
        out.println("the model trains once there are relevant and irrelevant labels");
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "next",
      mixinStandardHelpOptions = true,
      description =
          "The unlabelled posts most worth labelling next (the model is least sure about them).")
  static final class Next implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "P",
        description = "The project (default: the workspace's only project).")
    String project;

    @Option(
        names = "--limit",
        defaultValue = "10",
        description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String chosen;
      JsonNode candidates;
      try (EmbeddedRuntime runtime = options.open()) {
        chosen = Options.project(runtime.workspace(), project);
        if (chosen == null) {
          throw new IllegalArgumentException("say which project with --project");
        }
        candidates =
            JSON.valueToTree(
                runtime.relevance().next(chosen, limit).stream().map(PostView::of).toList());
      } catch (EmbeddedRuntime.InUseException inUse) {
        ServerClient server = ServerClient.holding(inUse);
        chosen = project != null ? project : server.onlyProject("labels for");
        candidates =
            server.get(
                "/api/projects/" + ServerClient.encode(chosen) + "/labels/next?limit=" + limit);
      }
      for (JsonNode candidate : candidates) {
        JsonNode post = candidate.path("post");
        String text =
            (post.hasNonNull("title") ? post.path("title").asText() + "\n\n" : "")
                + post.path("text").asText();
        text = text.replaceAll("\\s+", " ").strip();
        out.printf(
            "%s  %s%n    %s%n",
            candidate.hasNonNull("relevant_probability")
                ? String.format(
                    Locale.ROOT,
                    "p(relevant)=%.2f",
                    candidate.path("relevant_probability").asDouble())
                : "p(relevant)=?   ",
            post.path("id").asText(),
            text.length() > 160 ? text.substring(0, 159) + "…" : text);
      }
      if (candidates.isEmpty()) {
        out.println("nothing left to label in " + chosen);
      }
      return ExitCodes.OK;
    }
  }
}
