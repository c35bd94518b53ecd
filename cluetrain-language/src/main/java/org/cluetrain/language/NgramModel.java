package org.cluetrain.language;

import java.lang.Character.UnicodeScript;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The candidate languages' n-gram models in one table, built once and read-only afterwards.
 *
 * <p>Letters are numbered (their <em>code</em>, 1…alphabet size) over the union of the candidates'
 * alphabets, so an n-gram of up to five letters packs into one {@code long}: the codes side by
 * side, {@link #bitsPerCode} bits each, never zero, which also keeps n-grams of different orders
 * apart. An open-addressing table maps each n-gram any candidate knows to a row of costs, one
 * unsigned byte per language: {@code −ln p × }{@link #SCALE}, or the order's floor where a language
 * never saw the n-gram. Summing bytes over a text is a naive-Bayes log-likelihood, with no pointer
 * chasing and no boxing. A slot holds its key and its row side by side, so a look-up touches one
 * place in memory rather than two.
 */
final class NgramModel {
  /** Costs are natural-log probabilities times this, rounded: 0.1 nats is finer than it matters. */
  static final int SCALE = 10;

  /** Script group of letters outside every candidate's script (Greek among Latin languages…). */
  static final int OTHER_SCRIPT = 0;

  private static final double MAX_LOAD = 0.7;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final String[] languages;
  final int bitsPerCode;
  final int maxOrder;
  final boolean[] usesOrder;

  /** The code of every UTF-16 char after lower-casing, 0 for non-letters and unknown letters. */
  final char[] codeOf;

  /** Script group per code; group 1… are the candidates' scripts. */
  final byte[] scriptOfCode;

  /** Script group per language. */
  final byte[] scriptOfLanguage;

  final int scriptGroups;

  /** Slots of {@link #stride} bytes: the key (a {@code long}, 0 if empty), then the costs row. */
  final byte[] slots;

  /** Bytes per slot: 8 for the key and one per language, rounded up to a multiple of 8. */
  final int stride;

  private final int shift;
  private final int mask;

  /**
   * @param languages ISO 639-1 codes Lingua has models for
   * @param orders the n-gram orders to score, each 1…5
   * @param floorPenalty cost, in nats, an unseen n-gram adds beyond the order's rarest seen one
   */
  static NgramModel load(List<String> languages, int[] orders, double floorPenalty) {
    return new NgramModel(languages.toArray(String[]::new), orders, floorPenalty);
  }

  private NgramModel(String[] languages, int[] orders, double floorPenalty) {
    this.languages = languages;
    this.usesOrder = new boolean[LinguaModelFiles.MAX_ORDER + 1];
    int highest = 0;
    for (int order : orders) {
      usesOrder[order] = true;
      highest = Math.max(highest, order);
    }
    this.maxOrder = highest;
    int count = languages.length;

    // Alphabet and scripts from the unigram models.
    TreeSet<Character> alphabet = new TreeSet<>();
    List<Map<UnicodeScript, Double>> scriptWeights = new ArrayList<>();
    for (String language : languages) {
      Map<UnicodeScript, Double> weights = new EnumMap<>(UnicodeScript.class);
      LinguaModelFiles.read(
          language,
          1,
          (text, start, end, logProbability) -> {
            char letter = text.charAt(start);
            if (end - start == 1 && Character.isLetter(letter)) {
              alphabet.add(letter);
              weights.merge(UnicodeScript.of(letter), Math.exp(logProbability), Double::sum);
            }
          });
      scriptWeights.add(weights);
    }
    this.bitsPerCode = 32 - Integer.numberOfLeadingZeros(alphabet.size());
    if (bitsPerCode * maxOrder > 63) {
      throw new IllegalArgumentException(
          "alphabet of " + alphabet.size() + " letters too large for n-grams of " + maxOrder);
    }
    List<UnicodeScript> scripts = new ArrayList<>();
    this.scriptOfLanguage = new byte[count];
    for (int l = 0; l < count; l++) {
      UnicodeScript main =
          scriptWeights.get(l).entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .orElseThrow()
              .getKey();
      if (!scripts.contains(main)) {
        scripts.add(main);
      }
      scriptOfLanguage[l] = (byte) (scripts.indexOf(main) + 1);
    }
    this.scriptGroups = scripts.size() + 1;
    char[] letterCode = new char[Character.MAX_VALUE + 1];
    this.scriptOfCode = new byte[alphabet.size() + 1];
    int next = 1;
    for (char letter : alphabet) {
      letterCode[letter] = (char) next;
      scriptOfCode[next] = (byte) (scripts.indexOf(UnicodeScript.of(letter)) + 1);
      next++;
    }
    this.codeOf = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (Character.isLetter(c)) {
        codeOf[c] = letterCode[Character.toLowerCase((char) c)];
      }
    }

    // Every language's n-grams as (key, cost) pairs, and each order's rarest cost.
    long[][] languageKeys = new long[count][];
    byte[][] languageCosts = new byte[count][];
    int[] floor = new int[LinguaModelFiles.MAX_ORDER + 1];
    for (int l = 0; l < count; l++) {
      PairList pairs = new PairList();
      for (int order : orders) {
        LinguaModelFiles.read(
            languages[l],
            order,
            (text, start, end, logProbability) -> {
              long key = 0;
              for (int i = start; i < end; i++) {
                char code = letterCode[text.charAt(i)];
                if (code == 0) {
                  return; // a letter outside the alphabet: no text can produce this n-gram
                }
                key = key << bitsPerCode | code;
              }
              int cost = toCost(-logProbability);
              floor[order] = Math.max(floor[order], cost);
              pairs.add(key, (byte) cost);
            });
      }
      languageKeys[l] = Arrays.copyOf(pairs.keys, pairs.size);
      languageCosts[l] = Arrays.copyOf(pairs.costs, pairs.size);
    }
    int penalty = (int) Math.round(floorPenalty * SCALE);
    for (int order = 1; order < floor.length; order++) {
      floor[order] = Math.min(255, floor[order] + penalty);
    }

    // One row per distinct n-gram, pre-filled with the floor of its order.
    long[] all = Arrays.stream(languageKeys).flatMapToLong(Arrays::stream).sorted().toArray();
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    int capacity = Integer.highestOneBit((int) Math.ceil(distinct / MAX_LOAD)) << 1;
    this.stride = 8 + (count + 7) / 8 * 8;
    this.slots = new byte[Math.multiplyExact(capacity, stride)];
    this.mask = capacity - 1;
    this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        int row = insert(all[i]);
        Arrays.fill(slots, row, row + count, (byte) floor[orderOf(all[i])]);
      }
    }
    for (int l = 0; l < count; l++) {
      for (int i = 0; i < languageKeys[l].length; i++) {
        slots[find(languageKeys[l][i]) + l] = languageCosts[l][i];
      }
    }
  }

  /** Where the costs row of an n-gram key starts in {@link #slots}, or −1 when nobody knows it. */
  int find(long key) {
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    while (true) {
      int at = slot * stride;
      long found = (long) LONGS.get(slots, at);
      if (found == key) {
        return at + 8;
      }
      if (found == 0) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Bytes held by the tables (slots, letter codes). */
  long sizeInBytes() {
    return slots.length + codeOf.length * 2L + scriptOfCode.length;
  }

  /** Number of distinct n-grams in the table. */
  int ngrams() {
    int n = 0;
    for (int at = 0; at < slots.length; at += stride) {
      if ((long) LONGS.get(slots, at) != 0) {
        n++;
      }
    }
    return n;
  }

  private int insert(long key) {
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    while ((long) LONGS.get(slots, slot * stride) != 0) {
      slot = (slot + 1) & mask;
    }
    LONGS.set(slots, slot * stride, key);
    return slot * stride + 8;
  }

  private int orderOf(long key) {
    return (64 - Long.numberOfLeadingZeros(key) + bitsPerCode - 1) / bitsPerCode;
  }

  private static int toCost(double nats) {
    return (int) Math.min(255, Math.round(nats * SCALE));
  }

  /** A growable list of (key, cost) pairs without boxing. */
  private static final class PairList {
    long[] keys = new long[1 << 12];
    byte[] costs = new byte[1 << 12];
    int size;

    void add(long key, byte cost) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        costs = Arrays.copyOf(costs, size * 2);
      }
      keys[size] = key;
      costs[size++] = cost;
    }
  }
}
