package org.cluetrain.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Checks that the post log's topics exist, and creates them where they do not. */
public final class PostLogTopics {
  /** How long asking the cluster may take before it counts as unreachable. */
  private static final int PATIENCE_MILLIS = 15_000;

  private PostLogTopics() {}

  /**
   * Fails unless the cluster answers and has the topic and the dead-letter topic: what a command
   * checks at start, so that a missing topic is named at once instead of a send timing out later.
   *
   * @throws PostLogException naming what is missing, or that the cluster did not answer
   */
  public static void requireExisting(PostLogSettings settings) {
    try (Admin admin = admin(settings)) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> missing =
          java.util.stream.Stream.of(settings.topic(), settings.deadLetterTopic())
              .filter(topic -> !existing.contains(topic))
              .toList();
      if (!missing.isEmpty()) {
        throw new PostLogException(
            "the Kafka cluster at "
                + settings.bootstrapServers()
                + " has no topic "
                + String.join(" and no topic ", missing)
                + "; create the post log's topics first (docs/operations.md)",
            null);
      }
    } catch (ExecutionException e) {
      throw new PostLogException(
          "cannot reach the Kafka cluster at "
              + settings.bootstrapServers()
              + ": "
              + (e.getCause() == null ? e : e.getCause()).getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostLogException("interrupted while looking for the topics", e);
    }
  }

  /** Waits until every partition of these topics has a leader that serves it. */
  private static void awaitLeaders(Admin admin, List<String> topics)
      throws ExecutionException, InterruptedException {
    long deadline =
        System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
    while (!topics.isEmpty()) {
      boolean led =
          admin.describeTopics(topics).allTopicNames().get().values().stream()
              .flatMap(topic -> topic.partitions().stream())
              .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
      if (led) {
        // a leader named in the metadata may not serve yet: asking each for its end offset waits
        // until it does (the admin client retries "not the leader" until its timeout)
        java.util.Map<
                org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>
            ends = new java.util.HashMap<>();
        admin
            .describeTopics(topics)
            .allTopicNames()
            .get()
            .forEach(
                (name, topic) ->
                    topic
                        .partitions()
                        .forEach(
                            p ->
                                ends.put(
                                    new org.apache.kafka.common.TopicPartition(name, p.partition()),
                                    org.apache.kafka.clients.admin.OffsetSpec.latest())));
        admin.listOffsets(ends).all().get();
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new PostLogException(
            "the topics " + topics + " were created but have partitions without a leader", null);
      }
      Thread.sleep(50);
    }
  }

  private static Admin admin(PostLogSettings settings) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            settings.clientId() + "-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            PATIENCE_MILLIS,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            PATIENCE_MILLIS));
  }

  /**
   * Creates the topic and the dead-letter topic if they are missing; existing topics are left as
   * they are (their partitions are not changed: that would move threads to other partitions).
   *
   * @param partitions how many partitions the post topic gets: how many readers can share it
   * @param replicationFactor how many brokers hold each partition
   * @return the topics it created, once each of their partitions has a leader: a write right after
   *     creation would otherwise race the partitions' election
   */
  public static List<String> ensure(
      PostLogSettings settings, int partitions, short replicationFactor) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "a replication factor is at least 1, not " + replicationFactor);
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                settings.clientId() + "-admin"))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      if (!existing.contains(settings.topic())) {
        missing.add(new NewTopic(settings.topic(), partitions, replicationFactor));
      }
      if (!existing.contains(settings.deadLetterTopic())) {
        missing.add(new NewTopic(settings.deadLetterTopic(), 1, replicationFactor));
      }
      admin.createTopics(missing).all().get();
      List<String> created = missing.stream().map(NewTopic::name).toList();
      awaitLeaders(admin, created);
      return created;
    } catch (ExecutionException e) {
      throw new PostLogException(
          "cannot create the topics at " + settings.bootstrapServers(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostLogException("interrupted while creating the topics", e);
    }
  }
}
