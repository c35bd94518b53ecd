package org.cluetrain.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cluetrain.enrich.language.LanguageIdentifier;

/**
 * Language identification with Lingua (n-gram models for 75 languages, accurate on short texts).
 *
 * <p>Lingua's cost grows with the number of candidate languages, and it is the most expensive
 * enrichment stage, so a deployment names the languages it expects; the default is German, English
 * and the major European languages. Low-accuracy mode (trigrams only) is several times faster and
 * loses accuracy mainly on texts under ~120 characters; see {@code docs/benchmarks.md}.
 */
public final class LinguaLanguageIdentifier implements LanguageIdentifier {
  /** German and English first, then the major European languages and Turkish and Russian. */
  public static final List<String> DEFAULT_LANGUAGES =
      List.of(
          "de", "en", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "hu", "ro",
          "tr", "ru");

  /** Texts with fewer letters than this are left undetermined: one word says too little. */
  static final int MIN_LETTERS = 8;

  /** Links and account names say nothing about the language a text is written in. */
  private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|@[\\w.@]+");

  private final LanguageDetector detector;

  private LinguaLanguageIdentifier(LanguageDetector detector) {
    this.detector = detector;
  }

  /** The default languages with Lingua's high-accuracy mode, models loaded on first use. */
  public static LinguaLanguageIdentifier standard() {
    return of(DEFAULT_LANGUAGES, false);
  }

  /**
   * @param isoCodes ISO 639-1 codes of the candidate languages (at least two)
   * @param lowAccuracy use Lingua's faster trigram-only mode
   * @throws IllegalArgumentException naming any code Lingua does not know
   */
  public static LinguaLanguageIdentifier of(List<String> isoCodes, boolean lowAccuracy) {
    List<IsoCode639_1> codes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String code : isoCodes) {
      try {
        codes.add(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
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
    LanguageDetectorBuilder builder =
        LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(IsoCode639_1[]::new));
    if (lowAccuracy) {
      builder = builder.withLowAccuracyMode();
    }
    return new LinguaLanguageIdentifier(builder.build());
  }

  @Override
  public String identify(String text) {
    if (text == null) {
      return UNDETERMINED;
    }
    String words = NOISE.matcher(text).replaceAll(" ");
    if (countLetters(words) < MIN_LETTERS) {
      return UNDETERMINED;
    }
    Language language = detector.detectLanguageOf(words);
    if (language == Language.UNKNOWN) {
      return UNDETERMINED;
    }
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static int countLetters(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters;
  }
}
