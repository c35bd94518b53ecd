package org.cluetrain.app.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QueryStore;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * The saved queries a running Cluetrain listens for: the workspace file's, and those written in the
 * web interface (kept in a {@link QueryStore}). A query saved in the interface under the same
 * project and name as one of the file's replaces it as long as it is saved; deleting it brings the
 * file's back. The file's own queries cannot be deleted in the interface: they come back with the
 * next start, so they are removed from the file.
 *
 * <p>Every change is registered in the live matcher at once, so the next post that comes in is
 * matched by the new set. Stored history is matched again only when asked ({@link
 * #applyToHistory}), because on a large store that takes a while.
 *
 * <p>Thread-safe: changes are serialised; reads see the last complete set.
 */
public final class QueryCatalog {
  /** Stored posts read per step when a query is applied to history. */
  static final int HISTORY_PAGE = 1_000;

  private final Workspace workspace;
  private final QueryStore edits;
  private final QueryMatcher matcher;
  private final PostLedger ledger;
  private final QueryLedger queryLedger;
  private final PostStore store;
  private final Clock clock;
  private volatile Snapshot current = new Snapshot(List.of(), Map.of());

  /** Where a query of the running set comes from. */
  public enum Origin {
    /** The workspace file. */
    WORKSPACE,
    /** The web interface, for a query the file does not have. */
    EDITED,
    /** The web interface, replacing the file's query of the same name. */
    EDITED_OVER_WORKSPACE
  }

  /**
   * A query of the running set.
   *
   * @param editedBy who saved it in the interface, or null for the file's
   * @param edited when, or null
   * @param problem why the matcher could not register it, or null
   */
  public record Entry(
      SavedQuery query, Origin origin, String editedBy, Instant edited, String problem) {
    /** Whether deleting it in the interface is possible (the file's own queries are not). */
    public boolean deletable() {
      return origin != Origin.WORKSPACE;
    }
  }

  /** What a query's text and examples gave: a syntax error, or the examples that failed. */
  public record Check(QuerySyntaxException syntaxError, List<QueryExamples.Failure> failures) {
    public Check {
      failures = List.copyOf(failures);
    }

    public boolean ok() {
      return syntaxError == null && failures.isEmpty();
    }
  }

  /** A query that may not be saved as it is; the check says why. */
  public static final class RefusedQuery extends Exception {
    private final transient Check check;

    RefusedQuery(Check check) {
      super(
          check.syntaxError() != null
              ? "the query does not parse: " + check.syntaxError().getMessage()
              : "examples fail: "
                  + String.join("; ", check.failures().stream().map(Object::toString).toList()));
      this.check = check;
    }

    public Check check() {
      return check;
    }
  }

  private record Snapshot(List<Entry> entries, Map<String, String> problems) {}

  public QueryCatalog(
      Workspace workspace,
      QueryStore edits,
      QueryMatcher matcher,
      PostLedger ledger,
      QueryLedger queryLedger,
      PostStore store,
      Clock clock) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.edits = Objects.requireNonNull(edits, "edits");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.queryLedger = Objects.requireNonNull(queryLedger, "queryLedger");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Merges the file's queries with the saved ones and registers them in the matcher. Saved queries
   * of projects the workspace no longer has are kept in the store but not matched.
   *
   * @return the queries that could not be registered, with their reasons
   */
  public synchronized List<QueryMatcher.QueryProblem> load() {
    return register();
  }

  private List<QueryMatcher.QueryProblem> register() {
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (SavedQuery query : workspace.queries()) {
      merged.put(query.id(), new Entry(query, Origin.WORKSPACE, null, null, null));
    }
    for (QueryStore.Edit edit : edits.all()) {
      if (workspace.project(edit.query().project()).isEmpty()) {
        continue;
      }
      Origin origin =
          merged.containsKey(edit.query().id()) ? Origin.EDITED_OVER_WORKSPACE : Origin.EDITED;
      merged.put(
          edit.query().id(), new Entry(edit.query(), origin, edit.editedBy(), edit.edited(), null));
    }
    List<SavedQuery> queries = merged.values().stream().map(Entry::query).toList();
    List<QueryMatcher.QueryProblem> problems = matcher.replaceQueries(queries);
    Map<String, String> byId = new LinkedHashMap<>();
    problems.forEach(p -> byId.put(p.queryId(), p.problem()));
    List<Entry> entries = new ArrayList<>();
    for (Entry entry : merged.values()) {
      entries.add(
          new Entry(
              entry.query(),
              entry.origin(),
              entry.editedBy(),
              entry.edited(),
              byId.get(entry.query().id())));
    }
    Set<String> projects = new LinkedHashSet<>();
    workspace.projects().forEach(p -> projects.add(p.name()));
    queryLedger.saveQueries(projects, queries);
    current = new Snapshot(List.copyOf(entries), Map.copyOf(byId));
    return problems;
  }

  /** Every query of the running set, the file's first, in file order, then the interface's. */
  public List<Entry> entries() {
    return current.entries();
  }

  /** The queries of one project. */
  public List<Entry> entries(String project) {
    return current.entries().stream().filter(e -> e.query().project().equals(project)).toList();
  }

  /** Every query of the running set. */
  public List<SavedQuery> queries() {
    return current.entries().stream().map(Entry::query).toList();
  }

  public Optional<Entry> find(String project, String name) {
    return current.entries().stream()
        .filter(e -> e.query().project().equals(project) && e.query().name().equals(name))
        .findFirst();
  }

  /** Queries the matcher could not register, as {@code id: reason}. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    current.problems().forEach((id, problem) -> problems.add(id + ": " + problem));
    return problems;
  }

  /** Parses the query and runs its examples, as {@link #save} does before saving. */
  public static Check check(SavedQuery query) {
    try {
      QueryParser.parse(query.text());
    } catch (QuerySyntaxException e) {
      return new Check(e, List.of());
    }
    try {
      return new Check(null, QueryExamples.check(List.of(query)));
    } catch (IllegalArgumentException e) {
      // parses, but the engine cannot compile it (a limit of the engine rather than the syntax)
      return new Check(
          new QuerySyntaxException(1, "engine", String.valueOf(e.getMessage())), List.of());
    }
  }

  /**
   * Saves the query (adding it or replacing the one of the same name) and registers it in the live
   * matcher. A query that does not parse, or whose examples fail, is refused: its examples are its
   * tests.
   *
   * @param by the account that saves it
   * @throws IllegalArgumentException when the project does not exist or an example spans lines
   * @throws RefusedQuery when the query does not parse or an example fails
   */
  public synchronized Entry save(SavedQuery query, String by) throws RefusedQuery {
    if (workspace.project(query.project()).isEmpty()) {
      throw new IllegalArgumentException("there is no project '" + query.project() + "'");
    }
    for (String example : concat(query.mustMatch(), query.mustNotMatch())) {
      if (example.contains("\n") || example.contains("\r")) {
        throw new IllegalArgumentException(
            "an example is one line of text; this one has a line break: " + example);
      }
    }
    Check check = check(query);
    if (!check.ok()) {
      throw new RefusedQuery(check);
    }
    edits.save(new QueryStore.Edit(query, by, clock.instant()));
    register();
    return find(query.project(), query.name()).orElseThrow();
  }

  /**
   * Deletes a query saved in the interface. If it replaced one of the file's, the file's comes back
   * and is registered; otherwise the query stops matching and its counts are forgotten.
   *
   * @return the file's query that is back in effect, if any
   * @throws IllegalArgumentException when the query does not exist or is the file's own
   */
  public synchronized Optional<SavedQuery> delete(String project, String name) {
    Entry entry =
        find(project, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "there is no query '" + name + "' in the project '" + project + "'"));
    if (!entry.deletable()) {
      throw new IllegalArgumentException(
          "the query '"
              + name
              + "' is defined in the workspace file; remove it there (it would come back with"
              + " the next start)");
    }
    edits.delete(project, name);
    register();
    Optional<SavedQuery> restored = find(project, name).map(Entry::query);
    if (restored.isEmpty()) {
      ledger.forgetMatches(entry.query().id());
    }
    return restored;
  }

  /**
   * Matches the query against every stored post of its project again: its earlier matches and
   * counts are forgotten and those of its current text recorded. Searching history and live
   * matching give the same results, so afterwards the counts are as if the query had always been
   * this one.
   *
   * @return how many stored posts it matches
   * @throws IllegalArgumentException when there is no such query, or it does not parse
   */
  public synchronized long applyToHistory(String project, String name) {
    SavedQuery query =
        find(project, name)
            .map(Entry::query)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "there is no query '" + name + "' in the project '" + project + "'"));
    ledger.forgetMatches(query.id());
    long matched = -1;
    Instant until = null;
    while (true) {
      SearchPage page;
      try {
        page =
            store.search(
                new SearchRequest(query.text(), query.project(), null, until, HISTORY_PAGE));
      } catch (QuerySyntaxException e) {
        throw new IllegalArgumentException("the query does not parse: " + e.getMessage(), e);
      }
      if (matched < 0) {
        matched = page.totalHits(); // the first step searches all of history
      }
      List<StoredPost> posts = page.posts();
      ledger.recordMatches(query.id(), posts);
      if (posts.size() < HISTORY_PAGE) {
        return matched;
      }
      // the next step ends just after the oldest post of this one: posts published at that very
      // moment are read again (recording them again changes nothing) rather than missed
      Instant next = posts.get(posts.size() - 1).post().published().plusNanos(1);
      if (until != null && !next.isBefore(until)) {
        throw new IllegalStateException(
            "more than "
                + HISTORY_PAGE
                + " posts of "
                + query.id()
                + " share the moment "
                + next.minusNanos(1)
                + "; history cannot be stepped through by time");
      }
      until = next;
    }
  }

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
