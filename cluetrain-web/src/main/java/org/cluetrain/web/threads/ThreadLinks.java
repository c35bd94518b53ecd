package org.cluetrain.web.threads;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Thread ids in page addresses. Ids come from sources and may hold slashes ({@code
 * mastodon:https://…}), which a path segment cannot carry; such ids travel as {@code ~} and their
 * base64url form, plain ids as they are.
 */
public final class ThreadLinks {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:@-]+");

  private ThreadLinks() {}

  /** The page of a thread, e.g. {@code /threads/x:123}. */
  public static String path(String threadId) {
    return "/threads/" + segment(threadId);
  }

  /** The page of a thread with one of its posts picked out. */
  public static String path(String threadId, String postId) {
    return path(threadId) + "#" + anchor(postId);
  }

  /** An element id for a post that is safe in HTML and in a URL fragment. */
  public static String anchor(String postId) {
    return "post-" + segment(postId).replace("~", "b");
  }

  static String segment(String id) {
    if (PLAIN.matcher(id).matches()) {
      return id;
    }
    return "~"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  /** The thread id a path segment stands for; throws if it is not one this class made. */
  static String id(String segment) {
    if (!segment.startsWith("~")) {
      return segment;
    }
    return new String(Base64.getUrlDecoder().decode(segment.substring(1)), StandardCharsets.UTF_8);
  }
}
