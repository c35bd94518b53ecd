package org.cluetrain.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.model.Post;
import org.cluetrain.store.StoredPost;
import org.cluetrain.testkit.SamplePosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The post log on a real broker (KRaft, in this JVM, on loopback), read into a real store. */
class PostLogTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path brokerDirectory;
  private static InProcessKafka kafka;

  @TempDir Path storeDirectory;
  private PostLogSettings settings;

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

  /** Each test its own topics and group, so that no test reads another's records. */
  @BeforeEach
  void topicsOfThisTest(TestInfo test) {
    String name = test.getTestMethod().orElseThrow().getName();
    settings =
        PostLogSettings.of(kafka.bootstrapServers())
            .withTopics("posts." + name, "posts." + name + ".dead-letters")
            .withGroupId("pipeline-" + name)
            .withClientId("test-" + name);
  }

  @Test
  void postsOfAThreadAreReadInTheOrderTheyWereWrittenAcrossPartitions() {
    PostLogTopics.ensure(settings, 4, (short) 1);
    int threads = 12;
    int perThread = 25;
    try (PostLogWriter writer = new PostLogWriter(settings)) {
      // the threads' posts interleaved, in several writes, as a live source would deliver them
      for (int round = 0; round < perThread; round += 5) {
        List<Post> batch = new ArrayList<>();
        for (int seq = round; seq < round + 5; seq++) {
          for (int thread = 0; thread < threads; thread++) {
            batch.add(post("t" + thread, seq));
          }
        }
        assertThat(writer.write(batch)).isEqualTo(batch.size());
      }
    }

    List<Post> read = new ArrayList<>();
    try (PostLogReader reader = new PostLogReader(settings, 37)) {
      drain(reader, read::addAll, threads * perThread);
    }

    assertThat(read).hasSize(threads * perThread);
    Map<String, List<Integer>> order =
        read.stream()
            .collect(
                Collectors.groupingBy(
                    Post::threadId,
                    LinkedHashMap::new,
                    Collectors.mapping(p -> sequence(p), Collectors.toList())));
    assertThat(order).hasSize(threads);
    List<Integer> written = java.util.stream.IntStream.range(0, perThread).boxed().toList();
    order.forEach((thread, seqs) -> assertThat(seqs).as(thread).isEqualTo(written));
    assertThat(nonEmptyPartitions(settings.topic()))
        .as("partitions holding posts")
        .isGreaterThan(1);
  }

  @Test
  void writingTheSamePostsTwiceLeavesOneCopyOfEachInTheStore() {
    PostLogTopics.ensure(settings, 3, (short) 1);
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      posts.add(post("t" + (i % 7), i));
    }
    try (PostLogWriter writer = new PostLogWriter(settings)) {
      writer.write(posts);
      writer.write(posts); // the same import, again
    }

    AtomicInteger handedOver = new AtomicInteger();
    try (LucenePostStore store = new LucenePostStore(storeDirectory);
        PostLogReader reader = new PostLogReader(settings, 25)) {
      drain(
          reader,
          batch -> {
            handedOver.addAndGet(batch.size());
            store.store(stored(batch));
          },
          2 * posts.size());

      assertThat(handedOver).hasValue(2 * posts.size());
      assertThat(store.count()).isEqualTo(posts.size());
      for (Post post : posts) {
        assertThat(store.get(post.id())).contains(new StoredPost(post, List.of()));
      }
    }
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndReadingGoesOn() throws Exception {
    PostLogTopics.ensure(settings, 1, (short) 1);
    Post before = post("t", 0);
    Post after = post("t", 1);
    List<byte[]> poison =
        List.of(
            utf8("this is not JSON"),
            utf8("{\"version\":2,\"post\":{\"id\":\"p:2\",\"text\":\"from the future\"}}"),
            utf8("{\"version\":1,\"post\":{\"text\":\"no id\"}}"),
            utf8("{\"version\":1,\"post\":{\"id\":\"p:4\",\"text\":\"  \"}}"));
    try (PostLogWriter writer = new PostLogWriter(settings)) {
      writer.write(List.of(before));
    }
    try (KafkaProducer<byte[], byte[]> raw = rawProducer()) {
      for (byte[] value : poison) {
        raw.send(new ProducerRecord<>(settings.topic(), utf8("t"), value)).get();
      }
    }
    try (PostLogWriter writer = new PostLogWriter(settings)) {
      writer.write(List.of(after));
    }

    List<Post> read = new ArrayList<>();
    int deadLetters = 0;
    try (PostLogReader reader = new PostLogReader(settings)) {
      deadLetters = drain(reader, read::addAll, 6).deadLetters();
    }

    assertThat(read).containsExactly(before, after);
    assertThat(deadLetters).isEqualTo(4);
    List<ConsumerRecord<byte[], byte[]>> dead = readAll(settings.deadLetterTopic(), 4);
    assertThat(dead)
        .extracting(r -> header(r, DeadLetters.REASON))
        .containsExactly("not-json", "unknown-version", "missing-id", "missing-text");
    assertThat(dead).extracting(r -> header(r, DeadLetters.TOPIC)).containsOnly(settings.topic());
    assertThat(dead).extracting(r -> header(r, DeadLetters.PARTITION)).containsOnly("0");
    assertThat(dead)
        .extracting(r -> header(r, DeadLetters.OFFSET))
        .containsExactly("1", "2", "3", "4");
    assertThat(header(dead.get(1), DeadLetters.DETAIL))
        .isEqualTo("version 2 is unknown; this reader reads version 1");
    for (int i = 0; i < poison.size(); i++) {
      assertThat(dead.get(i).value()).isEqualTo(poison.get(i));
      assertThat(dead.get(i).key()).isEqualTo(utf8("t"));
    }
  }

  @Test
  void aReaderKilledMidStreamAndRestartedLosesNothingAndStoresNothingTwice() {
    PostLogTopics.ensure(settings, 3, (short) 1);
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      posts.add(post("t" + (i % 11), i));
    }
    try (PostLogWriter writer = new PostLogWriter(settings)) {
      writer.write(posts);
    }

    Set<String> storedUncommitted = new java.util.HashSet<>();
    try (LucenePostStore store = new LucenePostStore(storeDirectory)) {
      // the first reader stores two batches, then dies halfway through storing the third
      AtomicInteger batches = new AtomicInteger();
      PostLogReader first = new PostLogReader(settings, 40);
      try {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (batches.get() < 3 && Instant.now().isBefore(deadline)) {
          first.poll(
              Duration.ofMillis(200),
              batch -> {
                List<Post> part = batches.incrementAndGet() < 3 ? batch : half(batch);
                store.store(stored(part));
                if (part != batch) {
                  part.forEach(p -> storedUncommitted.add(p.id()));
                  throw new Killed();
                }
              });
        }
      } catch (Killed expected) {
        // the process is gone: nothing after the store ran, nothing was committed
      } finally {
        first.close();
      }
      assertThat(batches).hasValue(3);
      long storedBeforeTheCrash = store.count();
      assertThat(storedBeforeTheCrash).isGreaterThan(0).isLessThan(posts.size());

      Set<String> seenBySecond = new java.util.HashSet<>();
      try (PostLogReader restarted = new PostLogReader(settings, 40)) {
        drainUntil(
            restarted,
            batch -> {
              batch.forEach(p -> seenBySecond.add(p.id()));
              store.store(stored(batch));
            },
            () -> store.count() == posts.size());
      }

      assertThat(store.count()).isEqualTo(posts.size());
      for (Post post : posts) {
        assertThat(store.get(post.id())).contains(new StoredPost(post, List.of()));
      }
      // what was stored but not committed came again (at least once), and is stored once
      assertThat(storedUncommitted).isNotEmpty();
      assertThat(seenBySecond).containsAll(storedUncommitted);
    }
  }

  @Test
  void aBatchWhoseHandlerFailsComesAgain() {
    PostLogTopics.ensure(settings, 1, (short) 1);
    List<Post> posts = List.of(post("t", 0), post("t", 1), post("t", 2));
    try (PostLogWriter writer = new PostLogWriter(settings)) {
      writer.write(posts);
    }
    AtomicBoolean failed = new AtomicBoolean();
    List<Post> read = new ArrayList<>();
    try (PostLogReader reader = new PostLogReader(settings)) {
      assertThatThrownBy(
              () -> {
                Instant deadline = Instant.now().plus(PATIENCE);
                while (Instant.now().isBefore(deadline)) {
                  reader.poll(
                      Duration.ofMillis(200),
                      batch -> {
                        failed.set(true);
                        throw new IllegalStateException("the store is full");
                      });
                }
              })
          .isInstanceOf(PostLogException.class)
          .hasMessage("the batch of 3 posts failed")
          .hasRootCauseMessage("the store is full");
      assertThat(failed).isTrue();
      drain(reader, read::addAll, 3);
    }
    assertThat(read).isEqualTo(posts);
  }

  @Test
  void missingTopicsAreNamedBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> PostLogTopics.requireExisting(settings))
        .isInstanceOf(PostLogException.class)
        .hasMessage(
            "the Kafka cluster at "
                + kafka.bootstrapServers()
                + " has no topic "
                + settings.topic()
                + " and no topic "
                + settings.deadLetterTopic()
                + "; create the post log's topics first (docs/operations.md)");

    assertThat(PostLogTopics.ensure(settings, 2, (short) 1))
        .containsExactly(settings.topic(), settings.deadLetterTopic());
    PostLogTopics.requireExisting(settings);
    assertThat(PostLogTopics.ensure(settings, 2, (short) 1)).isEmpty();
  }

  /** The crash of a reader's process, in the middle of storing a batch. */
  private static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  private static List<Post> half(List<Post> batch) {
    return batch.subList(0, batch.size() / 2);
  }

  /** Polls until {@code records} records were read; returns the sums of what the polls did. */
  private static ReadOutcome drain(PostLogReader reader, PostBatchHandler handler, int records) {
    int read = 0;
    int posts = 0;
    int dead = 0;
    Instant deadline = Instant.now().plus(PATIENCE);
    while (read < records) {
      assertThat(Instant.now()).as("time to read " + records + " records").isBefore(deadline);
      ReadOutcome outcome = reader.poll(Duration.ofMillis(200), handler);
      read += outcome.records();
      posts += outcome.posts();
      dead += outcome.deadLetters();
    }
    assertThat(reader.poll(Duration.ofMillis(300), handler)).isEqualTo(ReadOutcome.NOTHING);
    return new ReadOutcome(read, posts, dead);
  }

  private static void drainUntil(
      PostLogReader reader, PostBatchHandler handler, java.util.function.BooleanSupplier done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("time to read the log").isBefore(deadline);
      reader.poll(Duration.ofMillis(200), handler);
    }
    assertThat(reader.poll(Duration.ofMillis(300), handler)).isEqualTo(ReadOutcome.NOTHING);
  }

  private static Post post(String thread, int seq) {
    return SamplePosts.forumComment(thread + ":" + seq, "Beitrag " + seq + " in " + thread)
        .threadId(thread)
        .published(SamplePosts.T0.plusSeconds(seq))
        .build();
  }

  private static int sequence(Post post) {
    return Integer.parseInt(post.id().substring(post.id().indexOf(':') + 1));
  }

  private static List<StoredPost> stored(List<Post> posts) {
    return posts.stream().map(p -> new StoredPost(p, List.of())).toList();
  }

  private long nonEmptyPartitions(String topic) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int p = 0; p < 4; p++) {
        ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(ends).all().get().values().stream()
          .filter(end -> end.offset() > 0)
          .count();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private KafkaProducer<byte[], byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "inspect-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(PATIENCE);
      while (records.size() < count && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    assertThat(records).hasSize(count);
    return records;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
