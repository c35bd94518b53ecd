package org.cluetrain.app.workspace;

import java.util.List;

/** The workspace file has errors; all of them are listed, each with file and line. */
public final class WorkspaceException extends Exception {
  private final List<String> problems;

  public WorkspaceException(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : problems.size() + " problems in the workspace:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
