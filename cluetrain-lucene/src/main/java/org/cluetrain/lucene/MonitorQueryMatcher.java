package org.cluetrain.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;

/**
 * Live matching with Lucene's monitor: saved queries are compiled once and kept in the monitor's
 * query index; each batch of posts is indexed in memory and run against the candidate queries the
 * presearcher selects.
 *
 * <p>A query that does not parse or compile is reported by {@link #replaceQueries} and left out; a
 * query that fails while matching is reported in the batch's problems. Neither stops the others.
 *
 * <p>Thread-safe: any number of {@link #match} calls may run while {@link #replaceQueries} builds
 * the next query set, which then replaces the old one at once.
 */
public final class MonitorQueryMatcher implements QueryMatcher {
  private static final String PROJECT = "project";

  private final PostAnalyzer analyzer;
  private final LuceneQueryCompiler compiler;
  private final PostDocuments documents;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private QuerySet current; // guarded by lock

  /** The monitor and, per query id, its project; replaced as a whole. */
  private record QuerySet(Monitor monitor, Map<String, String> projects) {}

  public MonitorQueryMatcher() {
    this(new PostAnalyzer());
  }

  public MonitorQueryMatcher(PostAnalyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.compiler = new LuceneQueryCompiler(analyzer);
    this.documents = new PostDocuments(analyzer);
    this.current = new QuerySet(newMonitor(), Map.of());
  }

  /*
   * The presearcher. TermFilteredPresearcher indexes, for every query, the terms a document must
   * contain for the query to possibly match, and selects as candidates only queries sharing a
   * term with the batch. Saved queries here are mostly ORs of brand words, where that is exactly
   * right and the query index stays small. MultipassTermFilteredPresearcher additionally checks
   * several terms of a conjunction, which pays off for many long AND-queries with common words
   * but multiplies the query index; not measured on Cluetrain's queries yet, so the simpler one.
   * Queries with a leading NOT or a wildcard inside NEAR are always candidates (they have no
   * required term); correctness never depends on the presearcher, only speed.
   */
  private Monitor newMonitor() {
    try {
      return new Monitor(analyzer, new TermFilteredPresearcher());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the in-memory query index", e);
    }
  }

  @Override
  public List<QueryProblem> replaceQueries(Collection<SavedQuery> queries) {
    List<QueryProblem> problems = new ArrayList<>();
    Map<String, MonitorQuery> compiled = new LinkedHashMap<>();
    Map<String, String> projects = new HashMap<>();
    for (SavedQuery saved : queries) {
      String id = saved.id();
      if (compiled.containsKey(id)) {
        problems.add(
            new QueryProblem(id, "the query id is used more than once; the first is kept"));
        continue;
      }
      try {
        Query query = compiler.compile(saved.text());
        compiled.put(
            id, new MonitorQuery(id, query, saved.text(), Map.of(PROJECT, saved.project())));
        projects.put(id, saved.project());
      } catch (QuerySyntaxException | RuntimeException e) {
        problems.add(new QueryProblem(id, e.getMessage()));
      }
    }
    Monitor next = newMonitor();
    try {
      next.register(compiled.values());
    } catch (IOException | RuntimeException batchFailed) {
      // one query broke the batch registration: register one by one to find it
      close(next);
      next = newMonitor();
      for (MonitorQuery query : compiled.values()) {
        try {
          next.register(query);
        } catch (IOException | RuntimeException e) {
          problems.add(new QueryProblem(query.getId(), "cannot be registered: " + e.getMessage()));
          projects.remove(query.getId());
        }
      }
    }
    QuerySet previous;
    lock.writeLock().lock();
    try {
      previous = current;
      current = new QuerySet(next, Map.copyOf(projects));
    } finally {
      lock.writeLock().unlock();
    }
    close(previous.monitor());
    return List.copyOf(problems);
  }

  @Override
  public MatchBatch match(List<Post> posts) {
    if (posts.isEmpty()) {
      return new MatchBatch(List.of(), List.of());
    }
    Document[] batch = posts.stream().map(documents::forMatching).toArray(Document[]::new);
    lock.readLock().lock();
    try {
      MultiMatchingQueries<QueryMatch> result =
          current.monitor().match(batch, QueryMatch.SIMPLE_MATCHER);
      List<List<String>> matches = new ArrayList<>(posts.size());
      for (int i = 0; i < posts.size(); i++) {
        String project = posts.get(i).project();
        matches.add(
            result.getMatches(i).stream()
                .map(QueryMatch::getQueryId)
                .filter(id -> project == null || project.equals(current.projects().get(id)))
                .sorted()
                .toList());
      }
      List<QueryProblem> problems = new ArrayList<>();
      result
          .getErrors()
          .forEach(
              (id, error) ->
                  problems.add(new QueryProblem(id, String.valueOf(error.getMessage()))));
      return new MatchBatch(matches, problems);
    } catch (IOException e) {
      throw new UncheckedIOException("matching a batch of " + posts.size() + " posts failed", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      close(current.monitor());
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void close(Monitor monitor) {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the query index", e);
    }
  }
}
