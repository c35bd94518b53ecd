package org.cluetrain.connectors.feed;

import java.util.Objects;
import org.cluetrain.ingest.SourceHealth;
import org.jspecify.annotations.Nullable;

/**
 * What the poller remembers about one feed between runs: the HTTP validators for conditional GET
 * and the source's health (which carries the next attempt time and back-off count).
 *
 * <p>The application persists these from {@link FeedPoller#states()} and hands them back to {@link
 * FeedPoller.Builder#initialStates} on restart, so a restart neither refetches unchanged feeds nor
 * hammers a host that is backing us off.
 *
 * @param etag the {@code ETag} the feed last answered with, or {@code null}
 * @param lastModified the {@code Last-Modified} value the feed last answered with (kept verbatim,
 *     as servers compare it as a string), or {@code null}
 * @param health the source's health
 */
public record FeedState(@Nullable String etag, @Nullable String lastModified, SourceHealth health) {
  public FeedState {
    Objects.requireNonNull(health, "health");
    etag = etag == null || etag.isBlank() ? null : etag;
    lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
  }
}
