package org.cluetrain.jdbc;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cluetrain.store.RelevanceLabelStore;

/** The analysts' relevance verdicts, the latest per project and post. */
final class JdbcRelevanceLabelStore implements RelevanceLabelStore {
  private final JdbcDatabase database;

  JdbcRelevanceLabelStore(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void saveRelevanceLabel(String project, String postId, boolean relevant, Instant at) {
    database.update(
        "the relevance label of " + postId,
        "INSERT INTO relevance_labels (project, post_id, relevant, labelled_at)"
            + " VALUES (?,?,?,?) ON CONFLICT (project, post_id) DO UPDATE SET"
            + " relevant = excluded.relevant, labelled_at = excluded.labelled_at",
        project,
        postId,
        relevant ? 1 : 0,
        at.toEpochMilli());
  }

  @Override
  public Map<String, Boolean> relevanceLabels(String project) {
    Map<String, Boolean> labels = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> label :
        database.select(
            "relevance labels",
            "SELECT post_id, relevant FROM relevance_labels WHERE project = ?"
                + " ORDER BY labelled_at, post_id",
            rs -> Map.entry(rs.getString(1), rs.getInt(2) == 1),
            project)) {
      labels.put(label.getKey(), label.getValue());
    }
    return labels;
  }

  @Override
  public int countRelevanceLabels(Collection<String> postIds) {
    int count = 0;
    for (String postId : postIds) {
      count +=
          database
              .select(
                  "relevance labels of " + postId,
                  "SELECT COUNT(*) FROM relevance_labels WHERE post_id = ?",
                  rs -> rs.getInt(1),
                  postId)
              .get(0);
    }
    return count;
  }

  @Override
  public int forgetRelevanceLabels(Collection<String> postIds) {
    return database.inTransaction(
        "forgetting relevance labels",
        () -> {
          int forgotten = 0;
          for (String postId : postIds) {
            forgotten +=
                database.update(
                    "the relevance labels of " + postId,
                    "DELETE FROM relevance_labels WHERE post_id = ?",
                    postId);
          }
          return forgotten;
        });
  }
}
