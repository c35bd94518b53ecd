package org.cluetrain.model;

import org.jspecify.annotations.Nullable;

/**
 * Engagement numbers as the source reports them; {@code null} means the source does not say.
 *
 * @param likes likes, favourites, up-votes or score
 * @param replies number of replies or comments
 * @param shares retweets, boosts, reposts
 * @param views views or plays
 * @param rating an average rating where the source has one (e.g. stars)
 */
public record Engagement(
    @Nullable Long likes,
    @Nullable Long replies,
    @Nullable Long shares,
    @Nullable Long views,
    @Nullable Double rating) {
  public static final Engagement UNKNOWN = new Engagement(null, null, null, null, null);

  public boolean isUnknown() {
    return likes == null && replies == null && shares == null && views == null && rating == null;
  }
}
