package org.cluetrain.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
  private final EntityExtractor extractor = new EntityExtractor();

  static Post post(String text) {
    return Post.builder()
        .id("test:1")
        .source(new SourceRef("test", SourceType.FILE, "test", null))
        .text(text)
        .published(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  @Test
  void findsLinksMentionsAndHashtags() {
    Post post =
        extractor.enrich(
            post(
                "@DB_Bahn schon wieder Verspätung! #Bahnchaos #S-Bahn siehe https://example.org/a?b=1."
                    + " Danke @anna@social.example"));
    assertThat(post.links()).containsExactly("https://example.org/a?b=1");
    assertThat(post.mentions()).containsExactly("db_bahn", "anna@social.example");
    assertThat(post.hashtags()).containsExactly("bahnchaos", "s");
  }

  @Test
  void ignoresEmailAddressesNumbersAndHtmlEntities() {
    Post post = extractor.enrich(post("Schreib an info@example.org, Platz #1 &#39; ok"));
    assertThat(post.mentions()).isEmpty();
    assertThat(post.hashtags()).isEmpty();
  }

  @Test
  void keepsEntitiesTheSourceGaveWithoutDuplicates() {
    Post given =
        post("Hallo @Anna #Umlaute").toBuilder()
            .mentions(List.of("anna"))
            .hashtags(List.of("x"))
            .build();
    Post post = extractor.enrich(given);
    assertThat(post.mentions()).containsExactly("anna");
    assertThat(post.hashtags()).containsExactly("x", "umlaute");
  }
}
