package org.cluetrain.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the post log lives: the Kafka cluster, the topic, its dead-letter topic and the names this
 * process uses there. It validates in its constructor and reports every bad value at once.
 *
 * @param bootstrapServers the brokers to start from, {@code host:port[,host:port…]}
 * @param topic the topic the posts go to
 * @param deadLetterTopic the topic malformed records go to, with their reason
 * @param clientId how this process names itself to the brokers (in their logs and quotas)
 * @param groupId the consumer group of the readers: readers of one group share the partitions and
 *     resume from the group's committed offsets
 */
public record PostLogSettings(
    String bootstrapServers,
    String topic,
    String deadLetterTopic,
    String clientId,
    String groupId) {
  public static final String DEFAULT_TOPIC = "cluetrain.posts";
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "cluetrain.posts.dead-letters";
  public static final String DEFAULT_CLIENT_ID = "cluetrain";
  public static final String DEFAULT_GROUP_ID = "cluetrain-pipeline";

  /** Kafka's rule for topic names: at most 249 of these characters, and not "." or "..". */
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private static final Pattern SERVER =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(\\d{1,5})");

  public PostLogSettings {
    List<String> problems = new ArrayList<>();
    bootstrapProblem(bootstrapServers).ifPresent(problems::add);
    topicProblem("topic", topic).ifPresent(problems::add);
    topicProblem("dead-letter topic", deadLetterTopic).ifPresent(problems::add);
    if (topic != null && topic.equals(deadLetterTopic)) {
      problems.add("the dead-letter topic must differ from the topic '" + topic + "'");
    }
    nameProblem("client id", clientId).ifPresent(problems::add);
    nameProblem("group id", groupId).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    bootstrapServers = bootstrapServers.strip();
  }

  /** The settings for a cluster with the default topic, dead-letter topic, client and group. */
  public static PostLogSettings of(String bootstrapServers) {
    return new PostLogSettings(
        bootstrapServers,
        DEFAULT_TOPIC,
        DEFAULT_DEAD_LETTER_TOPIC,
        DEFAULT_CLIENT_ID,
        DEFAULT_GROUP_ID);
  }

  public PostLogSettings withTopics(String topic, String deadLetterTopic) {
    return new PostLogSettings(bootstrapServers, topic, deadLetterTopic, clientId, groupId);
  }

  public PostLogSettings withClientId(String clientId) {
    return new PostLogSettings(bootstrapServers, topic, deadLetterTopic, clientId, groupId);
  }

  public PostLogSettings withGroupId(String groupId) {
    return new PostLogSettings(bootstrapServers, topic, deadLetterTopic, clientId, groupId);
  }

  /** What is wrong with a list of bootstrap servers, if anything. */
  public static Optional<String> bootstrapProblem(String servers) {
    if (servers == null || servers.isBlank()) {
      return Optional.of("bootstrap servers are missing, such as kafka-1:9092,kafka-2:9092");
    }
    for (String server : servers.strip().split("\\s*,\\s*", -1)) {
      var matcher = SERVER.matcher(server);
      if (!matcher.matches()) {
        return Optional.of(
            "bootstrap server '" + server + "' is not host:port, such as kafka-1:9092");
      }
      int port = Integer.parseInt(matcher.group(3));
      if (port < 1 || port > 65_535) {
        return Optional.of(
            "bootstrap server '" + server + "' has port " + port + ", not one of 1 to 65535");
      }
    }
    return Optional.empty();
  }

  /** What is wrong with a topic name, if anything; {@code role} names it in the message. */
  public static Optional<String> topicProblem(String role, String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(role + " is missing");
    }
    if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      return Optional.of(
          role
              + " '"
              + name
              + "' is not a Kafka topic name: at most 249 letters, digits, '.', '_' and '-'");
    }
    return Optional.empty();
  }

  private static Optional<String> nameProblem(String role, String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(role + " is missing");
    }
    if (!name.equals(name.strip()) || name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(role + " '" + name + "' has surrounding spaces or control characters");
    }
    return Optional.empty();
  }
}
