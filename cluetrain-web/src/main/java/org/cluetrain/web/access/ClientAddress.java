package org.cluetrain.web.access;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.cluetrain.connectors.net.AddressBlock;

/**
 * Who a request comes from, for limits such as sign-in throttling. Directly connected, it is the
 * connection's address. Behind a reverse proxy every request arrives from the proxy, so all users
 * would share one address: when the connection comes from a trusted proxy, the client is the
 * right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy (anything to its
 * left was written by the client and may be made up). Without trusted proxies the header is
 * ignored, as anyone can send it.
 */
final class ClientAddress {
  private final List<AddressBlock> trustedProxies;

  ClientAddress(List<AddressBlock> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /**
   * The client's address.
   *
   * @param remote the address the connection comes from
   * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
   */
  String of(String remote, List<String> forwardedFor) {
    if (!isTrusted(remote)) {
      return remote;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    Collections.reverse(hops);
    for (String hop : hops) {
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    // every hop is a trusted proxy: the left-most is as close to the client as we know
    return hops.isEmpty() ? remote : hops.get(hops.size() - 1);
  }

  /**
   * Whether a connection comes from a trusted proxy: only then are its {@code X-Forwarded-*}
   * headers believed.
   */
  boolean isTrustedProxy(String remote) {
    return isTrusted(remote);
  }

  private boolean isTrusted(String address) {
    if (trustedProxies.isEmpty()) {
      return false;
    }
    Optional<InetAddress> literal = AddressBlock.literal(address);
    return literal.isPresent() && trustedProxies.stream().anyMatch(b -> b.contains(literal.get()));
  }
}
