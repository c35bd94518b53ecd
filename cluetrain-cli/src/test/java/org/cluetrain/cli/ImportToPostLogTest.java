package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.kafka.InProcessKafka;
import org.cluetrain.kafka.PostLogReader;
import org.cluetrain.kafka.PostLogSettings;
import org.cluetrain.kafka.PostLogTopics;
import org.cluetrain.kafka.ReadOutcome;
import org.cluetrain.model.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluetrain import} with a workspace that names a Kafka cluster, on a real broker. */
class ImportToPostLogTest {
  @TempDir static Path brokerDirectory;
  private static InProcessKafka kafka;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = InProcessKafka.start(brokerDirectory);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theImportWritesThePostsToTheTopicForTheProjectAndStoresNothingItself() throws Exception {
    PostLogSettings log =
        PostLogSettings.of(kafka.bootstrapServers())
            .withTopics("bahn.posts", "bahn.posts.dead-letters");
    PostLogTopics.ensure(log, 3, (short) 1);
    Path workspace = dir.resolve("cluetrain.yaml");
    Files.writeString(
        workspace,
        "projects:\n  - name: bahn\nkafka:\n  bootstrap-servers: "
            + kafka.bootstrapServers()
            + "\n  topic: bahn.posts\n  dead-letter-topic: bahn.posts.dead-letters\n");
    Path data = dir.resolve("data");

    CliRun run =
        CliRun.of(
            "import",
            "--data",
            data.toString(),
            "-w",
            workspace.toString(),
            "-p",
            "bahn",
            CommandLineTest.WXR_SAMPLE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "wxr, 12 read, 12 written to the post log (topic bahn.posts at "
                + kafka.bootstrapServers()
                + ")");
    assertThat(data).doesNotExist();

    List<Post> posts = new ArrayList<>();
    try (PostLogReader reader = new PostLogReader(log)) {
      Instant deadline = Instant.now().plusSeconds(60);
      while (posts.size() < 12 && Instant.now().isBefore(deadline)) {
        reader.poll(Duration.ofMillis(200), posts::addAll);
      }
      assertThat(reader.poll(Duration.ofMillis(300), posts::addAll)).isEqualTo(ReadOutcome.NOTHING);
    }
    assertThat(posts).hasSize(12).allSatisfy(p -> assertThat(p.project()).isEqualTo("bahn"));
    assertThat(posts).extracting(Post::id).doesNotHaveDuplicates();
  }

  @Test
  void aMissingTopicIsNamedAndNothingIsRead() throws Exception {
    Path workspace = dir.resolve("cluetrain.yaml");
    Files.writeString(
        workspace,
        "projects:\n  - name: bahn\nkafka:\n  bootstrap-servers: "
            + kafka.bootstrapServers()
            + "\n  topic: nowhere.posts\n  dead-letter-topic: nowhere.dead-letters\n");

    CliRun run =
        CliRun.of(
            "import",
            "--data",
            dir.resolve("data").toString(),
            "-w",
            workspace.toString(),
            CommandLineTest.WXR_SAMPLE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "cluetrain: the Kafka cluster at "
                + kafka.bootstrapServers()
                + " has no topic nowhere.posts and no topic nowhere.dead-letters; create the post"
                + " log's topics first (docs/operations.md)"
                + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }
}
