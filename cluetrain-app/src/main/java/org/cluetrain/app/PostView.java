package org.cluetrain.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cluetrain.app.relevance.RelevanceLoop;
import org.cluetrain.model.Post;
import org.cluetrain.store.StoredPost;

/**
 * The public JSON shape of a stored post, shared by {@code search --format jsonl} and the HTTP API
 * so that scripts see one format. Keys are snake_case; absent values are {@code null}.
 */
public final class PostView {
  private PostView() {}

  /** A post proposed for labelling: the relevance model's belief and the post. */
  public static Map<String, Object> of(RelevanceLoop.Candidate candidate) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("relevant_probability", candidate.relevantProbability());
    json.put("post", of(candidate.post()));
    return json;
  }

  public static Map<String, Object> of(StoredPost stored) {
    Post post = stored.post();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", post.id());
    json.put("project", post.project());
    json.put("source", post.source().id());
    json.put("source_type", post.source().type().label());
    json.put("source_name", post.source().name());
    json.put("thread", post.threadId());
    json.put("parent", post.parentId());
    json.put("kind", post.kind().label());
    json.put("author", post.author() == null ? null : post.author().name());
    json.put("author_id", post.author() == null ? null : post.author().id());
    json.put("published", post.published().toString());
    json.put("lang", post.lang());
    json.put("url", post.url());
    json.put("site", post.site());
    json.put("title", post.title());
    json.put("text", post.text());
    json.put("links", post.links());
    json.put("mentions", post.mentions());
    json.put("hashtags", post.hashtags());
    Map<String, Object> engagement = new LinkedHashMap<>();
    engagement.put("likes", post.engagement().likes());
    engagement.put("replies", post.engagement().replies());
    engagement.put("shares", post.engagement().shares());
    engagement.put("views", post.engagement().views());
    engagement.put("rating", post.engagement().rating());
    json.put("engagement", engagement);
    json.put("duplicate_of", post.duplicateOf());
    Map<String, Object> labels = new LinkedHashMap<>();
    post.labels()
        .forEach(
            (task, label) -> {
              Map<String, Object> value = new LinkedHashMap<>();
              value.put("label", label.value());
              value.put("score", Math.round(label.score() * 1000) / 1000.0);
              value.put("unsure", label.unsure());
              value.put("reasons", label.reasons());
              labels.put(task, value);
            });
    json.put("labels", labels);
    json.put("matched_queries", stored.matchedQueries());
    return json;
  }
}
