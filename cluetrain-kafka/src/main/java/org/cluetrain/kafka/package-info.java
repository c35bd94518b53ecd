/**
 * The post log: posts on a Kafka topic, between ingest and the pipeline.
 *
 * <p>Ingest writes with a {@link org.cluetrain.kafka.PostLogWriter}: one record per post, keyed by
 * thread id, in the versioned JSON of {@link org.cluetrain.kafka.PostRecordFormat}, through an
 * idempotent producer. The pipeline side reads with a {@link org.cluetrain.kafka.PostLogReader},
 * which hands batches to a {@link org.cluetrain.kafka.PostBatchHandler} and commits each batch
 * after the handler returned: at least once, which the stores' idempotence by post id makes exactly
 * one stored copy. A record that is not a post goes to the dead-letter topic with its {@link
 * org.cluetrain.kafka.DeadLetterReason} and origin in {@link org.cluetrain.kafka.DeadLetters}'
 * headers, and reading goes on.
 *
 * <p>{@link org.cluetrain.kafka.PostLogSettings} says where the log is. Nothing here depends on
 * Flink, and the core does not depend on this package.
 */
package org.cluetrain.kafka;
