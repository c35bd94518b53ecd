package org.cluetrain.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cluetrain.enrich.language.LanguageIdentifier;

/**
 * Fast language identification: a naive-Bayes sum of Lingua's n-gram log-probabilities, in plain
 * Java, with no thread pool and two small arrays per call. The recommended default; {@link
 * LinguaLanguageIdentifier} is the slower, more careful reference.
 *
 * <p>A text is read once: links and {@code @accounts} are skipped, letters lower-cased, and the
 * n-grams inside each run of letters (no n-gram spans a space, as in Lingua's models) are looked up
 * for every candidate at once, up to {@value #MAX_LETTERS} letters. Letters of a script only one
 * candidate uses decide alone (Cyrillic means Russian among the default languages); letters of no
 * candidate's script leave the text undetermined. A text is also undetermined with fewer than
 * {@value LinguaLanguageIdentifier#MIN_LETTERS} letters, or when the two likeliest languages are
 * closer than {@link #MIN_MARGIN} nats. Measurements: {@code
 * docs/models/language-identification.md}.
 */
public final class NgramLanguageIdentifier implements LanguageIdentifier {
  /** The n-gram orders scored by default. */
  static final int[] DEFAULT_ORDERS = {1, 2, 3};

  /** Nats an n-gram no candidate saw costs beyond the rarest one seen. */
  static final double FLOOR_PENALTY = 1.0;

  /** The least log-likelihood lead, in nats, of the best language over the runner-up. */
  static final double MIN_MARGIN = 1.0;

  /** Letters scored at most: the start of a text says enough. */
  static final int MAX_LETTERS = 300;

  private final NgramModel model;
  private final int minMargin;

  private NgramLanguageIdentifier(NgramModel model, double minMargin) {
    this.model = model;
    this.minMargin = (int) Math.round(minMargin * NgramModel.SCALE);
  }

  /** The default languages ({@link LinguaLanguageIdentifier#DEFAULT_LANGUAGES}). */
  public static NgramLanguageIdentifier standard() {
    return of(LinguaLanguageIdentifier.DEFAULT_LANGUAGES);
  }

  /**
   * Loads the models of the candidate languages; the cost per text grows with their number.
   *
   * @param isoCodes ISO 639-1 codes of the candidate languages (at least two)
   * @throws IllegalArgumentException naming any code without a model
   */
  public static NgramLanguageIdentifier of(List<String> isoCodes) {
    return of(isoCodes, DEFAULT_ORDERS, FLOOR_PENALTY, MIN_MARGIN);
  }

  /** With other settings than the measured defaults, for measuring. */
  static NgramLanguageIdentifier of(
      List<String> isoCodes, int[] orders, double floorPenalty, double minMargin) {
    return new NgramLanguageIdentifier(
        NgramModel.load(validated(isoCodes), orders, floorPenalty), minMargin);
  }

  private static List<String> validated(List<String> isoCodes) {
    Set<String> codes = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String code : isoCodes) {
      String iso = code.strip().toLowerCase(Locale.ROOT);
      if (iso.matches("[a-z]{2}") && LinguaModelFiles.exists(iso)) {
        codes.add(iso);
      } else {
        unknown.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown language codes " + unknown);
    }
    if (codes.size() < 2) {
      throw new IllegalArgumentException(
          "language identification needs at least two candidate languages, got " + isoCodes);
    }
    return List.copyOf(codes);
  }

  /** The candidate languages, in the order given. */
  public List<String> languages() {
    return List.of(model.languages);
  }

  @Override
  public String identify(String text) {
    Guess guess = guess(text);
    return guess.margin() < minMargin ? UNDETERMINED : guess.language();
  }

  /**
   * The likeliest language with its lead, in cost units, over the runner-up ({@code
   * Integer.MAX_VALUE} when the script decided alone, 0 when nothing was scored).
   */
  Guess guess(String text) {
    if (text == null) {
      return Guess.NONE;
    }
    NgramModel m = model;
    int count = m.languages.length;
    int[] cost = new int[count];
    int[] scripts = new int[m.scriptGroups];
    int letters = 0;
    int ngrams = 0;
    int run = 0; // letters in the current run of known letters, up to maxOrder
    long window = 0;
    long windowMask = (1L << (m.bitsPerCode * m.maxOrder)) - 1;
    int length = text.length();
    for (int i = 0; i < length && letters < MAX_LETTERS; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        run = 0;
        if (c == '@') {
          i = skipAccount(text, i);
        }
        continue;
      }
      if ((c == 'h' || c == 'w') && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        int end = skipLink(text, i);
        if (end > i) {
          run = 0;
          i = end;
          continue;
        }
      }
      letters++;
      int code = m.codeOf[c];
      if (code == 0) {
        run = 0;
        scripts[NgramModel.OTHER_SCRIPT]++;
        continue;
      }
      scripts[m.scriptOfCode[code]]++;
      window = (window << m.bitsPerCode | code) & windowMask;
      if (run < m.maxOrder) {
        run++;
      }
      for (int order = 1; order <= run; order++) {
        if (m.usesOrder[order]) {
          int row = m.find(window & ((1L << (m.bitsPerCode * order)) - 1));
          if (row >= 0) {
            ngrams++;
            byte[] slots = m.slots;
            for (int l = 0; l < count; l++) {
              cost[l] += slots[row + l] & 0xFF;
            }
          }
        }
      }
    }
    if (letters < LinguaLanguageIdentifier.MIN_LETTERS) {
      return Guess.NONE;
    }
    int script = 0;
    for (int s = 1; s < scripts.length; s++) {
      if (scripts[s] > scripts[script]) {
        script = s;
      }
    }
    if (script == NgramModel.OTHER_SCRIPT) {
      return Guess.NONE;
    }
    int best = -1;
    int second = -1;
    for (int l = 0; l < count; l++) {
      if (m.scriptOfLanguage[l] != script) {
        continue;
      }
      if (best < 0 || cost[l] < cost[best]) {
        second = best;
        best = l;
      } else if (second < 0 || cost[l] < cost[second]) {
        second = l;
      }
    }
    if (second < 0) {
      return new Guess(m.languages[best], Integer.MAX_VALUE);
    }
    return ngrams == 0 ? Guess.NONE : new Guess(m.languages[best], cost[second] - cost[best]);
  }

  /** Past an {@code @account} starting at {@code at}; the index of its last char. */
  private static int skipAccount(String text, int at) {
    int i = at + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@')) {
        break;
      }
      i++;
    }
    return i - 1;
  }

  /** Past a link starting at {@code at} (http://, https://, www.), or {@code at} if none. */
  private static int skipLink(String text, int at) {
    if (!(text.startsWith("http://", at)
        || text.startsWith("https://", at)
        || text.startsWith("www.", at))) {
      return at;
    }
    int i = at;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i - 1;
  }

  /** A language and its lead over the runner-up, in cost units. */
  record Guess(String language, int margin) {
    static final Guess NONE = new Guess(UNDETERMINED, 0);
  }

  /** Bytes held by the model tables. */
  long modelSizeInBytes() {
    return model.sizeInBytes();
  }

  /** Number of distinct n-grams in the model tables. */
  int modelNgrams() {
    return model.ngrams();
  }
}
