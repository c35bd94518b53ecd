package org.cluetrain.bench;

import java.util.ArrayList;
import java.util.List;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceType;

/**
 * A few German and English texts in the shape of the shared data, for tests that must not need it.
 */
final class SmallCorpus {
  private static final List<String> TEXTS =
      List.of(
          "@united my flight was delayed again, customer service put me on hold for an hour",
          "Thanks @JetBlue for the great crew and the free wifi! #travel",
          "@SouthwestAir lost my baggage at the gate, still waiting for a refund",
          "Die Deutsche Bahn hat wieder Verspätung, der ICE fällt aus. Danke DB!",
          "Streik bei der Bahn: Pendler warten am Bahnhof auf den nächsten Zug",
          "Schaffner war sehr freundlich, trotzdem zu spät in München angekommen",
          "Apple is opening a pop-up store for the iPad 2 launch at #SXSW",
          "Google Circles launch rumours at SXSW, android fans excited",
          "This video is amazing, the guitar solo at the end gives me chills",
          "Ich finde den Artikel einseitig, die Kommentare hier sind besser als der Text");

  private SmallCorpus() {}

  /**
   * Every text three times, so that its word pairs count as phrases, and 500 made-up words, so that
   * the long queries (100+ terms) find enough distinct words.
   */
  static List<String> texts() {
    StringBuilder madeUp = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      madeUp.append("wort").append((char) ('a' + i / 26 % 26)).append((char) ('a' + i % 26));
      madeUp.append(i % 7 == 6 ? ". " : " ");
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      texts.addAll(TEXTS);
      texts.add(madeUp.toString());
    }
    return texts;
  }

  static Corpus corpus() {
    List<Corpus.Text> texts = new ArrayList<>();
    for (String text : TEXTS) {
      texts.add(new Corpus.Text(text, "small", SourceType.TWITTER, PostKind.POST, "anna"));
    }
    return new Corpus(texts);
  }
}
