package org.cluetrain.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.cluetrain.model.Post;

/**
 * Reads the post log in order and hands the posts to a {@link PostBatchHandler}, a batch at a time,
 * at least once.
 *
 * <p>Each {@link #poll} reads a batch of records, sends the malformed ones to the dead-letter topic
 * (and waits until they are written there), hands the others to the handler and, once the handler
 * has returned, commits the batch's offsets for the reader's group. A reader that stops before the
 * commit (a crash, a {@link #close} in the middle, a handler that throws) leaves the batch
 * uncommitted, and it comes again: to this reader, or to whichever reader of the group takes the
 * partition over. Nothing is lost, and since the stores keep one copy per post id, nothing is
 * stored twice.
 *
 * <p>The key and value are read as bytes, so no record can stop the reader: what does not decode is
 * a dead letter, and reading goes on. One reader is used by one thread.
 */
public final class PostLogReader implements AutoCloseable {
  /** Records a poll reads at most, unless the constructor is told otherwise. */
  public static final int DEFAULT_MAX_BATCH = 500;

  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> deadLetterProducer;
  private final String deadLetterTopic;

  public PostLogReader(PostLogSettings settings) {
    this(settings, DEFAULT_MAX_BATCH);
  }

  /**
   * A reader of the settings' topic in the settings' consumer group.
   *
   * @param maxBatch how many records one poll reads at most
   */
  public PostLogReader(PostLogSettings settings, int maxBatch) {
    Objects.requireNonNull(settings, "settings");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("a batch holds at least one record, not " + maxBatch);
    }
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-reader");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // a new group reads the log from its beginning, not only what arrives after it joined
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.deadLetterTopic = settings.deadLetterTopic();
    this.deadLetterProducer =
        new KafkaProducer<>(
            PostLogWriter.producerConfig(settings, settings.clientId() + "-dead-letters"));
    try {
      this.consumer = new KafkaConsumer<>(config);
      consumer.subscribe(List.of(settings.topic()));
    } catch (KafkaException e) {
      deadLetterProducer.close(Duration.ZERO);
      throw e;
    }
  }

  /**
   * Reads one batch, waiting at most {@code timeout} for records, and hands its posts over.
   *
   * @return what the batch held; {@link ReadOutcome#NOTHING} when no record came in time
   * @throws PostLogException when the handler failed or a dead letter could not be written: the
   *     batch is not committed, and the next poll reads it again
   */
  public ReadOutcome poll(Duration timeout, PostBatchHandler handler) {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
    if (records.isEmpty()) {
      return ReadOutcome.NOTHING;
    }
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    List<Post> posts = new ArrayList<>(records.count());
    List<Future<RecordMetadata>> deadLetters = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      first.putIfAbsent(partition, record.offset());
      next.put(partition, new OffsetAndMetadata(record.offset() + 1));
      try {
        posts.add(PostRecordFormat.decode(record.value()));
      } catch (MalformedPostRecordException e) {
        deadLetters.add(DeadLetters.send(deadLetterProducer, deadLetterTopic, record, e));
      }
    }
    try {
      deadLetterProducer.flush();
      for (Future<RecordMetadata> deadLetter : deadLetters) {
        deadLetter.get();
      }
      if (!posts.isEmpty()) {
        handler.handle(List.copyOf(posts));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      rewind(first);
      throw new PostLogException("interrupted while handling a batch", e);
    } catch (ExecutionException e) {
      rewind(first);
      throw new PostLogException(
          "cannot write a dead letter to topic " + deadLetterTopic, e.getCause());
    } catch (Exception e) {
      rewind(first);
      throw new PostLogException("the batch of " + posts.size() + " posts failed", e);
    }
    consumer.commitSync(next);
    return new ReadOutcome(records.count(), posts.size(), deadLetters.size());
  }

  /** Makes the next poll read the batch again from its first record. */
  private void rewind(Map<TopicPartition, Long> first) {
    first.forEach(consumer::seek);
  }

  /**
   * Leaves the group and closes the connections. A batch read but not committed is not committed
   * now: it comes again to the next reader of the group.
   */
  @Override
  public void close() {
    try {
      consumer.close();
    } finally {
      deadLetterProducer.close(Duration.ofSeconds(30));
    }
  }
}
