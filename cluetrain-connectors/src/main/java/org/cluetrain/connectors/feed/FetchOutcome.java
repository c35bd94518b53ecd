package org.cluetrain.connectors.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cluetrain.ingest.SourceHealth;
import org.jspecify.annotations.Nullable;

/** What one HTTP fetch of a feed came to. */
sealed interface FetchOutcome {

  /** Permanent redirects met on the way, e.g. {@code moved permanently: http://a → https://b}. */
  List<String> moves();

  /** The feed answered with content. */
  record Content(
      byte[] body,
      @Nullable String contentType,
      URI finalUri,
      @Nullable String etag,
      @Nullable String lastModified,
      List<String> moves)
      implements FetchOutcome {
    public Content {
      Objects.requireNonNull(body, "body");
      moves = List.copyOf(moves);
    }
  }

  /** The feed has not changed since the validators we sent ({@code 304}). */
  record NotModified(@Nullable String etag, @Nullable String lastModified, List<String> moves)
      implements FetchOutcome {
    public NotModified {
      moves = List.copyOf(moves);
    }
  }

  /**
   * The fetch failed.
   *
   * @param state {@link SourceHealth.State#UNREACHABLE} or {@link SourceHealth.State#FAILING}
   * @param message names the URL and what went wrong
   * @param retryAfter when the host asked us to come back ({@code Retry-After}), or {@code null}
   */
  record Failure(
      SourceHealth.State state, String message, @Nullable Instant retryAfter, List<String> moves)
      implements FetchOutcome {
    public Failure {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(message, "message");
      moves = List.copyOf(moves);
    }
  }
}
