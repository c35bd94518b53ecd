package org.cluetrain.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the post log's topics where they do not exist yet. */
public final class PostLogTopics {
  private PostLogTopics() {}

  /**
   * Creates the topic and the dead-letter topic if they are missing; existing topics are left as
   * they are (their partitions are not changed: that would move threads to other partitions).
   *
   * @param partitions how many partitions the post topic gets: how many readers can share it
   * @param replicationFactor how many brokers hold each partition
   * @return the topics it created
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
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException e) {
      throw new PostLogException(
          "cannot create the topics at " + settings.bootstrapServers(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostLogException("interrupted while creating the topics", e);
    }
  }
}
