package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cluetrain.app.storage.StorageConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's {@code storage:} section: which backend the runtime opens. */
class WorkspaceStorageTest {
  @TempDir Path dir;

  private static final String PROJECTS =
      """
      projects:
        - name: bahn
      """;

  Workspace read(String yaml) throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(file, yaml);
    return WorkspaceReader.read(file);
  }

  /** Every problem the file has, one message. */
  String problems(String yaml) throws Exception {
    try {
      read(yaml);
    } catch (WorkspaceException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("no problem found in " + yaml);
  }

  @Test
  void withoutASectionTheStorageIsEmbedded() throws Exception {
    assertThat(read(PROJECTS).storage()).isEqualTo(StorageConfig.EMBEDDED);
  }

  @Test
  void embeddedCanBeNamed() throws Exception {
    assertThat(read("storage:\n  kind: embedded\n" + PROJECTS).storage())
        .isEqualTo(StorageConfig.EMBEDDED);
  }

  @Nested
  class Problems {
    @Test
    void postgresqlIsNotAvailableInThisBuildAndIsReportedWithEveryOtherProblem() throws Exception {
      String message =
          problems(
              """
              storage:
                kind: postgresql
                url: jdbc:postgresql://localhost:5432/cluetrain
                user: cluetrain
                password-env: CLUETRAIN_DB_PASSWORD
              projects:
                - name: Bahn
              """);
      assertThat(message)
          .contains(":2: storage kind postgresql is not available in this build")
          .contains(":7: project name 'Bahn' must be lower case");
    }

    @Test
    void anUnknownKindNamesTheKnownOnes() throws Exception {
      assertThat(problems("storage:\n  kind: oracle\n" + PROJECTS))
          .contains(":2: storage kind 'oracle' is unknown, expected one of embedded, postgresql");
    }

    @Test
    void embeddedStorageTakesNoDatabaseSettings() throws Exception {
      assertThat(problems("storage:\n  kind: embedded\n  url: jdbc:sqlite:x.db\n" + PROJECTS))
          .contains(":3: 'url' is for storage kind postgresql");
    }

    @Test
    void postgresqlNeedsAPostgresqlUrlAndOnePassword() throws Exception {
      String message =
          problems(
              """
              storage:
                kind: postgresql
                url: jdbc:mysql://localhost/cluetrain
                password: secret
                password-env: DB_PASSWORD
              """
                  + PROJECTS);
      assertThat(message)
          .contains(":3: url 'jdbc:mysql://localhost/cluetrain' is not a PostgreSQL JDBC URL")
          .contains(":5: give either 'password' or 'password-env', not both");
      assertThat(problems("storage:\n  kind: postgresql\n" + PROJECTS))
          .contains("storage kind postgresql needs 'url'");
    }

    @Test
    void theKindIsRequired() throws Exception {
      assertThat(problems("storage:\n  url: jdbc:postgresql://h/db\n" + PROJECTS))
          .contains("a 'storage' section needs 'kind'");
    }
  }
}
