package org.cluetrain.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cluetrain}: listen to the conversations about you, from the command line. */
@Command(
    name = "cluetrain",
    mixinStandardHelpOptions = true,
    version = "Cluetrain 0.1.0",
    description = "Listen to, understand and take part in the conversations about you.",
    subcommands = {
      ImportCommand.class,
      SearchCommand.class,
      ExportCommand.class,
      StatsCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      QueryCommand.class,
      LabelCommand.class,
      UsersCommand.class,
      AlertsCommand.class,
      GoalsCommand.class,
      AuditCommand.class,
      PrivacyCommand.class,
      RetentionCommand.class,
      ModelCommands.Train.class,
      ModelCommands.Eval.class,
      ModelCommands.Classify.class,
      CommandLine.HelpCommand.class
    })
public final class CluetrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the tool with these streams; returns the exit code (used by tests, too). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new CluetrainCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug =
              parseResult.hasMatchedOption("--debug")
                  || parseResult.subcommands().stream()
                      .anyMatch(s -> s.hasMatchedOption("--debug"));
          if (debug) {
            e.printStackTrace(err);
          } else {
            err.println("cluetrain: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          }
          return ExitCodes.UNUSABLE;
        });
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          err.println("cluetrain: " + e.getMessage());
          e.getCommandLine().usage(err);
          return ExitCodes.UNUSABLE;
        });
    return cli.execute(args);
  }
}
