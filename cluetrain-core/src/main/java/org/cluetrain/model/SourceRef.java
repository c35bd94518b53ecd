package org.cluetrain.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a post was found: a feed, a forum, an export, an account.
 *
 * @param id stable identifier of the source, e.g. {@code feed:https://example.org/feed} or {@code
 *     x-archive:milahu104}; re-importing the same source yields the same id
 * @param type the kind of source
 * @param name a human-readable name (feed title, site name, account)
 * @param url the source's address, or {@code null} when it has none (a local export)
 */
public record SourceRef(String id, SourceType type, String name, @Nullable String url) {
  public SourceRef {
    Requirements.nonBlank(id, "source id");
    Objects.requireNonNull(type, "source type");
    name = name == null || name.isBlank() ? id : name.strip();
  }
}
