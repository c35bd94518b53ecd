package org.cluetrain.classify;

import java.util.Locale;
import java.util.Set;

/** Turns a text into hashed features as described by {@link FeatureConfig}. Thread-safe. */
final class FeatureExtractor {

  private static final Set<String> NEGATORS =
      Set.of(
          // German
          "nicht",
          "kein",
          "keine",
          "keinen",
          "keinem",
          "keiner",
          "keines",
          "nie",
          "niemals",
          "nichts",
          "niemand",
          "weder",
          "noch_nie",
          "ohne",
          "nö",
          "nee",
          // English
          "not",
          "no",
          "never",
          "nothing",
          "nobody",
          "none",
          "nor",
          "neither",
          "cannot",
          "without",
          "dont",
          "cant",
          "wont",
          "isnt",
          "arent",
          "wasnt",
          "werent",
          "doesnt",
          "didnt",
          "shouldnt",
          "wouldnt",
          "couldnt",
          "havent",
          "hasnt",
          "hadnt",
          "aint");

  /** Words that end a negation's scope like punctuation does. */
  private static final Set<String> SCOPE_ENDS = Set.of("but", "aber", "sondern", "doch", "however");

  private static final String[][] EMOTICONS = {
    {":-)", "<emo_smile>"},
    {":)", "<emo_smile>"},
    {"=)", "<emo_smile>"},
    {":-]", "<emo_smile>"},
    {":]", "<emo_smile>"},
    {":-d", "<emo_laugh>"},
    {":d", "<emo_laugh>"},
    {"xd", "<emo_laugh>"},
    {";-)", "<emo_wink>"},
    {";)", "<emo_wink>"},
    {":-(", "<emo_sad>"},
    {":(", "<emo_sad>"},
    {":'(", "<emo_sad>"},
    {":-/", "<emo_skeptic>"},
    {":/", "<emo_skeptic>"},
    {":-p", "<emo_tongue>"},
    {":p", "<emo_tongue>"},
    {"<3", "<emo_heart>"},
    {"^^", "<emo_smile>"},
    {"^_^", "<emo_smile>"},
    {":-o", "<emo_surprise>"},
    {":o", "<emo_surprise>"},
    {":-*", "<emo_kiss>"},
    {":*", "<emo_kiss>"}
  };

  private static final int SEED_WORD = 0x2f1a3b4c;
  private static final int SEED_NEG = 0x51ed2705;
  private static final int SEED_BIGRAM = 0x7a2c9e13;
  private static final int SEED_CHAR = 0x1b873593;

  private final FeatureConfig config;
  private final int mask;

  FeatureExtractor(FeatureConfig config) {
    this.config = config;
    this.mask = (1 << config.hashBits()) - 1;
  }

  FeatureConfig config() {
    return config;
  }

  /** Fills {@code out} with the features of {@code text} (any text, also empty or huge). */
  void extract(String text, Features out) {
    out.clear();
    if (text == null) {
      return;
    }
    int end = Math.min(text.length(), config.maxChars());
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    boolean inNegation = false;
    int prevHash = 0;
    boolean hasPrev = false;
    int i = 0;
    while (i < end) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      // links
      if (startsWithIgnoreCase(text, i, end, "http://")
          || startsWithIgnoreCase(text, i, end, "https://")
          || startsWithIgnoreCase(text, i, end, "www.")) {
        int j = i;
        while (j < end && !Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        prevHash = emitToken(out, "<url>", text.substring(i, j), false, prevHash, hasPrev, false);
        hasPrev = true;
        i = j;
        continue;
      }
      // accounts
      if (ch == '@' && i + 1 < end && isWordChar(text.charAt(i + 1))) {
        int j = i + 1;
        while (j < end && (isWordChar(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        prevHash = emitToken(out, "<user>", text.substring(i, j), false, prevHash, hasPrev, false);
        hasPrev = true;
        i = j;
        continue;
      }
      // emoticons
      String emoticon = emoticonAt(text, i, end);
      if (emoticon != null) {
        int len = emoticonLength(text, i, end);
        prevHash =
            emitToken(out, emoticon, text.substring(i, i + len), false, prevHash, hasPrev, false);
        hasPrev = true;
        inNegation = false;
        i += len;
        continue;
      }
      if (ch == '#' && i + 1 < end && Character.isLetter(text.charAt(i + 1))) {
        i++; // a hashtag is its word
        continue;
      }
      if (isWordChar(ch)) {
        int j = i;
        while (j < end) {
          char c = text.charAt(j);
          if (isWordChar(c)) {
            j++;
          } else if ((c == '\'' || c == '’')
              && j + 1 < end
              && Character.isLetter(text.charAt(j + 1))
              && j > i) {
            j++;
          } else {
            break;
          }
        }
        String surface = text.substring(i, j);
        i = j;
        String word = normaliseWord(surface);
        boolean number = isNumber(word);
        String key = number ? "<num>" : word;
        boolean negator = !number && isNegator(word);
        if (!number && SCOPE_ENDS.contains(word)) {
          inNegation = false;
        }
        boolean neg = config.negation() && inNegation && !negator;
        prevHash = emitToken(out, key, surface, neg, prevHash, hasPrev, !number);
        hasPrev = true;
        if (!number && surface.length() >= 3 && isAllCaps(surface)) {
          out.add(hash(SEED_WORD, "<caps>") & mask, 1f, out.tokenCount - 1);
        }
        if (negator) {
          inNegation = true;
        }
        continue;
      }
      if (ch == '!' || ch == '?') {
        int j = i;
        while (j < end && (text.charAt(j) == '!' || text.charAt(j) == '?')) {
          j++;
        }
        String key = j - i > 1 ? ch + "+" : String.valueOf(ch);
        prevHash = emitToken(out, key, text.substring(i, j), false, prevHash, hasPrev, false);
        hasPrev = true;
        inNegation = false;
        i = j;
        continue;
      }
      if (ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')') {
        inNegation = false;
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (isEmoji(cp)) {
        String e = new String(Character.toChars(cp));
        prevHash = emitToken(out, e, e, false, prevHash, hasPrev, false);
        hasPrev = true;
      }
      i += n;
    }
    out.normalise();
  }

  private int emitToken(
      Features out,
      String key,
      String surface,
      boolean negated,
      int prevHash,
      boolean hasPrev,
      boolean charGrams) {
    int token = out.addToken(surface, negated);
    int h = negated ? hash(SEED_NEG, key) : hash(SEED_WORD, key);
    out.add(fmix(h) & mask, 1f, token);
    if (config.wordNgrams() >= 2 && hasPrev) {
      int b = fmix(prevHash * 0x9E3779B1 + h + SEED_BIGRAM);
      // a word pair is credited half to each of its words
      out.add(b & mask, 0.5f, token - 1);
      out.add(b & mask, 0.5f, token);
    }
    if (charGrams && config.charMax() > 0) {
      charNgrams(out, key, token);
    }
    return h;
  }

  private void charNgrams(Features out, String word, int token) {
    int len = word.length() + 2;
    int min = config.charMin();
    int max = config.charMax();
    for (int start = 0; start < len; start++) {
      int h = SEED_CHAR;
      for (int n = 1; n <= max && start + n <= len; n++) {
        int pos = start + n - 1;
        char c = pos == 0 ? '<' : pos == len - 1 ? '>' : word.charAt(pos - 1);
        h = (h ^ c) * 0x01000193;
        if (n >= min && !(n == len && n <= 3)) { // skip n-grams that are the whole short word
          out.add(fmix(h + n) & mask, 1f, token);
        }
      }
    }
  }

  static String normaliseWord(String surface) {
    String lower = surface.toLowerCase(Locale.ROOT).replace('’', '\'');
    // squeeze letters repeated three or more times to two
    StringBuilder b = null;
    int run = 1;
    for (int k = 1; k < lower.length(); k++) {
      char c = lower.charAt(k);
      run = c == lower.charAt(k - 1) ? run + 1 : 1;
      if (run >= 3 && Character.isLetter(c)) {
        if (b == null) {
          b = new StringBuilder(lower.length()).append(lower, 0, k);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    String w = b == null ? lower : b.toString();
    if (w.indexOf('\'') >= 0) {
      w = w.replace("'", "");
      if (w.endsWith("nt") && lower.endsWith("n't")) {
        return w; // don't → dont, a negator
      }
    }
    return w;
  }

  private static boolean isNegator(String word) {
    return NEGATORS.contains(word);
  }

  private static boolean isNumber(String w) {
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isDigit(w.charAt(k))) {
        return false;
      }
    }
    return !w.isEmpty();
  }

  private static boolean isAllCaps(String s) {
    boolean letter = false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isUpperCase(c);
    }
    return letter;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean isEmoji(int cp) {
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
      return false; // skin tone modifiers
    }
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || Character.getType(cp) == Character.OTHER_SYMBOL;
  }

  private static String emoticonAt(String text, int i, int end) {
    for (String[] e : EMOTICONS) {
      if (startsWithIgnoreCase(text, i, end, e[0]) && emoticonBoundary(text, i, end, e[0])) {
        return e[1];
      }
    }
    return null;
  }

  private static int emoticonLength(String text, int i, int end) {
    for (String[] e : EMOTICONS) {
      if (startsWithIgnoreCase(text, i, end, e[0]) && emoticonBoundary(text, i, end, e[0])) {
        return e[0].length();
      }
    }
    return 1;
  }

  /** An emoticon that starts with letters ("xd") must stand alone, not start a word. */
  private static boolean emoticonBoundary(String text, int i, int end, String e) {
    int after = i + e.length();
    boolean endsOk = after >= end || !Character.isLetterOrDigit(text.charAt(after));
    if (Character.isLetter(e.charAt(0))) {
      return endsOk && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    }
    return endsOk || !Character.isLetter(e.charAt(e.length() - 1));
  }

  private static boolean startsWithIgnoreCase(String text, int i, int end, String prefix) {
    return i + prefix.length() <= end && text.regionMatches(true, i, prefix, 0, prefix.length());
  }

  private static int hash(int seed, String s) {
    int h = seed;
    for (int k = 0; k < s.length(); k++) {
      h = (h ^ s.charAt(k)) * 0x01000193;
    }
    return h;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
