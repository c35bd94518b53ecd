package org.cluetrain.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and two-word phrases of a corpus, most frequent first (ties in alphabetical order, so
 * the order is the same everywhere). Only words of 3 to 15 letters are kept: what a person types
 * into a saved query, never an operator of the query language.
 */
public final class Vocabulary {
  private static final Pattern WORDS = Pattern.compile("\\S+");
  private static final Pattern EDGES = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}{3,15}");
  private static final Set<String> OPERATORS = Set.of("and", "or", "not", "near", "onear");

  private final List<String> words;
  private final List<String> phrases;

  Vocabulary(List<String> words, List<String> phrases) {
    if (words.isEmpty() || phrases.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs words and phrases");
    }
    this.words = List.copyOf(words);
    this.phrases = List.copyOf(phrases);
  }

  /** The vocabulary of these texts; phrases are kept when they occur at least twice. */
  public static Vocabulary of(Iterable<String> texts) {
    Map<String, Integer> wordCounts = new HashMap<>();
    Map<String, Integer> phraseCounts = new HashMap<>();
    for (String text : texts) {
      String previous = null;
      Matcher token = WORDS.matcher(text.toLowerCase(Locale.ROOT));
      while (token.find()) {
        String raw = token.group();
        String word = EDGES.matcher(raw).replaceAll("");
        if (LETTERS.matcher(word).matches() && !OPERATORS.contains(word)) {
          wordCounts.merge(word, 1, Integer::sum);
          if (previous != null) {
            phraseCounts.merge(previous + " " + word, 1, Integer::sum);
          }
          // punctuation after a word ends a clause: no phrase across it
          previous = word.length() == raw.length() ? word : null;
        } else {
          previous = null; // a phrase is two adjacent plain words
        }
      }
    }
    phraseCounts.values().removeIf(count -> count < 2);
    return new Vocabulary(byFrequency(wordCounts), byFrequency(phraseCounts));
  }

  private static List<String> byFrequency(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return entries.stream().map(Map.Entry::getKey).toList();
  }

  /** Words, most frequent first. */
  public List<String> words() {
    return words;
  }

  /** Two-word phrases, most frequent first. */
  public List<String> phrases() {
    return phrases;
  }
}
