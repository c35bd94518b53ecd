package org.cluetrain.classify;

import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

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

  /** The first characters of the emoticons (lower case), to skip the lookup everywhere else. */
  private static final String EMOTICON_STARTS = ":=;<^x";

  private static final int SEED_WORD = 0x2f1a3b4c;
  private static final int SEED_NEG = 0x51ed2705;
  private static final int SEED_BIGRAM = 0x7a2c9e13;
  private static final int SEED_CHAR = 0x1b873593;

  private static final int SEED_DOC = 0x3c6ef372;

  /** Emoji whose polarity is plain enough to count with the lexicon. */
  private static final String POSITIVE_EMOJI =
      "😀😁😂😃😄😅😆😉😊😋😍😎😘🙂🤗🤩🥰🥳👍👏🙌💪🎉❤💕💖💗💙💚💛💜🌹✨✅⭐👌😻💯";

  private static final String NEGATIVE_EMOJI =
      "😒😞😟😠😡😢😣😤😥😧😨😩😪😫😭😰😱😖😔🙄🤬🤮🤢👎💩💔😑😐😕🙁☹😿❌";

  /**
   * Document-level features (lexicon totals, cues) are added after normalisation, at this value.
   */
  private static final float DOC_VALUE = 0.5f;

  private final FeatureConfig config;
  private final int mask;
  private final SentimentLexicon lexicon;
  private final float charWeight;

  /** {@link #charGramCount} by word length, for the words a text of {@code maxChars} can hold. */
  private final int[] charGramCounts;

  FeatureExtractor(FeatureConfig config) {
    this.config = config;
    this.charGramCounts = new int[config.maxChars() + 1];
    for (int length = 0; length < charGramCounts.length; length++) {
      charGramCounts[length] = charGramCount(length);
    }
    this.mask = (1 << config.hashBits()) - 1;
    this.lexicon = SentimentLexicon.of(config.lexicon());
    this.charWeight = (float) config.charWeight();
  }

  /** Per-text counts behind the lexicon totals and surface cues. */
  private static final class Doc {
    float pos;
    float neg;
    int posWords;
    int negWords;
    boolean intensify;
    int urls;
    int digits;
    int caps;
    int exclaims;
    int questions;
    int repeats;
    int words;
    int chars;
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
    Doc doc = lexicon != null || config.cues() ? new Doc() : null;
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
      if (startsLink(text, i, end, ch)) {
        int j = i;
        while (j < end && !Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        prevHash = emitToken(out, "<url>", text.substring(i, j), false, prevHash, hasPrev, false);
        hasPrev = true;
        if (config.cues()) {
          doc.urls++;
          String domain = domain(text, i, j);
          if (!domain.isEmpty()) {
            out.add(fmix(hash(SEED_DOC, domain)) & mask, 1f, out.tokenCount - 1);
          }
        }
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
      int e =
          EMOTICON_STARTS.indexOf(Character.toLowerCase(ch)) >= 0 ? emoticonAt(text, i, end) : -1;
      if (e >= 0) {
        String emoticon = EMOTICONS[e][1];
        int len = EMOTICONS[e][0].length();
        if (lexicon != null) {
          polarity(
              doc,
              emoticon.equals("<emo_sad>")
                  ? -1
                  : emoticon.equals("<emo_skeptic>") || emoticon.equals("<emo_surprise>") ? 0 : 1);
        }
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
        if (!number && isScopeEnd(word)) {
          inNegation = false;
        }
        boolean neg = config.negation() && inNegation && !negator;
        prevHash = emitToken(out, key, surface, neg, prevHash, hasPrev, !number);
        hasPrev = true;
        boolean caps = !number && surface.length() >= 3 && isAllCaps(surface);
        if (caps) {
          out.add(hash(SEED_WORD, "<caps>") & mask, 1f, out.tokenCount - 1);
        }
        if (doc != null) {
          doc.words++;
          if (config.cues()) {
            doc.caps += caps ? 1 : 0;
            doc.digits += number ? 1 : 0;
            doc.repeats += word.length() < surface.length() ? 1 : 0;
          }
          if (lexicon != null && !number) {
            float v = lexicon.valence(word);
            if (v != 0) {
              v = neg ? -v : v;
              v = doc.intensify ? v * 1.5f : v;
              out.add(
                  v > 0 ? hash(SEED_DOC, "<lex+>") & mask : hash(SEED_DOC, "<lex->") & mask,
                  Math.abs(v),
                  out.tokenCount - 1);
              if (v > 0) {
                doc.pos += v;
                doc.posWords++;
              } else {
                doc.neg -= v;
                doc.negWords++;
              }
            }
            doc.intensify = SentimentLexicon.isIntensifier(word);
          }
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
        if (doc != null) {
          for (int q = i; q < j; q++) {
            if (text.charAt(q) == '!') {
              doc.exclaims++;
            } else {
              doc.questions++;
            }
          }
        }
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
        String emoji = new String(Character.toChars(cp));
        prevHash = emitToken(out, emoji, emoji, false, prevHash, hasPrev, false);
        hasPrev = true;
        if (lexicon != null) {
          polarity(
              doc, POSITIVE_EMOJI.contains(emoji) ? 1 : NEGATIVE_EMOJI.contains(emoji) ? -1 : 0);
        }
      }
      i += n;
    }
    out.normalise();
    if (doc != null && out.tokenCount > 0) {
      doc.chars = end;
      documentFeatures(doc, out);
    }
  }

  private static void polarity(Doc doc, int sign) {
    if (sign > 0) {
      doc.pos += 0.5f;
      doc.posWords++;
    } else if (sign < 0) {
      doc.neg += 0.5f;
      doc.negWords++;
    }
  }

  /** Lexicon totals and surface cues, each a bucketed indicator owned by the first token. */
  private void documentFeatures(Doc doc, Features out) {
    if (lexicon != null) {
      float net = doc.pos - doc.neg;
      int netBin =
          net <= -1.5f
              ? -3
              : net <= -0.7f
                  ? -2
                  : net < -0.05f ? -1 : net < 0.05f ? 0 : net < 0.7f ? 1 : net < 1.5f ? 2 : 3;
      doc(out, "<lexnet>", netBin);
      doc(out, "<lexpos>", Math.min(doc.posWords, 3));
      doc(out, "<lexneg>", Math.min(doc.negWords, 3));
      if (doc.posWords > 0 && doc.negWords > 0) {
        doc(out, "<lexmixed>", 1);
      }
    }
    if (config.cues()) {
      doc(out, "<len>", 32 - Integer.numberOfLeadingZeros(doc.chars / 16));
      doc(out, "<urls>", Math.min(doc.urls, 3));
      doc(out, "<digits>", Math.min(doc.digits, 4));
      doc(out, "<capsw>", Math.min(doc.caps, 3));
      doc(out, "<excl>", Math.min(doc.exclaims, 4));
      doc(out, "<quest>", Math.min(doc.questions, 3));
      doc(out, "<rep>", Math.min(doc.repeats, 2));
    }
  }

  private void doc(Features out, String name, int bin) {
    out.add(fmix(hash(SEED_DOC, name) + bin * 0x61c88647) & mask, DOC_VALUE, -1);
  }

  /** The host of a link without {@code www.}, lower-cased, e.g. {@code youtube.com}. */
  private static String domain(String text, int from, int to) {
    int start = text.indexOf("//", from);
    start = start < 0 || start >= to ? from : start + 2;
    int stop = start;
    while (stop < to && text.charAt(stop) != '/' && text.charAt(stop) != '?') {
      stop++;
    }
    String host = text.substring(start, stop).toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
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
    if (out.expandCharGrams) {
      forEachCharGram(word, bucket -> out.add(bucket, charWeight, token));
    } else {
      int length = word.length(); // lower-casing can lengthen a word past maxChars ("İ" → "i̇")
      int grams = length < charGramCounts.length ? charGramCounts[length] : charGramCount(length);
      out.addBlock(word, grams, charWeight, token);
    }
  }

  /** Passes the bucket of each character n-gram of {@code word} (boundaries included) on. */
  void forEachCharGram(String word, IntConsumer bucket) {
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
          bucket.accept(fmix(h + n) & mask);
        }
      }
    }
  }

  /** How many buckets {@link #forEachCharGram} passes on for a word of this length. */
  private int charGramCount(int wordLength) {
    int len = wordLength + 2;
    int count = 0;
    for (int n = config.charMin(); n <= config.charMax() && n <= len; n++) {
      if (!(n == len && n <= 3)) {
        count += len - n + 1;
      }
    }
    return count;
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

  /** Longer words are neither negators nor scope ends: most words skip the lookups. */
  private static final int LONGEST_FUNCTION_WORD = 8;

  private static boolean isNegator(String word) {
    return word.length() <= LONGEST_FUNCTION_WORD && NEGATORS.contains(word);
  }

  private static boolean isScopeEnd(String word) {
    return word.length() <= LONGEST_FUNCTION_WORD && SCOPE_ENDS.contains(word);
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

  /** The index in {@link #EMOTICONS} of the emoticon at {@code i}, or -1. */
  private static int emoticonAt(String text, int i, int end) {
    for (int e = 0; e < EMOTICONS.length; e++) {
      String face = EMOTICONS[e][0];
      if (startsWithIgnoreCase(text, i, end, face) && emoticonBoundary(text, i, end, face)) {
        return e;
      }
    }
    return -1;
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

  private static boolean startsLink(String text, int i, int end, char ch) {
    // the first letter decides before the slower case-insensitive comparisons
    if (ch == 'h' || ch == 'H') {
      return startsWithIgnoreCase(text, i, end, "http://")
          || startsWithIgnoreCase(text, i, end, "https://");
    }
    return (ch == 'w' || ch == 'W') && startsWithIgnoreCase(text, i, end, "www.");
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
