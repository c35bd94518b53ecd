package org.cluetrain.lucene.stream;

/**
 * The words of the registered queries and their ids, looked up straight from the analyser's term
 * buffer: a post's tokens are probed without making a string of each.
 */
final class TermTable {
  private String[] keys = new String[16];
  private int[] ids = new int[16];
  private int size;

  /** The id of {@code word}, or -1. */
  int get(String word) {
    return get(word.toCharArray(), word.length());
  }

  /** The id of the word in {@code buffer[0..length)}, or -1. */
  int get(char[] buffer, int length) {
    int mask = keys.length - 1;
    for (int slot = hash(buffer, length) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return -1;
      }
      if (equal(key, buffer, length)) {
        return ids[slot];
      }
    }
  }

  /** Adds {@code word} with {@code id} unless it is there; returns the word's id. */
  int putIfAbsent(String word, int id) {
    int existing = get(word);
    if (existing >= 0) {
      return existing;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(word, id);
    size++;
    return id;
  }

  int size() {
    return size;
  }

  private void insert(String word, int id) {
    int mask = keys.length - 1;
    int slot = hash(word.toCharArray(), word.length()) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = word;
    ids[slot] = id;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new String[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldIds[i]);
      }
    }
  }

  private static boolean equal(String key, char[] buffer, int length) {
    if (key.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (key.charAt(i) != buffer[i]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(char[] buffer, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + buffer[i];
    }
    return h ^ (h >>> 16);
  }
}
