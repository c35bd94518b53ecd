package org.cluetrain.enrich.duplicate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.model.Post;
import org.jspecify.annotations.Nullable;

/**
 * Fingerprints each post and links it to an earlier post whose fingerprint is within {@link
 * #MAX_DISTANCE} bits: the same comment posted twice, a syndicated article, a copied tweet.
 *
 * <p>Candidates are found with the banding trick: the 64 bits are split into four 16-bit bands; two
 * fingerprints within distance 3 agree on at least one band, so only posts sharing a band are
 * compared. Memory is bounded: the detector remembers the most recent {@code capacity} posts.
 * Thread-safe.
 */
public final class DuplicateDetector implements Enricher {
  /** Hamming distance at which two texts count as copies of each other. */
  public static final int MAX_DISTANCE = 3;

  private static final int BANDS = 4;

  private final int capacity;
  private final ArrayDeque<Entry> order = new ArrayDeque<>();
  private final List<Map<Integer, List<Entry>>> bands = new ArrayList<>();

  /** A post the detector remembers. */
  public record Entry(String postId, long fingerprint) {}

  public DuplicateDetector(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
    for (int i = 0; i < BANDS; i++) {
      bands.add(new HashMap<>());
    }
  }

  @Override
  public String name() {
    return "duplicate";
  }

  /** Remembers posts seen before this process started (oldest first), e.g. from the store. */
  public synchronized void remember(List<Entry> earlier) {
    for (Entry entry : earlier) {
      if (entry.fingerprint() != 0L) {
        add(entry);
      }
    }
  }

  @Override
  public Post enrich(Post post) {
    long fingerprint = SimHash.fingerprint(post.fullText());
    String original = fingerprint == 0L ? null : findOrAdd(post.id(), fingerprint);
    return post.toBuilder().fingerprint(fingerprint).duplicateOf(original).build();
  }

  private synchronized @Nullable String findOrAdd(String postId, long fingerprint) {
    Entry best = null;
    for (int band = 0; band < BANDS; band++) {
      List<Entry> candidates = bands.get(band).get(bandKey(fingerprint, band));
      if (candidates == null) {
        continue;
      }
      for (Entry candidate : candidates) {
        if (candidate.postId().equals(postId)) {
          return null; // the same post seen again (a re-import): not a copy of itself
        }
        if (best == null
            && SimHash.distance(candidate.fingerprint(), fingerprint) <= MAX_DISTANCE) {
          best = candidate;
        }
      }
    }
    if (best != null) {
      return best.postId(); // copies point at the original; the copy itself is not remembered
    }
    add(new Entry(postId, fingerprint));
    return null;
  }

  private void add(Entry entry) {
    if (order.size() == capacity) {
      Entry evicted = order.removeFirst();
      for (int band = 0; band < BANDS; band++) {
        Integer key = bandKey(evicted.fingerprint(), band);
        List<Entry> list = bands.get(band).get(key);
        if (list != null) {
          list.remove(evicted);
          if (list.isEmpty()) {
            bands.get(band).remove(key);
          }
        }
      }
    }
    order.addLast(entry);
    for (int band = 0; band < BANDS; band++) {
      bands
          .get(band)
          .computeIfAbsent(bandKey(entry.fingerprint(), band), k -> new ArrayList<>(1))
          .add(entry);
    }
  }

  private static Integer bandKey(long fingerprint, int band) {
    return (int) ((fingerprint >>> (band * 16)) & 0xFFFF);
  }
}
