package org.cluetrain.connectors.source;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A successful answer of an API: its status, headers and body.
 *
 * @param uri what was asked
 * @param status the HTTP status (2xx)
 * @param headers the response headers
 * @param body the body, at most the client's limit
 */
public record ApiResponse(URI uri, int status, HttpHeaders headers, byte[] body) {
  private static final Pattern LINK =
      Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)", Pattern.CASE_INSENSITIVE);

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The target of the {@code Link} header's relation (RFC 8288), such as {@code next}, resolved
   * against the request's address.
   */
  public Optional<URI> link(String relation) {
    for (String header : headers.allValues("Link")) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        String params = m.group(2);
        if (params.matches(
            "(?is).*;\\s*rel\\s*=\\s*\"?([^\";]*\\s)?" + relation + "(\\s[^\";]*)?\"?.*")) {
          try {
            return Optional.of(uri.resolve(m.group(1).strip()));
          } catch (IllegalArgumentException unusable) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }
}
