package org.cluetrain.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceException;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.jdbc.TestDatabase;
import org.cluetrain.jdbc.TestPostgres;

/**
 * The example workspace the web application's tests serve, on the storage the test run names: the
 * embedded default, or (system property {@code cluetrain.test.storage=postgresql}, the build's
 * second run of these tests) a fresh database on the test PostgreSQL server for the relational
 * data. The tests serve the example's two small projects; the third, a sample of several weeks, has
 * a test of its own ({@code ExampleWorkspaceTest}).
 */
public final class TestWorkspaces {
  private static final Path EXAMPLE = Path.of("../examples/workspace.yaml");

  private TestWorkspaces() {}

  /** The example workspace on the storage of this test run. */
  public static Workspace example() throws IOException, WorkspaceException {
    return example(List.of("bahn", "airlines"));
  }

  /** The example workspace with these of its projects, on the storage of this test run. */
  public static Workspace example(List<String> projects) throws IOException, WorkspaceException {
    Workspace workspace = WorkspaceReader.read(EXAMPLE).withProjects(projects);
    if (!"postgresql".equals(System.getProperty("cluetrain.test.storage"))) {
      return workspace;
    }
    return workspace.withStorage(
        StorageConfig.postgresql(
            TestDatabase.postgres().url(), TestPostgres.USER, TestPostgres.PASSWORD));
  }

  /** The example workspace opened in {@code data} with its samples imported, as serve starts it. */
  public static EmbeddedRuntime openExample(Path data) throws Exception {
    Workspace workspace = example();
    EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace);
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(workspace, (project, report) -> {});
    return runtime;
  }

  /**
   * Adds a user and returns an API token of theirs.
   *
   * @param projects the projects the user may see; empty for all
   */
  public static String userToken(
      EmbeddedRuntime runtime, String name, Role role, Set<String> projects) {
    runtime.access().addUser(name, role, name + " has a long secret", projects);
    return runtime.access().createToken(name, "tests");
  }
}
