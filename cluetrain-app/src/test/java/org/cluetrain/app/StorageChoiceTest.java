package org.cluetrain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.app.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime opens the storage the workspace names; a database it cannot reach is refused at start
 * with the database named, and the data directory stays free for the next try.
 */
class StorageChoiceTest {
  @TempDir Path data;

  @Test
  void anUnreachableDatabaseIsRefusedAndLeavesTheDataDirectoryFree() throws Exception {
    int nobodyListens;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobodyListens = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/cluetrain";
    StorageConfig postgresql =
        new StorageConfig(StorageConfig.Kind.POSTGRESQL, url, "u", null, null);
    Workspace workspace = new Workspace(null, List.of("de", "en"), List.of(), null, postgresql);
    assertThatThrownBy(() -> EmbeddedRuntime.open(data, workspace))
        .hasMessageStartingWith("cannot open the database " + url + ": ");

    try (EmbeddedRuntime runtime =
        EmbeddedRuntime.open(data, Workspace.empty(List.of("de", "en")))) {
      assertThat(runtime.workspace().storage()).isEqualTo(StorageConfig.EMBEDDED);
      assertThat(runtime.rollups().stats(null).posts()).isZero();
    }
  }
}
