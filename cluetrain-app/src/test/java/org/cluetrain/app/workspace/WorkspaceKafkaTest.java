package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cluetrain.kafka.PostLogSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's {@code kafka:} section: the post log ingest writes to. */
class WorkspaceKafkaTest {
  @TempDir Path dir;

  private static final String PROJECTS =
      """
      projects:
        - name: bahn
      """;

  Workspace read(String yaml) throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(file, yaml);
    return WorkspaceReader.read(file);
  }

  String problems(String yaml) throws Exception {
    try {
      read(yaml);
    } catch (WorkspaceException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("no problem found in " + yaml);
  }

  @Test
  void withoutASectionThereIsNoPostLog() throws Exception {
    assertThat(read(PROJECTS).postLogIfAny()).isEmpty();
  }

  @Test
  void theClusterAloneTakesTheDefaultNames() throws Exception {
    assertThat(
            read("kafka:\n  bootstrap-servers: kafka-1:9092,kafka-2:9092\n" + PROJECTS).postLog())
        .isEqualTo(PostLogSettings.of("kafka-1:9092,kafka-2:9092"));
  }

  @Test
  void everyNameCanBeGiven() throws Exception {
    String kafka =
        """
        kafka:
          bootstrap-servers: 10.0.0.5:9092
          topic: listening.posts
          dead-letter-topic: listening.posts.dlq
          client-id: import-host-1
          group-id: listening-pipeline
        """;
    assertThat(read(kafka + PROJECTS).postLog())
        .isEqualTo(
            new PostLogSettings(
                "10.0.0.5:9092",
                "listening.posts",
                "listening.posts.dlq",
                "import-host-1",
                "listening-pipeline"));
  }

  @Test
  void everyBadValueIsReportedOnItsLineWithTheOtherProblems() throws Exception {
    String message =
        problems(
            """
            kafka:
              bootstrap-servers: kafka-1
              topic: posts/all
              partitions: 3
            projects:
              - name: Bahn!
            """);
    assertThat(message)
        .contains(
            ":2: kafka: bootstrap server 'kafka-1' is not host:port, such as kafka-1:9092",
            ":3: kafka: topic 'posts/all' is not a Kafka topic name: at most 249 letters,"
                + " digits, '.', '_' and '-'",
            ":4: unknown key 'partitions' in 'kafka', expected one of bootstrap-servers,"
                + " client-id, dead-letter-topic, group-id, topic",
            ":6: ");
  }

  @Test
  void theClusterIsRequired() throws Exception {
    assertThat(problems("kafka:\n  topic: posts\n" + PROJECTS))
        .endsWith(":2: a 'kafka' section needs 'bootstrap-servers'");
  }

  @Test
  void theDeadLetterTopicMustDifferFromTheTopic() throws Exception {
    assertThat(
            problems(
                "kafka:\n  bootstrap-servers: k:9092\n  topic: posts\n  dead-letter-topic: posts\n"
                    + PROJECTS))
        .endsWith(":2: kafka: the dead-letter topic must differ from the topic 'posts'");
  }
}
