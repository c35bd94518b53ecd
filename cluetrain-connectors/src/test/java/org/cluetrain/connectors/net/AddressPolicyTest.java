package org.cluetrain.connectors.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  private final AddressPolicy publicOnly = AddressPolicy.publicOnly();

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8080/admin/users, 127.0.0.1, a loopback address",
    "http://127.1.2.3/, 127.1.2.3, a loopback address",
    "http://[::1]/, 0:0:0:0:0:0:0:1, a loopback address",
    "http://169.254.169.254/latest/meta-data/, 169.254.169.254, a link-local address",
    "http://[fe80::1]/, fe80:0:0:0:0:0:0:1, a link-local address",
    "http://10.0.0.1/, 10.0.0.1, a private address",
    "http://172.16.5.4/, 172.16.5.4, a private address",
    "http://172.31.255.255/, 172.31.255.255, a private address",
    "http://192.168.1.1/, 192.168.1.1, a private address",
    "http://[fd12:3456::1]/, fd12:3456:0:0:0:0:0:1, a unique-local (private) address",
    "http://224.0.0.1/, 224.0.0.1, a multicast address",
    "http://[ff02::1]/, ff02:0:0:0:0:0:0:1, a multicast address",
    "http://0.0.0.0/, 0.0.0.0, an unspecified address",
    "http://[::]/, 0:0:0:0:0:0:0:0, an unspecified address",
    "http://[::ffff:127.0.0.1]/, 127.0.0.1, a loopback address",
  })
  void internalAddressesAreRefusedByDefault(String url, String address, String kind) {
    assertThatThrownBy(() -> publicOnly.check(URI.create(url)))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessage(
            "refused "
                + url
                + ": "
                + address
                + ", "
                + kind
                + "; an admin can allow it in the workspace's network.allow");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.215.14/feed",
        "https://172.32.0.1/",
        "http://172.15.255.255/",
        "http://[2001:db8::1]/"
      })
  void publicAddressesAreAllowed(String url) throws Exception {
    publicOnly.check(URI.create(url));
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> publicOnly.check(URI.create("file:///etc/passwd")))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessage(
            "refused file:///etc/passwd: only http and https addresses are fetched, not 'file'");
  }

  @Test
  void anAdminAllowsAddressesBlocksAndHostNames() throws Exception {
    AddressPolicy policy =
        AddressPolicy.allowing(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8", "intranet.invalid"));

    policy.check(URI.create("http://127.0.0.1:9000/feed"));
    policy.check(URI.create("http://10.200.3.4/feed"));
    policy.check(URI.create("http://[fd00::5]/feed"));
    // allowed by name: not even resolved
    policy.check(URI.create("http://intranet.invalid/feed"));
    assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.2/")))
        .isInstanceOf(RefusedAddressException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://192.168.0.1/")))
        .isInstanceOf(RefusedAddressException.class);
  }

  @Test
  void aHostNameIsJudgedByWhatItResolvesTo() throws Exception {
    InetAddress[] localhost = InetAddress.getAllByName("localhost");
    assertThat(localhost).isNotEmpty();

    assertThatThrownBy(() -> publicOnly.check(URI.create("http://localhost:8080/")))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("localhost resolves to ")
        .hasMessageContaining("a loopback address");
  }

  @Test
  void invalidEntriesAreNamedAll() {
    assertThatThrownBy(
            () -> AddressPolicy.allowing(List.of("10.0.0.0/33", "not a host", "300.1.2.3/8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "allowed network addresses: '10.0.0.0/33': the prefix length must be a number from 0"
                + " to 32, not '33'; 'not a host': it is neither a host name, an address nor a"
                + " CIDR block such as 10.0.0.0/8; '300.1.2.3/8': '300.1.2.3' is not an IP"
                + " address");
  }
}
