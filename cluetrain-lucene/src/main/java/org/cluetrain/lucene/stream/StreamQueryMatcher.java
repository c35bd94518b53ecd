package org.cluetrain.lucene.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.query.QueryNode;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;

/**
 * Live matching compiled from the query language: each post is analysed once, touches only the
 * queries whose required evidence it contains, and each of those is evaluated on the post's own
 * token positions. Gives exactly the matches of {@code MonitorQueryMatcher}, the reference
 * implementation; see the package documentation for how.
 *
 * <p>A query that does not parse or compile is reported by {@link #replaceQueries} and left out; a
 * query that fails while matching is reported in the batch's problems. Neither stops the others.
 *
 * <p>Thread-safe: any number of {@link #match} calls may run while {@link #replaceQueries} builds
 * the next query set, which then replaces the old one at once.
 */
public final class StreamQueryMatcher implements QueryMatcher {
  private final PostAnalyzer analyzer;
  private volatile QuerySet current = QuerySet.EMPTY;

  public StreamQueryMatcher() {
    this(new PostAnalyzer());
  }

  public StreamQueryMatcher(PostAnalyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /**
   * Whether a query has no required evidence and so is evaluated on every post (a pure {@code NOT},
   * say): such queries cost every post, however rare their matches.
   *
   * @throws IllegalArgumentException when a word has nothing searchable after analysis
   */
  public static boolean runsOnEveryPost(QueryNode query) {
    QueryCompiler compiler = new QueryCompiler(new PostAnalyzer());
    return EvidencePlan.evidence(compiler.compile(query), compiler.guessedCosts()) == null;
  }

  @Override
  public List<QueryProblem> replaceQueries(Collection<SavedQuery> queries) {
    List<QueryProblem> problems = new ArrayList<>();
    QueryCompiler compiler = new QueryCompiler(analyzer);
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>();
    List<String> projects = new ArrayList<>();
    List<Condition> compiled = new ArrayList<>();
    for (SavedQuery saved : queries) {
      String id = saved.id();
      if (!seen.add(id)) {
        problems.add(
            new QueryProblem(id, "the query id is used more than once; the first is kept"));
        continue;
      }
      try {
        compiled.add(compiler.compile(QueryParser.parse(saved.text())));
        ids.add(id);
        projects.add(saved.project());
      } catch (QuerySyntaxException | RuntimeException e) {
        problems.add(new QueryProblem(id, e.getMessage()));
      }
    }
    current = new QuerySet(compiler, ids, projects, compiled);
    return List.copyOf(problems);
  }

  /** The ids of the registered queries that run on every post ({@link #runsOnEveryPost}). */
  public Set<String> alwaysRunQueries() {
    QuerySet set = current;
    Set<String> ids = new HashSet<>();
    for (int q : set.plan().alwaysRun) {
      ids.add(set.ids[q]);
    }
    return Set.copyOf(ids);
  }

  @Override
  public MatchBatch match(List<Post> posts) {
    if (posts.isEmpty()) {
      return new MatchBatch(List.of(), List.of());
    }
    QuerySet set = current;
    EvidencePlan plan = set.plan();
    int[] seenAt = new int[set.size()];
    int[] candidates = new int[set.size()]; // each query at most once per post
    Map<String, QueryProblem> problems = new LinkedHashMap<>();
    List<List<String>> matches = new ArrayList<>(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      Post post = posts.get(i);
      PostView view = set.view(post, analyzer);
      set.learn(view);
      int stamp = i + 1;
      int count = 0;
      for (FieldTokens field : new FieldTokens[] {view.text(), view.title()}) {
        for (int id : field.ids()) {
          count = collect(plan.needing(id), seenAt, stamp, candidates, count);
        }
      }
      for (int id : view.keywords()) {
        count = collect(plan.needing(id), seenAt, stamp, candidates, count);
      }
      count = collect(plan.alwaysRun, seenAt, stamp, candidates, count);
      String project = post.project();
      List<String> matched = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        int q = candidates[c];
        if (project != null && !project.equals(set.projects[q])) {
          continue;
        }
        try {
          if (set.conditions[q].matches(view)) {
            matched.add(set.ids[q]);
          }
        } catch (RuntimeException e) {
          problems.putIfAbsent(set.ids[q], new QueryProblem(set.ids[q], String.valueOf(e)));
        }
      }
      matched.sort(null);
      matches.add(List.copyOf(matched));
    }
    set.matched(posts.size());
    return new MatchBatch(matches, List.copyOf(problems.values()));
  }

  private static int collect(int[] queries, int[] seenAt, int stamp, int[] candidates, int count) {
    if (queries == null) {
      return count;
    }
    for (int q : queries) {
      if (seenAt[q] != stamp) {
        seenAt[q] = stamp;
        candidates[count++] = q;
      }
    }
    return count;
  }

  @Override
  public void close() {
    current = QuerySet.EMPTY;
  }
}
