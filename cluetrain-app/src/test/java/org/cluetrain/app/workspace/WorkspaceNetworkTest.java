package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cluetrain.connectors.net.RefusedAddressException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's {@code network:} section: which internal addresses an admin allows. */
class WorkspaceNetworkTest {
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

  @Test
  void withoutASectionOnlyPublicAddressesAreReached() throws Exception {
    Workspace workspace = read(PROJECTS);

    assertThat(workspace.network().allowed()).isEmpty();
    assertThatThrownBy(() -> workspace.network().check(URI.create("http://127.0.0.1:8080/")))
        .isInstanceOf(RefusedAddressException.class);
    assertThatThrownBy(() -> workspace.network().check(URI.create("http://169.254.169.254/")))
        .isInstanceOf(RefusedAddressException.class);
  }

  @Test
  void allowedHostsAddressesAndBlocksAreReached() throws Exception {
    Workspace workspace =
        read(
            """
            network:
              allow:
                - 127.0.0.1
                - 10.0.0.0/8
                - intranet.invalid
            """
                + PROJECTS);

    assertThat(workspace.network().allowed())
        .containsExactly("127.0.0.1", "10.0.0.0/8", "intranet.invalid");
    workspace.network().check(URI.create("http://127.0.0.1:8080/feed"));
    workspace.network().check(URI.create("http://10.1.2.3/feed"));
    workspace.network().check(URI.create("http://intranet.invalid/feed"));
    assertThatThrownBy(() -> workspace.network().check(URI.create("http://192.168.1.1/")))
        .isInstanceOf(RefusedAddressException.class);
  }

  @Test
  void aBadEntryIsAProblemNamingItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    network:
                      allow: [10.0.0.0/40]
                    """
                        + PROJECTS))
        .isInstanceOf(WorkspaceException.class)
        .satisfies(
            e ->
                assertThat(((WorkspaceException) e).problems())
                    .containsExactly(
                        dir.resolve("cluetrain.yaml")
                            + ":2: network: allowed network addresses: '10.0.0.0/40': the prefix"
                            + " length must be a number from 0 to 32, not '40'"));
  }

  @Test
  void anUnknownKeyIsAProblem() {
    assertThatThrownBy(() -> read("network:\n  permit: [127.0.0.1]\n" + PROJECTS))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("unknown key 'permit' in 'network', expected one of allow");
  }

  @Test
  void theSettingIsKeptWhenTheStorageChanges() throws Exception {
    Workspace workspace = read("network:\n  allow: [127.0.0.1]\n" + PROJECTS);

    assertThat(workspace.withStorage(workspace.storage()).network().allowed())
        .isEqualTo(List.of("127.0.0.1"));
  }

  @Test
  void publicHostsNameTheServersOwnNamesAndABadOneIsAProblemNamingItsLine() throws Exception {
    Workspace workspace =
        read(
            """
            network:
              trusted-proxies: [127.0.0.1]
              public-hosts: [Listening.Example.org, cluetrain.intranet]
            """
                + PROJECTS);
    assertThat(workspace.publicHosts())
        .containsExactly("listening.example.org", "cluetrain.intranet");
    assertThat(read(PROJECTS).publicHosts()).isEmpty();

    assertThatThrownBy(
            () ->
                read(
                    """
                    network:
                      public-hosts: ["https://listening.example.org/"]
                    """
                        + PROJECTS))
        .isInstanceOf(WorkspaceException.class)
        .satisfies(
            e ->
                assertThat(((WorkspaceException) e).problems())
                    .singleElement()
                    .asString()
                    .contains(":2:", "network.public-hosts", "https://listening.example.org/"));
  }
}
