package org.cluetrain.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.cluetrain.enrich.language.LanguageIdentifier;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NgramLanguageIdentifierTest {
  private static final NgramLanguageIdentifier NGRAM = NgramLanguageIdentifier.standard();

  private static final List<String> SENTENCES =
      List.of(
          "Die Bahn ist heute schon wieder zu spät, ich warte seit einer Stunde am Bahnsteig.",
          "My flight got cancelled again and nobody at the gate could tell us why.",
          "Le train est encore en retard ce matin, c'est vraiment insupportable.",
          "El tren llega tarde otra vez y nadie nos dice nada.",
          "De trein is weer te laat en niemand weet waarom.",
          "Il treno è di nuovo in ritardo e nessuno ci dice niente.",
          "Поезд снова опаздывает, и никто не знает почему.");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Die Bahn ist heute schon wieder zu spät, ich warte seit einer Stunde am Bahnsteig.|de",
        "My flight got cancelled again and nobody at the gate could tell us why.|en",
        "Le train est encore en retard ce matin, c'est vraiment insupportable.|fr",
        "El tren llega tarde otra vez y nadie nos dice nada.|es",
        "De trein is weer te laat en niemand weet waarom.|nl",
        "Il treno è di nuovo in ritardo e nessuno ci dice niente.|it",
        "O voo atrasou três horas e ninguém explicou nada aos passageiros.|pt",
        "Pociąg znowu się spóźnił i nikt nie wie dlaczego.|pl",
        "Tåget är försenat igen och ingen vet varför.|sv",
        "Juna on taas myöhässä eikä kukaan tiedä miksi.|fi",
        "Vlak má zase zpoždění a nikdo neví proč.|cs",
        "A vonat megint késik, és senki sem tudja, miért.|hu",
        "Trenul întârzie din nou și nimeni nu știe de ce.|ro",
        "Tren yine gecikti ve kimse nedenini bilmiyor.|tr",
        "Поезд снова опаздывает, и никто не знает почему.|ru",
        "DIE BAHN IST HEUTE SCHON WIEDER ZU SPÄT!!!|de",
        "@united https://t.co/abc123 thanks for nothing, my bag is still lost|en",
        "www.example.com/the-english-words-here Der Zug fällt heute leider aus|de",
      })
  void identifiesClearSentences(String text, String expected) {
    assertThat(NGRAM.identify(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "🙂🙂🙂 !!!",
        "https://t.co/x",
        "@DB_Bahn @united http://example.com/a/long/path/with/english/words",
        "ok lol",
        "1234567890 #1",
        "Το τρένο έχει πάλι καθυστέρηση και κανείς δεν ξέρει γιατί.",
      })
  void leavesTextsThatSayNothingUndetermined(String text) {
    assertThat(NGRAM.identify(text)).isEqualTo(LanguageIdentifier.UNDETERMINED);
  }

  @Test
  void leavesTextsUndeterminedWhenTwoLanguagesAreEquallyLikely() {
    NgramLanguageIdentifier strict =
        NgramLanguageIdentifier.of(
            List.of("da", "nb"), NgramLanguageIdentifier.DEFAULT_ORDERS, 1.0, 1000);
    assertThat(strict.identify("Toget er forsinket igen, og ingen ved hvorfor."))
        .isEqualTo(LanguageIdentifier.UNDETERMINED);
  }

  @Test
  void namesItsCandidatesInTheOrderGiven() {
    assertThat(NgramLanguageIdentifier.of(List.of("EN", " de", "en")).languages())
        .containsExactly("en", "de");
  }

  /** Thresholds a little under the share measured on the same rows (see the model card). */
  @ParameterizedTest
  @CsvSource({
    "sentiment/de/sb10k.all.tsv, de, 0.92",
    "sentiment/de/germeval2017.dev.tsv, de, 0.98",
    "offensive/de/germeval2018.train.tsv, de, 0.99",
    "sentiment/en/us-airline.all.tsv, en, 0.95",
    "sentiment/en/semeval2013-2016.all.tsv, en, 0.99",
    "spam/en/sms.all.tsv, en, 0.93",
  })
  void agreesWithTheLanguageOfRealLabelledPosts(String file, String lang, double atLeast)
      throws IOException {
    List<String> texts = evenlySpaced(SharedData.path("labeled/" + file), 2000);
    long agreeing = texts.stream().filter(t -> NGRAM.identify(t).equals(lang)).count();
    assertThat(agreeing / (double) texts.size()).isGreaterThan(atLeast);
  }

  @Test
  void givesTheSameAnswersFromManyThreads() throws Exception {
    List<String> expected = SENTENCES.stream().map(NGRAM::identify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<String> last = List.of();
                  for (int i = 0; i < 500; i++) {
                    last = SENTENCES.stream().map(NGRAM::identify).toList();
                    if (!last.equals(expected)) {
                      return last;
                    }
                  }
                  return last;
                }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Nested
  class Configuration {
    @Test
    void rejectsUnknownLanguageCodesByName() {
      assertThatThrownBy(() -> NgramLanguageIdentifier.of(List.of("de", "xx", "klingon")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown language codes [xx, klingon]");
    }

    @Test
    void rejectsFewerThanTwoLanguages() {
      assertThatThrownBy(() -> NgramLanguageIdentifier.of(List.of("de")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("language identification needs at least two candidate languages, got [de]");
      assertThatThrownBy(() -> NgramLanguageIdentifier.of(List.of("de", "DE")))
          .hasMessage(
              "language identification needs at least two candidate languages, got [de, DE]");
    }
  }

  private static List<String> evenlySpaced(Path tsv, int count) throws IOException {
    List<String> all;
    try (Stream<String> lines = Files.lines(tsv)) {
      all =
          lines
              .skip(1)
              .map(l -> l.split("\t", 4))
              .filter(f -> f.length == 4)
              .map(f -> f[3])
              .toList();
    }
    double step = Math.max(1.0, all.size() / (double) count);
    List<String> texts = new ArrayList<>();
    for (double i = 0; i < all.size(); i += step) {
      texts.add(all.get((int) i));
    }
    return texts;
  }
}
