package org.cluetrain.formats.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.UnusableInputException;

/** Reading an input's first bytes for detection, and small inputs whole. */
public final class InputBytes {
  /** How much of an input detection looks at. */
  public static final int HEAD_SIZE = 64 * 1024;

  /**
   * A regular expression for what may precede an XML document's root element: whitespace, the
   * declaration, processing instructions, comments and a DOCTYPE with an internal subset.
   */
  public static final String XML_PROLOG =
      "(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*";

  private InputBytes() {}

  /**
   * The first {@link #HEAD_SIZE} bytes decoded as UTF-8 leniently (UTF-16 when it starts with a
   * UTF-16 byte-order mark), without a byte-order mark.
   */
  public static String head(InputDocument input) throws UnusableInputException {
    byte[] bytes;
    try (InputStream in = input.open()) {
      bytes = in.readNBytes(HEAD_SIZE);
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
    return decodeHead(bytes);
  }

  /** Decodes a head leniently; malformed bytes become U+FFFD. */
  public static String decodeHead(byte[] bytes) {
    var charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      skip = 3;
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
    } catch (java.nio.charset.CharacterCodingException impossible) {
      return "";
    }
  }

  /**
   * Reads a whole input that formats like a feed or a web page have to hold in memory anyway.
   *
   * @param limit the most bytes accepted; larger inputs are unusable
   */
  public static byte[] readAll(InputDocument input, int limit) throws UnusableInputException {
    try (InputStream in = input.open()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new UnusableInputException(
            input.name(),
            "larger than " + (limit / (1024 * 1024)) + " MiB, too large for this format");
      }
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Whether the text, after leading whitespace and comments, starts with one of the prefixes. */
  public static boolean startsWithAny(String head, String... prefixes) {
    String start = head.stripLeading();
    for (String prefix : prefixes) {
      if (start.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
