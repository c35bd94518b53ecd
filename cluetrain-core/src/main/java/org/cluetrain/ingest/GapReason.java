package org.cluetrain.ingest;

import java.util.Locale;

/** Why a live source could not cover an interval: what the gap ledger and the Sources page say. */
public enum GapReason {
  /** The host asked us to wait ({@code 429}, {@code Retry-After}, rate-limit headers). */
  RATE_LIMITED,
  /** The host failed ({@code 5xx}). */
  SERVER_ERROR,
  /** The credentials were refused ({@code 401}/{@code 403}) and could not be renewed. */
  AUTH_EXPIRED,
  /**
   * The position to resume from was no longer served: posts older than the oldest page are lost.
   */
  CURSOR_LOST,
  /** The host answered with something that is not the expected page. */
  PAGE_UNPARSEABLE,
  /** No answer: host not found, connection refused, time-out, dropped stream. */
  UNREACHABLE,
  /**
   * The host refused the request for good ({@code 404}, {@code 410}, another {@code 4xx}) or the
   * address is one the workspace does not allow: a setting to correct, not an outage.
   */
  REQUEST_REFUSED;

  /**
   * The reason as the workspace, the API and the page's CSS classes name it: {@code rate-limited}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
