package org.cluetrain.model;

import java.util.Locale;

/** The kind of place a conversation comes from; {@code source:forum} in a query filters by it. */
public enum SourceType {
  FEED,
  BLOG,
  FORUM,
  NEWS,
  WEB,
  TWITTER,
  MASTODON,
  BLUESKY,
  REDDIT,
  DISQUS,
  FILE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceType fromLabel(String label) {
    for (SourceType type : values()) {
      if (type.label().equalsIgnoreCase(label)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown source type '" + label + "'");
  }
}
