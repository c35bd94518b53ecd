package org.cluetrain.connectors.feed;

/**
 * Reason phrases for the statuses feeds commonly answer with; {@code java.net.http} does not expose
 * the one the server sent, and "HTTP 410" alone means little to most users.
 */
public final class HttpStatusNames {
  private HttpStatusNames() {}

  /** {@code " Not Found"} for 404, empty for statuses without a well-known name. */
  public static String suffix(int status) {
    String name =
        switch (status) {
          case 300 -> "Multiple Choices";
          case 301 -> "Moved Permanently";
          case 302 -> "Found";
          case 303 -> "See Other";
          case 307 -> "Temporary Redirect";
          case 308 -> "Permanent Redirect";
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 405 -> "Method Not Allowed";
          case 406 -> "Not Acceptable";
          case 408 -> "Request Timeout";
          case 410 -> "Gone";
          case 429 -> "Too Many Requests";
          case 451 -> "Unavailable For Legal Reasons";
          case 500 -> "Internal Server Error";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> null;
        };
    return name == null ? "" : " " + name;
  }
}
