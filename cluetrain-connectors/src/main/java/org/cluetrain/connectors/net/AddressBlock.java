package org.cluetrain.connectors.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}) or a single address, parsed without ever
 * looking up a name.
 */
public final class AddressBlock {
  private final byte[] network;
  private final int prefix;
  private final String text;

  private AddressBlock(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses {@code address} or {@code address/prefix}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static AddressBlock parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    InetAddress address =
        literal(addressText)
            .orElseThrow(
                () -> new IllegalArgumentException("'" + addressText + "' is not an IP address"));
    byte[] network = address.getAddress();
    int bits = network.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String prefixText = text.substring(slash + 1);
      if (!prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > bits) {
        throw new IllegalArgumentException(
            "the prefix length must be a number from 0 to " + bits + ", not '" + prefixText + "'");
      }
      prefix = Integer.parseInt(prefixText);
    }
    return new AddressBlock(network, prefix, text);
  }

  /**
   * The address written in the text, if it is an IPv4 or IPv6 address: never a name lookup, as the
   * JDK would do for anything else.
   */
  public static Optional<InetAddress> literal(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (v4 && Arrays.stream(bare.split("\\.")).anyMatch(part -> Integer.parseInt(part) > 255)) {
      return Optional.empty();
    }
    boolean v6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(bare));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether the address is in the block (IPv4-mapped IPv6 addresses count as IPv4). */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      candidate = AddressPolicy.unmapped(address).getAddress();
      if (candidate.length != network.length) {
        return false;
      }
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[whole] & mask) == (network[whole] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
