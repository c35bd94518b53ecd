package org.cluetrain.lucene.stream;

import java.util.Arrays;

/**
 * One analysed field of one post, reduced to what the registered queries can see: for every
 * registered word and prefix the post contains, its positions in increasing order.
 */
final class FieldTokens {
  static final FieldTokens EMPTY = new FieldTokens(new int[0], new int[1], new int[0]);

  /** The ids present, ascending. */
  private final int[] ids;

  /** {@code positions[starts[i]..starts[i+1])} are the positions of {@code ids[i]}. */
  private final int[] starts;

  private final int[] positions;

  private FieldTokens(int[] ids, int[] starts, int[] positions) {
    this.ids = ids;
    this.starts = starts;
    this.positions = positions;
  }

  int[] ids() {
    return ids;
  }

  boolean contains(int id) {
    return Arrays.binarySearch(ids, id) >= 0;
  }

  /** The index of {@code id} for {@link #from}/{@link #to}, or -1 when it is absent. */
  int find(int id) {
    int index = Arrays.binarySearch(ids, id);
    return index < 0 ? -1 : index;
  }

  int from(int index) {
    return starts[index];
  }

  int to(int index) {
    return starts[index + 1];
  }

  int[] positions() {
    return positions;
  }

  /** Whether {@code id} occurs at {@code position}. */
  boolean at(int id, int position) {
    int index = find(id);
    return index >= 0
        && Arrays.binarySearch(positions, starts[index], starts[index + 1], position) >= 0;
  }

  /** Collects (id, position) pairs in any order. */
  static final class Builder implements PrefixTrie.Sink {
    private long[] pairs = new long[64];
    private int size;

    @Override
    public void add(int id, int position) {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
      }
      pairs[size++] = ((long) id << 32) | (position & 0xffffffffL);
    }

    FieldTokens build() {
      if (size == 0) {
        return EMPTY;
      }
      Arrays.sort(pairs, 0, size);
      int distinct = 0;
      for (int i = 0; i < size; i++) {
        if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
          distinct++;
        }
      }
      int[] ids = new int[distinct];
      int[] starts = new int[distinct + 1];
      int[] positions = new int[size];
      int d = -1;
      for (int i = 0; i < size; i++) {
        int id = (int) (pairs[i] >>> 32);
        if (i == 0 || id != ids[d]) {
          ids[++d] = id;
          starts[d] = i;
        }
        positions[i] = (int) pairs[i];
      }
      starts[distinct] = size;
      return new FieldTokens(ids, starts, positions);
    }
  }
}
