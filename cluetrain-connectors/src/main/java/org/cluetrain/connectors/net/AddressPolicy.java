package org.cluetrain.connectors.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses Cluetrain may connect to on behalf of what someone typed or imported: feeds,
 * subscriptions from OPML files and webhooks. Whoever can add a feed could otherwise make the
 * server fetch its own admin pages ({@code http://127.0.0.1:8080/admin/users}), a cloud's metadata
 * service ({@code http://169.254.169.254/}) or anything on the local network, and read the answers
 * in the sources' health.
 *
 * <p>Refused unless allowed: loopback ({@code 127.0.0.0/8}, {@code ::1}), link-local ({@code
 * 169.254.0.0/16}, {@code fe80::/10}), private ({@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code
 * 192.168.0.0/16}, unique-local {@code fc00::/7}), multicast and unspecified ({@code 0.0.0.0},
 * {@code ::}) addresses, also when written as IPv4-mapped IPv6. A host name is judged by every
 * address it resolves to, right before each connection and each redirect, so a name pointing to
 * {@code 127.0.0.1} is refused like the address itself.
 *
 * <p>An admin allows exceptions with a list of host names ({@code intranet.example}), addresses
 * ({@code 10.1.2.3}) and CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}).
 */
public final class AddressPolicy {
  private static final Set<String> SCHEMES = Set.of("http", "https");

  private final List<String> hosts;
  private final List<AddressBlock> blocks;
  private final List<String> entries;

  private AddressPolicy(List<String> hosts, List<AddressBlock> blocks, List<String> entries) {
    this.hosts = List.copyOf(hosts);
    this.blocks = List.copyOf(blocks);
    this.entries = List.copyOf(entries);
  }

  /** Public addresses only: the default. */
  public static AddressPolicy publicOnly() {
    return new AddressPolicy(List.of(), List.of(), List.of());
  }

  /**
   * Public addresses and the given exceptions.
   *
   * @param allowed host names, addresses and CIDR blocks
   * @throws IllegalArgumentException naming every entry that is none of these
   */
  public static AddressPolicy allowing(List<String> allowed) {
    List<String> hosts = new ArrayList<>();
    List<AddressBlock> blocks = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String raw : allowed) {
      String entry = raw == null ? "" : raw.strip();
      try {
        if (entry.isEmpty()) {
          throw new IllegalArgumentException("it is empty");
        }
        if (entry.contains("/") || isLiteralAddress(entry)) {
          blocks.add(AddressBlock.parse(entry));
        } else if (entry.matches("[A-Za-z0-9.-]+") && !entry.startsWith(".")) {
          hosts.add(entry.toLowerCase(Locale.ROOT));
        } else {
          throw new IllegalArgumentException(
              "it is neither a host name, an address nor a CIDR block such as 10.0.0.0/8");
        }
      } catch (IllegalArgumentException e) {
        problems.add("'" + entry + "': " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "allowed network addresses: " + String.join("; ", problems));
    }
    return new AddressPolicy(hosts, blocks, allowed.stream().map(String::strip).toList());
  }

  /** The exceptions, as given. */
  public List<String> allowed() {
    return entries;
  }

  /**
   * Checks a URL before connecting to it: its scheme, and every address its host resolves to now.
   *
   * @throws RefusedAddressException when the URL is not http(s) or one of the addresses is refused
   * @throws UnknownHostException when the host does not resolve
   */
  public void check(URI uri) throws RefusedAddressException, UnknownHostException {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new RefusedAddressException(
          uri, "only http and https addresses are fetched, not '" + scheme + "'");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new RefusedAddressException(uri, "the address has no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (hosts.contains(bare.toLowerCase(Locale.ROOT))) {
      return;
    }
    for (InetAddress address : InetAddress.getAllByName(bare)) {
      String kind = restrictedKind(address);
      if (kind != null && blocks.stream().noneMatch(block -> block.contains(address))) {
        throw new RefusedAddressException(
            uri,
            (isLiteralAddress(bare) ? "" : host + " resolves to ")
                + address.getHostAddress()
                + ", "
                + kind
                + "; an admin can allow it in the workspace's network.allow");
      }
    }
  }

  /** What kind of address this is, if it is one refused by default. */
  static @Nullable String restrictedKind(InetAddress address) {
    InetAddress judged = unmapped(address);
    if (judged.isAnyLocalAddress()) {
      return "an unspecified address";
    }
    if (judged.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (judged.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (judged.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] bytes = judged.getAddress();
    if (judged instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0) {
        return "an unspecified address";
      }
      if (first == 10 || (first == 172 && second >= 16 && second <= 31)) {
        return "a private address";
      }
      if (first == 192 && second == 168) {
        return "a private address";
      }
    } else if (judged instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return "a unique-local (private) address";
      }
      if ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0) {
        return "a site-local (private) address";
      }
    }
    return null;
  }

  /**
   * The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}), else itself.
   */
  static InetAddress unmapped(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != 16) {
      return address;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return address;
      }
    }
    if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
    } catch (UnknownHostException impossible) {
      return address;
    }
  }

  /** Whether the text is an IPv4 or IPv6 address written out (no name to resolve). */
  static boolean isLiteralAddress(String text) {
    return text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || (text.contains(":") && text.matches("[0-9A-Fa-f:.]+"));
  }

  @Override
  public String toString() {
    return entries.isEmpty() ? "public addresses only" : "public addresses and " + entries;
  }
}
