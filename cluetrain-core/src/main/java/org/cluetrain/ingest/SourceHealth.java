package org.cluetrain.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a live source is doing: what the coverage/gap ledger shows per source.
 *
 * @param sourceId the source's id (as in {@link org.cluetrain.model.SourceRef#id()})
 * @param project the project it is collected for
 * @param url where it is fetched from
 * @param state the verdict of the last attempt
 * @param lastAttempt when it was last fetched, or {@code null} if never
 * @param lastSuccess when a fetch last succeeded, or {@code null} if never
 * @param lastError the last problem in words (names the URL and what went wrong), or {@code null}
 * @param consecutiveFailures failures since the last success
 * @param itemsFetched posts read from it in all
 * @param itemsUnparseable items it served that could not be read, in all
 * @param nextAttempt when it will be fetched next, or {@code null}
 * @param gaps recent things it could not fetch (newest first, bounded), e.g. rate limits
 */
public record SourceHealth(
    String sourceId,
    String project,
    String url,
    State state,
    @Nullable Instant lastAttempt,
    @Nullable Instant lastSuccess,
    @Nullable String lastError,
    int consecutiveFailures,
    long itemsFetched,
    long itemsUnparseable,
    @Nullable Instant nextAttempt,
    List<String> gaps) {

  /** The verdict of a source's last attempt. */
  public enum State {
    /** Declared but not fetched yet. */
    PENDING,
    /** Last fetch succeeded (new items or not modified). */
    OK,
    /** The host could not be reached: no network, DNS failure, connection refused, time-out. */
    UNREACHABLE,
    /** The host answered, but with an error status or content that could not be read. */
    FAILING
  }

  public SourceHealth {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(state, "state");
    gaps = gaps == null ? List.of() : List.copyOf(gaps);
  }

  public static SourceHealth pending(String sourceId, String project, String url) {
    return new SourceHealth(
        sourceId, project, url, State.PENDING, null, null, null, 0, 0, 0, null, List.of());
  }
}
