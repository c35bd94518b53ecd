package org.cluetrain.lucene.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registered wildcard prefixes as a trie of sorted arrays: walking a token's characters from
 * the root meets every registered prefix of the token, so a wildcard costs one walk per token of
 * the post instead of an expansion over a term dictionary.
 */
final class PrefixTrie {
  /** Receives the id of each registered prefix a token starts with. */
  interface Sink {
    void add(int id, int position);
  }

  private final char[][] labels;
  private final int[][] children;
  private final int[] ids;

  private PrefixTrie(char[][] labels, int[][] children, int[] ids) {
    this.labels = labels;
    this.children = children;
    this.ids = ids;
  }

  /** A trie of the given (normalised) prefixes and their ids. */
  static PrefixTrie of(Map<String, Integer> prefixes) {
    List<TreeMap<Character, Integer>> edges = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    edges.add(new TreeMap<>());
    ids.add(-1);
    for (Map.Entry<String, Integer> prefix : prefixes.entrySet()) {
      int node = 0;
      for (char c : prefix.getKey().toCharArray()) {
        Integer child = edges.get(node).get(c);
        if (child == null) {
          child = edges.size();
          edges.add(new TreeMap<>());
          ids.add(-1);
          edges.get(node).put(c, child);
        }
        node = child;
      }
      ids.set(node, prefix.getValue());
    }
    char[][] labels = new char[edges.size()][];
    int[][] children = new int[edges.size()][];
    for (int node = 0; node < edges.size(); node++) {
      TreeMap<Character, Integer> out = edges.get(node);
      labels[node] = new char[out.size()];
      children[node] = new int[out.size()];
      int i = 0;
      for (Map.Entry<Character, Integer> edge : out.entrySet()) {
        labels[node][i] = edge.getKey();
        children[node][i] = edge.getValue();
        i++;
      }
    }
    return new PrefixTrie(labels, children, ids.stream().mapToInt(Integer::intValue).toArray());
  }

  boolean isEmpty() {
    return ids.length == 1 && ids[0] < 0;
  }

  /** Reports every registered prefix of {@code buffer[0..length)} at {@code position}. */
  void prefixesOf(char[] buffer, int length, int position, Sink sink) {
    int node = 0;
    if (ids[0] >= 0) {
      sink.add(ids[0], position); // an empty prefix: every token
    }
    for (int i = 0; i < length; i++) {
      int edge = java.util.Arrays.binarySearch(labels[node], buffer[i]);
      if (edge < 0) {
        return;
      }
      node = children[node][edge];
      if (ids[node] >= 0) {
        sink.add(ids[node], position);
      }
    }
  }
}
