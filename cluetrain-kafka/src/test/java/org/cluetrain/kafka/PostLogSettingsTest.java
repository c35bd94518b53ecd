package org.cluetrain.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostLogSettingsTest {

  @Test
  void theDefaultsNameTheTopicsClientAndGroup() {
    PostLogSettings settings = PostLogSettings.of(" kafka-1:9092,kafka-2:9092 ");

    assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(settings.topic()).isEqualTo("cluetrain.posts");
    assertThat(settings.deadLetterTopic()).isEqualTo("cluetrain.posts.dead-letters");
    assertThat(settings.clientId()).isEqualTo("cluetrain");
    assertThat(settings.groupId()).isEqualTo("cluetrain-pipeline");
  }

  @Test
  void addressesMayBeNamesIPv4OrBracketedIPv6() {
    assertThat(PostLogSettings.bootstrapProblem("127.0.0.1:9092, [::1]:9093, kafka:1")).isEmpty();
  }

  @Test
  void aBadBootstrapServerIsNamed() {
    assertThat(PostLogSettings.bootstrapProblem("kafka-1:9092,kafka-2"))
        .contains("bootstrap server 'kafka-2' is not host:port, such as kafka-1:9092");
    assertThat(PostLogSettings.bootstrapProblem("kafka:99999"))
        .contains("bootstrap server 'kafka:99999' has port 99999, not one of 1 to 65535");
    assertThat(PostLogSettings.bootstrapProblem(" "))
        .contains("bootstrap servers are missing, such as kafka-1:9092,kafka-2:9092");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> new PostLogSettings("kafka", "posts/all", "posts/all", "", "g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bootstrap server 'kafka' is not host:port, such as kafka-1:9092; topic 'posts/all'"
                + " is not a Kafka topic name: at most 249 letters, digits, '.', '_' and '-';"
                + " dead-letter topic 'posts/all' is not a Kafka topic name: at most 249"
                + " letters, digits, '.', '_' and '-'; the dead-letter topic must differ from the"
                + " topic 'posts/all'; client id is missing");
  }

  @Test
  void topicNamesFollowKafkasRule() {
    assertThat(PostLogSettings.topicProblem("topic", "..")).isPresent();
    assertThat(PostLogSettings.topicProblem("topic", "a".repeat(250))).isPresent();
    assertThat(PostLogSettings.topicProblem("topic", "a".repeat(249))).isEmpty();
    assertThat(PostLogSettings.topicProblem("topic", "cluetrain.posts_v1-eu")).isEmpty();
  }
}
