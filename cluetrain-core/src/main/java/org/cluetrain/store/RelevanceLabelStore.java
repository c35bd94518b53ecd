package org.cluetrain.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The analysts' verdicts whether a post is relevant to a project: what relevance learns from. */
public interface RelevanceLabelStore {

  /**
   * Records an analyst's verdict whether a post is relevant to a project (the latest verdict on a
   * post counts).
   */
  void saveRelevanceLabel(String project, String postId, boolean relevant, Instant at);

  /** The analysts' relevance verdicts for a project: post id → relevant, in labelling order. */
  Map<String, Boolean> relevanceLabels(String project);

  /** How many verdicts, in any project, are about these posts. */
  int countRelevanceLabels(Collection<String> postIds);

  /**
   * Forgets every verdict, in any project, about these posts.
   *
   * @return how many were forgotten
   */
  int forgetRelevanceLabels(Collection<String> postIds);
}
