package org.cluetrain.detect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of a text that can say what it is about: lower case, without links, mentions (people's
 * handles are not topics), numbers and the commonest English and German words. Spike explanations
 * and the overview's topics read texts through it, so both speak of the same words.
 */
public final class ContentWords {
  private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|@[\\w.]+");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}#']+");

  /** Words too common in English and German to say what posts are about. */
  private static final Set<String> STOPWORDS =
      Set.of(
          "the", "and", "for", "you", "your", "are", "was", "were", "but", "not", "this", "that",
          "with", "have", "has", "had", "our", "out", "they", "them", "their", "from", "what",
          "when", "who", "how", "why", "can", "all", "any", "just", "get", "got", "will", "now",
          "there", "here", "about", "been", "would", "could", "should", "than", "then", "its",
          "it's", "i'm", "don't", "can't", "amp", "der", "die", "das", "und", "ist", "nicht", "ein",
          "eine", "mit", "auf", "den", "dem", "des", "sich", "von", "auch", "wie", "mal", "noch",
          "aber", "für", "bei", "ich", "sie", "wir", "ihr", "hat", "war", "schon", "nur", "einen",
          "einem", "einer", "eines", "sind", "wird", "werden", "wurde", "kann", "mehr", "oder",
          "wenn", "dass", "als", "nach", "aus", "zum", "zur", "vom", "bis", "man", "mir", "mich",
          "dich", "dir", "uns", "euch", "ihm", "ihn", "ihnen", "doch", "jetzt", "hier", "immer",
          "sehr", "gibt", "habe", "haben", "hatte", "keine", "kein", "durch", "über", "unter",
          "into", "more", "some", "one", "very", "too", "also", "him", "her", "his", "she", "off",
          "only", "which", "over", "again", "still", "really", "did", "does", "doing", "being",
          "im", "ive", "i've", "you're", "we're", "they're", "that's", "it", "dont", "cant",
          "won't", "isn't", "didn't", "doesn't", "wasn't", "let", "let's", "via", "rt", "since",
          "after", "before", "because", "every", "seit", "alles", "etwas", "wieder", "gerade",
          "eben", "weil", "dann", "denn", "nichts", "gar", "wer");

  private ContentWords() {}

  /** The distinct content words of a text, in the order they first appear. */
  public static Set<String> distinct(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : sequence(text)) {
      if (word != null) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * The text's tokens in order, each a content word or null where a word was left out, so that two
   * neighbours in the list were neighbours in the text ("verspätung heute" but not "zug … ab").
   */
  public static List<@Nullable String> sequence(String text) {
    List<@Nullable String> words = new ArrayList<>();
    String cleaned =
        NOISE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" 0 "); // a break, never a word
    for (String token : SPLIT.split(cleaned)) {
      String word = token.replaceAll("^'+|'+$", "");
      if (word.isEmpty()) {
        continue;
      }
      words.add(isContent(word) ? word : null);
    }
    return words;
  }

  private static boolean isContent(String word) {
    if (word.length() < 3 || word.length() > 40 || STOPWORDS.contains(word)) {
      return false;
    }
    if (word.chars().allMatch(c -> Character.isDigit(c) || c == '#')) {
      return false;
    }
    return word.indexOf('#') <= 0; // a '#' inside a word is not a hashtag
  }
}
