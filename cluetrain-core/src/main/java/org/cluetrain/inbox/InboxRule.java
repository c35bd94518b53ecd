package org.cluetrain.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * A rule that makes posts items: every condition it sets must hold; what it sets (priority, tags,
 * assignee) goes to the item it creates.
 *
 * @param name the rule's name, shown in the item's log
 * @param queries the post must have matched one of these saved queries (ids {@code project/name});
 *     empty: any post
 * @param sentiments the post's sentiment must be one of these; empty: any
 * @param question when {@code true} the post must ask something, when {@code false} it must not;
 *     {@code null}: either
 * @param ownChannel when {@code true} the post must come from one of the project's own channels,
 *     when {@code false} from elsewhere; {@code null}: either
 * @param languages the post's language must be one of these; empty: any
 * @param minRelevance the post's relevance to the project must be at least this (0..1); posts of a
 *     project without a trained relevance model count as relevant; {@code null}: any
 * @param priority the item's priority
 * @param tags the item's tags
 * @param assignee who the item goes to, or {@code null}
 */
public record InboxRule(
    String name,
    Set<String> queries,
    Set<String> sentiments,
    @Nullable Boolean question,
    @Nullable Boolean ownChannel,
    Set<String> languages,
    @Nullable Double minRelevance,
    Priority priority,
    List<String> tags,
    @Nullable String assignee) {
  public InboxRule {
    Objects.requireNonNull(name, "name");
    queries = Set.copyOf(queries == null ? Set.of() : queries);
    sentiments = Set.copyOf(sentiments == null ? Set.of() : sentiments);
    languages = Set.copyOf(languages == null ? Set.of() : languages);
    priority = priority == null ? Priority.NORMAL : priority;
    tags = List.copyOf(tags == null ? List.of() : tags);
    tags.forEach(InboxItem::requireTag);
    if (minRelevance != null && !(minRelevance >= 0 && minRelevance <= 1)) {
      throw new IllegalArgumentException(
          "rule '" + name + "': min_relevance must be within 0..1, was " + minRelevance);
    }
    if (queries.isEmpty()
        && sentiments.isEmpty()
        && question == null
        && ownChannel == null
        && languages.isEmpty()
        && minRelevance == null) {
      throw new IllegalArgumentException(
          "rule '"
              + name
              + "' needs at least one condition (query, sentiment, question, own_channel,"
              + " language, min_relevance); without one every post would become an item");
    }
  }

  /** Whether the post meets every condition of the rule. */
  public boolean matches(StoredPost stored, OwnChannels own) {
    Post post = stored.post();
    if (!queries.isEmpty() && stored.matchedQueries().stream().noneMatch(queries::contains)) {
      return false;
    }
    if (!sentiments.isEmpty()) {
      Label sentiment = post.labels().get("sentiment");
      if (sentiment == null || sentiment.unsure() || !sentiments.contains(sentiment.value())) {
        return false;
      }
    }
    if (!languages.isEmpty() && (post.lang() == null || !languages.contains(post.lang()))) {
      return false;
    }
    if (minRelevance != null && relevance(post) < minRelevance) {
      return false;
    }
    if (ownChannel != null && ownChannel != own.contains(post)) {
      return false;
    }
    return question == null || question == QuestionDetector.isQuestion(post.fullText());
  }

  /** The probability that the post is relevant, 1 when no relevance model has judged it. */
  static double relevance(Post post) {
    Label label = post.labels().get("relevance");
    if (label == null) {
      return 1;
    }
    boolean relevant = label.value().toLowerCase(Locale.ROOT).equals("true");
    return relevant ? label.score() : 1 - label.score();
  }
}
