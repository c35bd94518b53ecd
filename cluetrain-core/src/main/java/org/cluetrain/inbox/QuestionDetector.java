package org.cluetrain.inbox;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells whether a German or English post asks something. A sentence asks when it ends with a
 * question mark (a {@code ?} inside a web address does not count) and is more than a one-word
 * exclamation such as "Echt?", or when it opens with one of the request phrases people write
 * without a question mark ("Weiß jemand, …", "Does anyone know …").
 */
public final class QuestionDetector {
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** Interrogative words that make a sentence ending in '?' a question even when it is short. */
  private static final List<String> INTERROGATIVES =
      List.of(
          // German
          "wer",
          "wen",
          "wem",
          "wessen",
          "was",
          "wann",
          "wo",
          "wie",
          "warum",
          "weshalb",
          "wieso",
          "weswegen",
          "welche",
          "welcher",
          "welches",
          "welchen",
          "welchem",
          "woher",
          "wohin",
          "womit",
          "wozu",
          "wofür",
          "worüber",
          "woran",
          "worauf",
          // English
          "who",
          "whom",
          "whose",
          "what",
          "when",
          "where",
          "why",
          "how",
          "which");

  /** Phrases that open a request even without a question mark. */
  private static final List<String> REQUEST_OPENINGS =
      List.of(
          "weiß jemand",
          "weiss jemand",
          "hat jemand",
          "kann mir jemand",
          "kann jemand",
          "könnt ihr",
          "können sie",
          "kannst du",
          "gibt es eine möglichkeit",
          "wie kann ich",
          "wie bekomme ich",
          "an wen kann ich",
          "an wen muss ich",
          "wo kann ich",
          "does anyone",
          "anyone know",
          "can anyone",
          "can someone",
          "could someone",
          "could you",
          "can you",
          "how do i",
          "how can i",
          "is there a way",
          "who do i",
          "where can i");

  private QuestionDetector() {}

  /** Whether the text asks something. */
  public static boolean isQuestion(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    String withoutUrls = URL.matcher(text).replaceAll(" ");
    for (String sentence : SENTENCE_END.split(withoutUrls)) {
      if (asks(sentence.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean asks(String sentence) {
    String opening = sentence.replaceFirst("^[@#][\\p{L}\\p{N}_.]+[:,]?\\s*", "");
    for (String phrase : REQUEST_OPENINGS) {
      if (opening.startsWith(phrase + " ") || opening.startsWith(phrase + ",")) {
        return true;
      }
    }
    String trimmed = sentence.replaceAll("[\\s\"'»«“”)]+$", "");
    if (!trimmed.endsWith("?") && !trimmed.endsWith("?!")) {
      return false;
    }
    List<String> words = WORD.matcher(trimmed).results().map(m -> m.group()).toList();
    return words.size() >= 3 || words.stream().anyMatch(INTERROGATIVES::contains);
  }
}
