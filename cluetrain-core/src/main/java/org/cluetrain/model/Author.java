package org.cluetrain.model;

import org.jspecify.annotations.Nullable;

/**
 * The person or account that wrote a post.
 *
 * @param id stable identifier on its platform, e.g. {@code x:2253756806} or {@code
 *     reddit:Mametaro}; for sources without accounts (blog comments) derived from name and site
 * @param name display name
 * @param handle account name without {@code @}, or {@code null}
 * @param url profile or home page, or {@code null}
 */
public record Author(String id, String name, @Nullable String handle, @Nullable String url) {
  public Author {
    Requirements.nonBlank(id, "author id");
    name = name == null || name.isBlank() ? (handle != null ? handle : id) : name.strip();
  }
}
