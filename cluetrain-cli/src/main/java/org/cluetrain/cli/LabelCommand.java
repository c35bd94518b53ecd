package org.cluetrain.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.relevance.RelevanceLoop;
import org.cluetrain.model.Post;
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
      try (EmbeddedRuntime runtime = options.open()) {
        String chosen = Options.project(runtime.workspace(), project);
        if (chosen == null) {
          throw new IllegalArgumentException("say which project with --project");
        }
        RelevanceLoop.Outcome outcome = runtime.relevance().label(chosen, postId, verdict.relevant);
        out.printf(
            "labelled %s %s for %s (%d labels, %d relevant)%n",
            postId,
            verdict.relevant ? "relevant" : "irrelevant",
            chosen,
            outcome.labels(),
            outcome.relevantLabels());
        if (outcome.modelTrained()) {
          out.printf(
              "retrained the relevance model in %.1f s and re-labelled %d stored posts%n",
              outcome.trainingMillis() / 1000.0, outcome.postsRelabelled());
        } else {
          out.println("the model trains once there are relevant and irrelevant labels");
        }
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
      try (EmbeddedRuntime runtime = options.open()) {
        String chosen = Options.project(runtime.workspace(), project);
        if (chosen == null) {
          throw new IllegalArgumentException("say which project with --project");
        }
        List<RelevanceLoop.Candidate> candidates = runtime.relevance().next(chosen, limit);
        for (RelevanceLoop.Candidate candidate : candidates) {
          Post post = candidate.post().post();
          String text = post.fullText().replaceAll("\\s+", " ").strip();
          out.printf(
              "%s  %s%n    %s%n",
              candidate.relevantProbability() == null
                  ? "p(relevant)=?   "
                  : String.format("p(relevant)=%.2f", candidate.relevantProbability()),
              post.id(),
              text.length() > 160 ? text.substring(0, 159) + "…" : text);
        }
        if (candidates.isEmpty()) {
          out.println("nothing left to label in " + chosen);
        }
      }
      return ExitCodes.OK;
    }
  }
}
