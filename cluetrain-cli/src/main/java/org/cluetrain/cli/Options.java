package org.cluetrain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceException;
import org.cluetrain.app.workspace.WorkspaceReader;
import picocli.CommandLine.Option;

/** Options every command that touches data shares. */
final class Options {
  /** Read when no {@code --workspace} is given and it exists in the working directory. */
  static final Path DEFAULT_WORKSPACE = Path.of("cluetrain.yaml");

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "cluetrain-data")
  Path data;

  @Option(
      names = {"-w", "--workspace"},
      paramLabel = "FILE",
      description =
          "Workspace file with projects, sources and queries (default: ./cluetrain.yaml if present).")
  Path workspace;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  Workspace readWorkspace() throws WorkspaceException {
    Path file = workspace != null ? workspace : DEFAULT_WORKSPACE;
    if (workspace == null && !Files.exists(file)) {
      return Workspace.empty(java.util.List.of());
    }
    if (!Files.isRegularFile(file)) {
      throw new WorkspaceException(java.util.List.of(file + ": no such workspace file"));
    }
    return WorkspaceReader.read(file);
  }

  EmbeddedRuntime open() throws WorkspaceException, IOException {
    return EmbeddedRuntime.open(data, readWorkspace());
  }

  /** The project to use: the one named, or the workspace's only project, or none. */
  static String project(Workspace workspace, String named) {
    if (named != null) {
      if (workspace.project(named).isEmpty() && !workspace.projects().isEmpty()) {
        throw new IllegalArgumentException(
            "no project '"
                + named
                + "' in the workspace; it has "
                + workspace.projects().stream().map(Workspace.Project::name).toList());
      }
      return named;
    }
    return workspace.projects().size() == 1 ? workspace.projects().get(0).name() : null;
  }
}
