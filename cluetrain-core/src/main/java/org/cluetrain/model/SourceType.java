package org.cluetrain.model;

import java.util.Arrays;
import java.util.List;
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
  HACKERNEWS,
  REDDIT,
  DISQUS,
  FILE,
  /** Pushed over HTTP by the user's own collectors and webhooks. */
  PUSH;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every label, for messages that list the choices. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(SourceType::label).toList();
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
