package org.cluetrain.connectors.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a source that lists posts by time stopped: the newest time read and the ids of the posts
 * read at exactly that time. A search asked for posts "since" the time gets those again (searches
 * count the bound in, and several posts share a second); they are left out, so a restart brings
 * neither a gap nor a duplicate. Written as {@code 2026-12-01T09:00:00Z|id1 id2}.
 *
 * @param newest the newest time read
 * @param idsAtNewest the ids of the posts read at that time
 */
public record TimeCursor(Instant newest, Set<String> idsAtNewest) {
  public TimeCursor {
    Objects.requireNonNull(newest, "newest");
    idsAtNewest = Set.copyOf(idsAtNewest);
  }

  /** The cursor a source returned, or {@code null} when there is none or it is unreadable. */
  public static @Nullable TimeCursor parse(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    int bar = cursor.indexOf('|');
    try {
      Instant newest = Instant.parse(bar < 0 ? cursor : cursor.substring(0, bar));
      Set<String> ids = new LinkedHashSet<>();
      if (bar >= 0 && bar + 1 < cursor.length()) {
        ids.addAll(Arrays.asList(cursor.substring(bar + 1).split(" ")));
      }
      return new TimeCursor(newest, ids);
    } catch (java.time.DateTimeException unreadable) {
      return null;
    }
  }

  /** Whether a post of this time and id was read before this cursor was written. */
  public boolean covers(Instant time, String id) {
    return time.isBefore(newest) || (time.equals(newest) && idsAtNewest.contains(id));
  }

  /** This cursor moved on by the posts read (each a time and an id). */
  public static @Nullable TimeCursor advance(@Nullable TimeCursor from, Collection<Stamped> read) {
    Instant newest = from == null ? null : from.newest();
    Set<String> ids = new LinkedHashSet<>(from == null ? Set.of() : from.idsAtNewest());
    for (Stamped post : read) {
      if (newest == null || post.time().isAfter(newest)) {
        newest = post.time();
        ids.clear();
      }
      if (post.time().equals(newest)) {
        ids.add(post.id());
      }
    }
    return newest == null ? null : new TimeCursor(newest, ids);
  }

  /** A post's time and id, as far as a cursor cares. */
  public record Stamped(Instant time, String id) {
    public Stamped {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(id, "id");
    }
  }

  @Override
  public String toString() {
    List<String> sorted = new ArrayList<>(idsAtNewest);
    sorted.sort(null);
    return newest + (sorted.isEmpty() ? "" : "|" + String.join(" ", sorted));
  }
}
