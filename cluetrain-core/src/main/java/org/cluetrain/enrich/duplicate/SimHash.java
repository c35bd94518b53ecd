package org.cluetrain.enrich.duplicate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash over word shingles: texts that differ in a few words get fingerprints that differ
 * in a few bits, so near-duplicates are found by Hamming distance (Charikar 2002; Manku et al. 2007
 * use distance ≤ 3 for web pages).
 */
public final class SimHash {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private SimHash() {}

  /** The words of a text as duplicate detection sees them: lower case, no accents, no links. */
  public static List<String> words(String text) {
    String plain = URL.matcher(text).replaceAll(" ");
    plain = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
    List<String> words = new ArrayList<>();
    for (String word : NON_WORD.split(plain.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * The fingerprint of a text; 0 for a text without words. Short texts (fewer than three words) are
   * hashed whole, so they collide only when equal.
   */
  public static long fingerprint(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return 0L;
    }
    if (words.size() < 3) {
      return mix(String.join(" ", words).hashCode() * 0x9E3779B97F4A7C15L) | 1L;
    }
    int[] weights = new int[64];
    for (int i = 0; i + 2 < words.size(); i++) {
      long hash = shingleHash(words.get(i), words.get(i + 1), words.get(i + 2));
      for (int bit = 0; bit < 64; bit++) {
        weights[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long fingerprint = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (weights[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint == 0L ? 1L : fingerprint;
  }

  /** How many bits two fingerprints differ in. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static long shingleHash(String a, String b, String c) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, a);
    h = (h ^ ' ') * 0x100000001b3L;
    h = fnv(h, b);
    h = (h ^ ' ') * 0x100000001b3L;
    h = fnv(h, c);
    return mix(h);
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** Murmur3's finaliser: spreads FNV's weak low bits over all 64. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
