package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.junit.jupiter.api.Test;

class ClassifierEnricherTest {

  private final ClassifierEnricher enricher =
      new ClassifierEnricher(List.of(TextClassifierTest.tiny()));

  private static Post post(String lang, String text) {
    return Post.builder()
        .id("p1")
        .source(new SourceRef("feed:test", SourceType.FEED, "test", "https://example.com/feed"))
        .text(text)
        .published(Instant.EPOCH)
        .lang(lang)
        .labels(Map.of("relevance", new Label("true", 0.9, List.of())))
        .build();
  }

  @Test
  void labelsPostsInTheModelsLanguageAndKeepsOtherLabels() {
    Post out = enricher.enrich(post("en", "great service, I love it"));
    assertThat(out.labels()).containsKeys("sentiment", "relevance");
    assertThat(out.labels().get("sentiment").value()).isEqualTo("positive");
  }

  @Test
  void postsInOtherLanguagesGetNoLabel() {
    for (String lang : new String[] {"fr", "und", null}) {
      Post in = post(lang, "great service");
      assertThat(enricher.enrich(in)).isSameAs(in);
    }
  }

  @Test
  void oddTextsNeverThrow() {
    for (String text : List.of("😀", "https://x.y/z", "a".repeat(1_000_000))) {
      assertThat(enricher.enrich(post("en", text)).labels()).containsKey("sentiment");
    }
  }
}
