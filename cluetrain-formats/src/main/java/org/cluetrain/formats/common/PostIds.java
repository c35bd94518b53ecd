package org.cluetrain.formats.common;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The id conventions shared by all readers, so that importing the same input twice yields the same
 * ids:
 *
 * <ol>
 *   <li>an item with an absolute permalink: {@code url:} + the URL, its fragment kept only when the
 *       fragment names a comment ({@code #comment-12});
 *   <li>otherwise the platform's own id: {@code x:123}, {@code reddit:t1_abc}, …;
 *   <li>otherwise the source id + {@code #} + SHA-1 of title, published time and text.
 * </ol>
 */
public final class PostIds {
  private static final Pattern COMMENT_FRAGMENT =
      Pattern.compile("(?i).*(comment|reply|respon|kommentar|antwort|cmt).*");

  private PostIds() {}

  /** {@code url:} + the absolute http(s) URL, or {@code null} when it is not one. */
  public static String fromUrl(String url) {
    String normal = absoluteUrl(url);
    return normal == null ? null : "url:" + normal;
  }

  /**
   * The URL stripped and checked: absolute http(s) only, fragment dropped unless it names a
   * comment; {@code null} otherwise.
   */
  public static String absoluteUrl(String url) {
    if (url == null) {
      return null;
    }
    String candidate = url.strip();
    String lower = candidate.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://")) || candidate.contains(" ")) {
      return null;
    }
    try {
      URI uri = URI.create(candidate);
      if (uri.getHost() == null) {
        return null;
      }
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
    int hash = candidate.indexOf('#');
    if (hash >= 0 && !COMMENT_FRAGMENT.matcher(candidate.substring(hash + 1)).matches()) {
      candidate = candidate.substring(0, hash);
    }
    return candidate;
  }

  /** Like {@link #absoluteUrl} but the empty string instead of {@code null}. */
  public static String absoluteUrlOrEmpty(String url) {
    String absolute = absoluteUrl(url);
    return absolute == null ? "" : absolute;
  }

  /** The last resort: source id + {@code #} + SHA-1 of title, published time and text. */
  public static String fromContent(String sourceId, String title, Instant published, String text) {
    return sourceId
        + "#"
        + sha1(
            (title == null ? "" : title) + "|" + (published == null ? "" : published) + "|" + text);
  }

  /** Lower-case hex SHA-1 of the UTF-8 bytes. */
  public static String sha1(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-1 is required of every JVM", impossible);
    }
  }

  /** The lower-case host of a URL, or {@code null}. */
  public static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }
}
