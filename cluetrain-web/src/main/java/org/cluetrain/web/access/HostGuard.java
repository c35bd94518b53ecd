package org.cluetrain.web.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.connectors.net.AddressBlock;

/**
 * Which {@code Host} a request may name. A web page on another site can make a browser send
 * requests to this server by rebinding its own host name to this machine's address (DNS rebinding);
 * the browser then treats the answers as that site's and shares them with its script. Such requests
 * still name the other site's host, so the server answers only requests naming loopback ({@code
 * localhost}), an address, or a host name the workspace lists in {@code network.public-hosts} (the
 * name a reverse proxy serves it under).
 */
final class HostGuard {
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.");

  private final Set<String> publicHosts;

  /**
   * @param publicHosts the host names the server is reached by, lower case
   * @param bindHost the interface the server listens on: a name given there is the server's own
   */
  HostGuard(List<String> publicHosts, String bindHost) {
    java.util.Set<String> hosts = new java.util.HashSet<>();
    publicHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    if (bindHost != null && !bindHost.isBlank()) {
      hosts.add(bindHost.toLowerCase(Locale.ROOT));
    }
    this.publicHosts = Set.copyOf(hosts);
  }

  /**
   * Why a request naming this host is refused, or empty if it is not.
   *
   * @param host the request's {@code Host} header (with its port, if any), or null
   */
  Optional<String> refusal(String host) {
    if (host == null || host.isBlank()) {
      return Optional.of("the request names no host (send a Host header)");
    }
    String name = hostName(host.strip());
    if (name == null) {
      return Optional.of("the Host header is not a host name or address: " + printable(host));
    }
    if (LOOPBACK_NAMES.contains(name)
        || publicHosts.contains(name)
        || AddressBlock.literal(name).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "this server does not answer to the host name '"
            + printable(name)
            + "': add it to 'network.public-hosts' in the workspace file if people reach the"
            + " server by that name");
  }

  /** The host of a Host header, without port and brackets, lower case; null if malformed. */
  private static String hostName(String host) {
    String name;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      if (end < 0 || (end + 1 < host.length() && !port(host.substring(end + 1)))) {
        return null;
      }
      name = host.substring(1, end);
    } else {
      int colon = host.indexOf(':');
      if (colon >= 0 && (host.indexOf(':', colon + 1) >= 0 || !port(host.substring(colon)))) {
        return null;
      }
      name = colon < 0 ? host : host.substring(0, colon);
    }
    if (name.isEmpty() || !name.chars().allMatch(HostGuard::hostCharacter)) {
      return null;
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static boolean port(String text) {
    return text.matches(":[0-9]{1,5}");
  }

  private static boolean hostCharacter(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || c == ':'
        || c == '%'
        || c == '_';
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(100)
        .forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || c > 0x7e ? '?' : c));
    return out.toString();
  }
}
