package org.cluetrain.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cluetrain.enrich.language.LanguageIdentifier;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinguaLanguageIdentifierTest {
  private static final LinguaLanguageIdentifier LINGUA = LinguaLanguageIdentifier.standard();

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
      })
  void identifiesCommonEuropeanLanguages(String text, String expected) {
    assertThat(LINGUA.identify(text)).isEqualTo(expected);
  }

  @Test
  void leavesTextsWithoutEnoughLettersUndetermined() {
    assertThat(LINGUA.identify("")).isEqualTo(LanguageIdentifier.UNDETERMINED);
    assertThat(LINGUA.identify("🙂🙂🙂 !!!")).isEqualTo(LanguageIdentifier.UNDETERMINED);
    assertThat(LINGUA.identify("https://t.co/x")).isEqualTo(LanguageIdentifier.UNDETERMINED);
  }

  @Test
  void rejectsUnknownLanguageCodesByName() {
    assertThatThrownBy(() -> LinguaLanguageIdentifier.of(List.of("de", "xx"), false))
        .hasMessage("unknown language codes [xx]");
  }

  /** On real labelled tweets and comments the language column says what it should be. */
  @Test
  void agreesWithTheLanguageOfRealLabelledPosts() throws IOException {
    double german = agreement(SharedData.path("labeled/sentiment/de/sb10k.all.tsv"), "de");
    double english = agreement(SharedData.path("labeled/sentiment/en/us-airline.all.tsv"), "en");
    assertThat(german).isGreaterThan(0.90);
    assertThat(english).isGreaterThan(0.95);
  }

  private static double agreement(Path tsv, String lang) throws IOException {
    try (Stream<String> lines = Files.lines(tsv)) {
      List<String> texts = lines.skip(1).limit(400).map(l -> l.split("\t", 4)[3]).toList();
      long agreeing = texts.stream().filter(t -> LINGUA.identify(t).equals(lang)).count();
      return agreeing / (double) texts.size();
    }
  }
}
