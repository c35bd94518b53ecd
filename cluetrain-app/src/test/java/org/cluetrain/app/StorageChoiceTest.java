package org.cluetrain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.app.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime opens the storage the workspace names, and refuses one this build lacks. */
class StorageChoiceTest {
  @TempDir Path data;

  @Test
  void aKindThisBuildLacksIsRefusedAndLeavesTheDataDirectoryFree() throws Exception {
    StorageConfig postgresql =
        new StorageConfig(
            StorageConfig.Kind.POSTGRESQL,
            "jdbc:postgresql://localhost/cluetrain",
            "u",
            null,
            null);
    Workspace workspace = new Workspace(null, List.of("de", "en"), List.of(), null, postgresql);
    assertThatThrownBy(() -> EmbeddedRuntime.open(data, workspace))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("storage kind postgresql is not available in this build");

    try (EmbeddedRuntime runtime =
        EmbeddedRuntime.open(data, Workspace.empty(List.of("de", "en")))) {
      assertThat(runtime.workspace().storage()).isEqualTo(StorageConfig.EMBEDDED);
      assertThat(runtime.rollups().stats(null).posts()).isZero();
    }
  }
}
