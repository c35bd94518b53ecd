package org.cluetrain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.junit.jupiter.api.Test;

/** What stands out in one set of posts against another, counted in voices. */
class TopicsTest {
  private static final SourceRef FEED =
      new SourceRef("feed:https://blog.example/feed", SourceType.FEED, "Blog", null);

  private static int serial;

  static Post post(String author, String text) {
    return Post.builder()
        .id("p" + serial++)
        .source(FEED)
        .author(new Author("x:" + author, author, author, null))
        .text(text)
        .published(Instant.parse("2026-11-16T09:00:00Z"))
        .build();
  }

  /** Everyday talk about trains: what both periods have. */
  static List<Post> everyday(String prefix, int authors) {
    List<Post> posts = new ArrayList<>();
    String[] texts = {
      "Die Bahn war heute pünktlich, danke", "Zug nach Hamburg voll wie immer",
      "Schönes Wetter für eine Fahrt mit der Bahn", "Ticket gekauft, Fahrt morgen früh",
    };
    for (int i = 0; i < authors; i++) {
      posts.add(post(prefix + i, texts[i % texts.length]));
    }
    return posts;
  }

  @Test
  void aPhraseManyPeopleUseNowStandsOutAndTakesInItsWords() {
    List<Post> before = everyday("b", 60);
    List<Post> now = everyday("n", 40);
    String[] complaints = {
      "Stellwerksstörung Köln, nichts geht mehr",
      "Wegen Stellwerksstörung Köln fällt mein Zug aus",
      "Stellwerksstörung Köln und keine Durchsage",
    };
    for (int i = 0; i < 12; i++) {
      now.add(post("s" + i, complaints[i % complaints.length]));
    }
    List<Topics.Term> terms = Topics.compare(now, before);
    assertThat(terms).isNotEmpty();
    Topics.Term first = terms.get(0);
    assertThat(first.phrase()).isEqualTo("stellwerksstörung köln");
    assertThat(first.voices()).isEqualTo(12);
    assertThat(first.otherVoices()).isZero();
    assertThat(first.variants()).contains("stellwerksstörung", "köln");
    assertThat(first.query()).isEqualTo("\"stellwerksstörung köln\"");
    // what both periods talk about alike is no topic
    assertThat(terms).extracting(Topics.Term::phrase).doesNotContain("bahn", "fahrt", "ticket");
  }

  @Test
  void oneAuthorRepeatingThemselvesIsNoTopicNorAreCopiesOrSpam() {
    List<Post> before = everyday("b", 60);
    List<Post> now = everyday("n", 40);
    for (int i = 0; i < 30; i++) {
      now.add(post("loud", "Gewinnspiel Gewinnspiel jetzt mitmachen " + i));
    }
    Label spam = new Label("spam", 0.99, List.of());
    for (int i = 0; i < 30; i++) {
      now.add(
          post("spam" + i, "Sofortkredit ohne Schufa hier klicken").toBuilder()
              .labels(Map.of("spam", spam))
              .build());
      now.add(
          post("echo" + i, "Pressemitteilung Tarifeinigung erzielt").toBuilder()
              .duplicateOf("p0")
              .build());
    }
    assertThat(Topics.compare(now, before))
        .extracting(Topics.Term::phrase)
        .doesNotContain("gewinnspiel", "sofortkredit", "schufa", "tarifeinigung");
  }

  @Test
  void tooFewVoicesOnEitherSideSayNothing() {
    List<Post> now = everyday("n", 10);
    for (int i = 0; i < 10; i++) {
      now.add(post("s" + i, "Stellwerksstörung"));
    }
    assertThat(Topics.compare(now, List.of())).isEmpty();
  }

  @Test
  void theLogLikelihoodIsDunningsOnTheTwoByTwoTable() {
    // 20 of 100 against 5 of 100: worked by hand from the four cells
    double expected =
        2
            * (20 * Math.log(20 / 12.5)
                + 80 * Math.log(80 / 87.5)
                + 5 * Math.log(5 / 12.5)
                + 95 * Math.log(95 / 87.5));
    assertThat(Topics.logLikelihood(20, 100, 5, 100)).isCloseTo(expected, within(1e-9));
    assertThat(Topics.logLikelihood(10, 100, 10, 100)).isCloseTo(0, within(1e-9));
  }
}
