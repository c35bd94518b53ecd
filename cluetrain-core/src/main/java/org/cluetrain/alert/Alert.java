package org.cluetrain.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.cluetrain.detect.DetectorKind;
import org.jspecify.annotations.Nullable;

/**
 * An alert: a rule fired on one saved query, with its explanation.
 *
 * @param id stable: the same rule, query and hour give the same id, so replaying the same posts
 *     after a restart cannot store an alert twice
 * @param project the project
 * @param rule the rule's name
 * @param detector the rule's detector
 * @param queryId the saved query ({@code project/name})
 * @param sentiment the sentiment the rule counts, or {@code null} for all posts
 * @param groupId the id of the first alert of its group: alerts on the same query close together in
 *     time belong to one event and are delivered together
 * @param raisedAt when the detector raised it (by the clock of the process; in a backtest, the time
 *     of the newest post it had seen)
 * @param explanation why
 */
public record Alert(
    String id,
    String project,
    String rule,
    DetectorKind detector,
    String queryId,
    @Nullable String sentiment,
    String groupId,
    Instant raisedAt,
    Explanation explanation) {

  public Alert {
    Objects.requireNonNull(id, "alert id");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(queryId, "query id");
    groupId = groupId == null ? id : groupId;
    Objects.requireNonNull(raisedAt, "raised at");
    Objects.requireNonNull(explanation, "explanation");
  }

  /** The saved query's name without its project. */
  public String queryName() {
    return queryId.substring(queryId.indexOf('/') + 1);
  }

  /** The event time the alert is about: the end of its window. */
  public Instant at() {
    return explanation.windowEnd();
  }

  /** The stable id of the alert a rule raises on a query in the hour of {@code windowEnd}. */
  static String idOf(String project, String rule, String queryId, Instant windowEnd) {
    String key = project + "\n" + rule + "\n" + queryId + "\n" + windowEnd.getEpochSecond() / 3600;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
