package org.cluetrain.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cluetrain.model.Post;

/**
 * Writes posts to the post log, where ingest puts them instead of running the pipeline itself.
 *
 * <p>Each post is one record: its key is the post's thread id, so all posts of a conversation land
 * on one partition and are read in the order they were written; its value is the {@link
 * PostRecordFormat}. The producer is idempotent ({@code enable.idempotence=true}, {@code
 * acks=all}): a retry after a lost acknowledgement does not write a record twice, nor reorder a
 * partition. Writing the same post again (a re-import) does add a record; the stores behind the
 * reader keep one copy per post id.
 *
 * <p>Safe for use by several threads.
 */
public final class PostLogWriter implements AutoCloseable {
  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public PostLogWriter(PostLogSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.producer = new KafkaProducer<>(producerConfig(settings, settings.clientId() + "-writer"));
    this.topic = settings.topic();
  }

  /** The configuration of an idempotent producer of raw records for these settings. */
  static Map<String, Object> producerConfig(PostLogSettings settings, String clientId) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        settings.bootstrapServers(),
        ProducerConfig.CLIENT_ID_CONFIG,
        clientId,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.ACKS_CONFIG,
        "all",
        // at most five in flight keeps an idempotent producer's partitions in order
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
        5,
        ProducerConfig.LINGER_MS_CONFIG,
        5,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        "lz4",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        ByteArraySerializer.class);
  }

  /**
   * Writes the posts, in this order, and returns once the cluster has acknowledged every one of
   * them (by all in-sync replicas).
   *
   * @return how many records were written
   * @throws PostLogException when a post could not be written; posts before it may have been
   */
  public int write(List<Post> posts) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(posts.size());
    for (Post post : posts) {
      byte[] key = post.threadId().getBytes(StandardCharsets.UTF_8);
      sent.add(producer.send(new ProducerRecord<>(topic, key, PostRecordFormat.encode(post))));
    }
    producer.flush();
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException e) {
        throw new PostLogException(
            "cannot write post " + posts.get(i).id() + " to topic " + topic, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PostLogException("interrupted while writing to topic " + topic, e);
      }
    }
    return sent.size();
  }

  /** The topic this writer writes to. */
  public String topic() {
    return topic;
  }

  /** Sends what is still buffered, waiting for at most a minute, and closes the connection. */
  @Override
  public void close() {
    producer.close(Duration.ofMinutes(1));
  }
}
