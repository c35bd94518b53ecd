package org.cluetrain.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Wie geht es euch? Schreibt eure Erfahrungen in die Kommentare.",
        "Warum sagt mir niemand, dass der Zug ausfällt?",
        "Bekomme ich das Geld für die Hotelnacht zurück?",
        "Weiß jemand, ob die Fahrgastrechte auch für den Regionalverkehr gelten",
        "@db_bahn kann mir jemand sagen wann der ICE 578 fährt",
        "Wo?",
        "Anyone else's Delta flight delayed out of JFK this morning? Ground stop because of fog.",
        "Does anyone know if the lounge is open",
        "How do I get a refund for a cancelled flight",
        "Is the 7:40 to Boston still on time?\"",
      })
  void asks(String text) {
    assertThat(QuestionDetector.isQuestion(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Was mich ärgert, ist nicht die Verspätung, sondern das Schweigen.",
        "Die Deutsche Bahn hat schon wieder Verspätung!",
        "Echt?",
        "Seriously?!",
        "Mehr dazu: https://example.org/artikel?id=7&seite=2",
        "Great post. I had a similar experience with a very helpful conductor.",
        "What a day.",
        "",
      })
  void doesNotAsk(String text) {
    assertThat(QuestionDetector.isQuestion(text)).isFalse();
  }
}
