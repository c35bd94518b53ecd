package org.cluetrain.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter topic's record: the malformed record's key, value and headers as they were, and
 * these headers beside them (UTF-8 text) saying why and where it came from.
 */
public final class DeadLetters {
  /** The reason's code ({@link DeadLetterReason#code()}), e.g. {@code not-json}. */
  public static final String REASON = "cluetrain.dead-letter.reason";

  /** The reason in words, e.g. {@code version 2 is unknown; this reader reads version 1}. */
  public static final String DETAIL = "cluetrain.dead-letter.detail";

  /** The topic the record was read from. */
  public static final String TOPIC = "cluetrain.dead-letter.topic";

  /** Its partition there, in decimal. */
  public static final String PARTITION = "cluetrain.dead-letter.partition";

  /** Its offset there, in decimal. */
  public static final String OFFSET = "cluetrain.dead-letter.offset";

  private DeadLetters() {}

  /** Sends a malformed record to the dead-letter topic; the future completes once it is written. */
  static Future<RecordMetadata> send(
      Producer<byte[], byte[]> producer,
      String deadLetterTopic,
      ConsumerRecord<byte[], byte[]> record,
      MalformedPostRecordException why) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      headers.add(header);
    }
    headers.add(REASON, utf8(why.reason().code()));
    headers.add(DETAIL, utf8(String.valueOf(why.getMessage())));
    headers.add(TOPIC, utf8(record.topic()));
    headers.add(PARTITION, utf8(Integer.toString(record.partition())));
    headers.add(OFFSET, utf8(Long.toString(record.offset())));
    return producer.send(
        new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
