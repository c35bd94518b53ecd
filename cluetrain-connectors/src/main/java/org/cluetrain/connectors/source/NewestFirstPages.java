package org.cluetrain.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.ingest.SourceFailure;
import org.jspecify.annotations.Nullable;

/**
 * The paging loop of a listing that comes newest first (a search by date, an author's feed): pages
 * are read until one reaches back to what the last poll read, the listing ends, or the per-poll
 * page budget is spent. The first poll of a source reads only the first page: a new source listens
 * from now on, it does not crawl the host's history.
 */
public final class NewestFirstPages {
  private NewestFirstPages() {}

  /** One page: its entries and the token of the next (older) page, if any. */
  public record Page(List<JsonNode> entries, @Nullable String next) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  /** Fetches the page of a token ({@code null}: the first page). */
  @FunctionalInterface
  public interface Fetcher {
    Page fetch(@Nullable String token) throws SourceFailure, InterruptedException;
  }

  /** Tells the entries the last poll already read. */
  @FunctionalInterface
  public interface Known {
    boolean readBefore(JsonNode entry);
  }

  /**
   * What the pages brought.
   *
   * @param entries the entries not read before, newest first
   * @param reached whether the pages reached back to what was read before (else the batch says its
   *     cursor was lost: posts between may be missing)
   */
  public record Result(List<JsonNode> entries, boolean reached) {
    public Result {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Reads pages until they reach back to the known entries.
   *
   * @param first whether this is the source's first poll (one page only)
   */
  public static Result read(Fetcher fetcher, Known known, boolean first, int maxPages)
      throws SourceFailure, InterruptedException {
    List<JsonNode> fresh = new ArrayList<>();
    String token = null;
    for (int page = 0; page < maxPages; page++) {
      Page answer = fetcher.fetch(token);
      boolean reached = first;
      for (JsonNode entry : answer.entries()) {
        if (known.readBefore(entry)) {
          reached = true;
        } else {
          fresh.add(entry);
        }
      }
      if (reached || answer.entries().isEmpty() || answer.next() == null) {
        return new Result(fresh, true);
      }
      token = answer.next();
    }
    return new Result(fresh, false);
  }
}
