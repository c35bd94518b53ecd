package org.cluetrain.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Author;
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.SamplePosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostRecordFormatTest {

  @Test
  void aPostComesBackEqualWithEveryField() throws Exception {
    Post post =
        SamplePosts.forumComment("forum:1", "Der Zug fällt aus.")
            .author(new Author("forum:hm", "Hans Müller", "hmueller", "https://forum.example/u/hm"))
            .html("<p>Der Zug fällt aus.</p>")
            .published(java.time.Instant.parse("2026-03-02T09:15:00.123456789Z"))
            .engagement(new Engagement(3L, 1L, 0L, 120L, null))
            .links(List.of("https://bahn.example/"))
            .fingerprint(-42L)
            .duplicateOf("forum:0")
            .labels(Map.of("sentiment", new Label("negative", 0.91, List.of("fällt aus"))))
            .build();

    assertThat(PostRecordFormat.decode(PostRecordFormat.encode(post))).isEqualTo(post);
  }

  @Test
  void theRecordNamesItsVersionBesideThePost() {
    String json =
        new String(
            PostRecordFormat.encode(SamplePosts.forumComment("forum:1", "Hallo").build()),
            StandardCharsets.UTF_8);

    assertThat(json).startsWith("{\"version\":1,\"post\":{\"id\":\"forum:1\"");
    assertThat(json).contains("\"published\":\"2026-03-02T09:15:00Z\"").doesNotContain("null");
  }

  @Test
  void fieldsAVersionOneReaderDoesNotKnowAreIgnored() throws Exception {
    Post post = SamplePosts.forumComment("forum:1", "Hallo").build();
    String json = new String(PostRecordFormat.encode(post), StandardCharsets.UTF_8);
    String newer = json.replace("\"post\":{", "\"post\":{\"reach\":1200,");

    assertThat(PostRecordFormat.decode(newer.getBytes(StandardCharsets.UTF_8))).isEqualTo(post);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON at all|not-json",
        "[1,2]|not-json",
        "{\"post\":{\"id\":\"a\",\"text\":\"b\"}}|unknown-version",
        "{\"version\":\"1\",\"post\":{\"id\":\"a\",\"text\":\"b\"}}|unknown-version",
        "{\"version\":2,\"post\":{\"id\":\"a\",\"text\":\"b\"}}|unknown-version",
        "{\"version\":1}|invalid-post",
        "{\"version\":1,\"post\":{\"text\":\"b\"}}|missing-id",
        "{\"version\":1,\"post\":{\"id\":\" \",\"text\":\"b\"}}|missing-id",
        "{\"version\":1,\"post\":{\"id\":\"a\"}}|missing-text",
        "{\"version\":1,\"post\":{\"id\":\"a\",\"text\":\"\",\"title\":\" \"}}|missing-text",
        "{\"version\":1,\"post\":{\"id\":\"a\",\"text\":\"b\"}}|invalid-post",
        "{\"version\":1,\"post\":{\"id\":\"a\",\"text\":\"b\",\"published\":\"gestern\"}}|invalid-post",
      })
  void aRecordThatIsNotAPostSaysWhy(String value, String reason) {
    assertThatThrownBy(() -> PostRecordFormat.decode(value.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            MalformedPostRecordException.class,
            e -> assertThat(e.reason().code()).isEqualTo(reason));
  }

  @Test
  void theReasonsSayWhatIsWrong() {
    assertThatThrownBy(() -> PostRecordFormat.decode(new byte[0]))
        .hasMessage("the record has no value");
    assertThatThrownBy(
            () ->
                PostRecordFormat.decode(
                    "{\"version\":7,\"post\":{}}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("version 7 is unknown; this reader reads version 1");
    assertThatThrownBy(
            () ->
                PostRecordFormat.decode(
                    "{\"version\":1,\"post\":{\"id\":\"a\"}}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("post a has neither 'text' nor 'title'");
  }
}
