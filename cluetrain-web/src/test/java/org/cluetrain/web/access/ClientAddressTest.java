package org.cluetrain.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.connectors.net.AddressBlock;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress behindProxies =
      new ClientAddress(List.of(AddressBlock.parse("10.0.0.0/8"), AddressBlock.parse("::1")));

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    ClientAddress direct = new ClientAddress(List.of());

    assertThat(direct.of("127.0.0.1", List.of("203.0.113.5"))).isEqualTo("127.0.0.1");
  }

  @Test
  void aConnectionFromAnUntrustedAddressIsTheClient() {
    assertThat(behindProxies.of("198.51.100.1", List.of("203.0.113.5"))).isEqualTo("198.51.100.1");
  }

  @Test
  void theRightMostUntrustedAddressIsTheClient() {
    assertThat(behindProxies.of("10.0.0.1", List.of("1.2.3.4, 203.0.113.5, 10.0.0.7")))
        .isEqualTo("203.0.113.5");
    assertThat(behindProxies.of("10.0.0.1", List.of("1.2.3.4", "203.0.113.5")))
        .isEqualTo("203.0.113.5");
    assertThat(behindProxies.of("::1", List.of("garbage"))).isEqualTo("garbage");
  }

  @Test
  void onlyProxiesForwardingMeansTheLeftMost() {
    assertThat(behindProxies.of("10.0.0.1", List.of("10.0.0.9, 10.0.0.8"))).isEqualTo("10.0.0.9");
    assertThat(behindProxies.of("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
  }
}
