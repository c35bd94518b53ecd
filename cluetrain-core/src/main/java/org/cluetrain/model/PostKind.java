package org.cluetrain.model;

import java.util.Locale;

/** What role a post plays in its conversation. */
public enum PostKind {
  /** The opening post of a thread: a blog article, a tweet, a forum thread's first post. */
  POST,
  /** A comment under a post (blog comment, Disqus comment, forum reply to the thread). */
  COMMENT,
  /** A reply to another comment or to a reply: the reply tree below the first level. */
  REPLY,
  /** An automatic notice that another site links to the post. */
  PINGBACK,
  /** A manual notice that another site links to the post. */
  TRACKBACK;

  /** The lower-case name used in queries ({@code kind:comment}) and in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label such as {@code comment}; throws with the list of known kinds otherwise. */
  public static PostKind fromLabel(String label) {
    for (PostKind kind : values()) {
      if (kind.label().equalsIgnoreCase(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown post kind '"
            + label
            + "', expected one of post, comment, reply, pingback, trackback");
  }
}
