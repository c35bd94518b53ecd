package org.cluetrain.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.alert.Alerting;
import org.cluetrain.app.inbox.Inbox;
import org.cluetrain.app.query.QueryCatalog;
import org.cluetrain.app.relevance.RelevanceLoop;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.classify.ClassifierEnricher;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.enrich.language.LanguageEnricher;
import org.cluetrain.jdbc.JdbcAccountStore;
import org.cluetrain.jdbc.JdbcInbox;
import org.cluetrain.jdbc.JdbcListeningLedger;
import org.cluetrain.jdbc.JdbcQueryStore;
import org.cluetrain.language.LinguaLanguageIdentifier;
import org.cluetrain.language.NgramLanguageIdentifier;
import org.cluetrain.lucene.LuceneMatchHighlighter;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.match.MatchHighlighter;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.store.ListeningLedger;
import org.cluetrain.store.PostStore;

/**
 * Cluetrain on one machine: the data directory holds a Lucene index ({@code index/}) and a SQLite
 * ledger ({@code ledger.db}); the pipeline runs in this process. Opening it takes an exclusive lock
 * on the directory, so two processes never write the same data.
 */
public final class EmbeddedRuntime implements AutoCloseable {
  /** How many recent posts duplicate detection compares against (about 40 MB of memory). */
  static final int DUPLICATE_MEMORY = 500_000;

  private final Path dataDir;
  private final Workspace workspace;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final PostStore store;
  private final JdbcListeningLedger ledger;
  private final QueryMatcher matcher;
  private final JdbcQueryStore editedQueries;
  private final QueryCatalog queries;
  private final ListeningPipeline pipeline;
  private final RelevanceLoop relevance;
  private final AccessControl access;
  private final MatchHighlighter highlighter = new LuceneMatchHighlighter();
  private final Alerting alerting;
  private final JdbcInbox inboxStore;
  private final Inbox inbox;

  private EmbeddedRuntime(Path dataDir, Workspace workspace) throws IOException {
    this.dataDir = dataDir;
    this.workspace = workspace;
    Files.createDirectories(dataDir);
    this.lockChannel =
        FileChannel.open(
            dataDir.resolve("cluetrain.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock acquired;
    try {
      acquired = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      lockChannel.close();
      throw new IOException(
          "the data directory "
              + dataDir
              + " is in use by another Cluetrain process; stop it or choose another with --data");
    }
    this.lock = acquired;
    try {
      this.ledger = JdbcListeningLedger.openSqlite(dataDir.resolve("ledger.db"));
      this.store = new LucenePostStore(dataDir.resolve("index"));
      this.matcher = new StreamQueryMatcher();
    } catch (RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
    // the workspace's queries and those saved in the web interface, registered in the matcher
    this.editedQueries = JdbcQueryStore.openSqlite(dataDir.resolve("ledger.db"));
    this.queries =
        new QueryCatalog(workspace, editedQueries, matcher, ledger, store, Clock.systemUTC());
    queries.load();

    DuplicateDetector duplicates = new DuplicateDetector(DUPLICATE_MEMORY);
    duplicates.remember(ledger.recentFingerprints(DUPLICATE_MEMORY));
    List<String> languages =
        workspace.languages().size() >= 2
            ? workspace.languages()
            : LinguaLanguageIdentifier.DEFAULT_LANGUAGES;
    this.relevance = new RelevanceLoop(dataDir.resolve("models"), store, ledger, Clock.systemUTC());
    List<Enricher> enrichers =
        List.of(
            new EntityExtractor(),
            new LanguageEnricher(NgramLanguageIdentifier.of(languages)),
            ClassifierEnricher.shipped(),
            relevance.enricher(),
            duplicates);
    this.access =
        new AccessControl(
            JdbcAccountStore.openSqlite(dataDir.resolve("ledger.db")), Clock.systemUTC());
    this.inboxStore = JdbcInbox.openSqlite(dataDir.resolve("ledger.db"));
    this.inbox = new Inbox(inboxStore, store, workspace, access.accounts(), Clock.systemUTC());
    this.pipeline =
        new ListeningPipeline(enrichers, matcher, store, ledger, List.of(inbox.intake()));
    this.alerting = new Alerting(workspace, store, matcher, ledger.alerts());
  }

  /** Opens (creating if needed) the data directory for this workspace. */
  public static EmbeddedRuntime open(Path dataDir, Workspace workspace) throws IOException {
    return new EmbeddedRuntime(dataDir.toAbsolutePath().normalize(), workspace);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Workspace workspace() {
    return workspace;
  }

  public ListeningPipeline pipeline() {
    return pipeline;
  }

  public PostStore store() {
    return store;
  }

  public ListeningLedger ledger() {
    return ledger;
  }

  /** The relevance labelling loop of every project. */
  public RelevanceLoop relevance() {
    return relevance;
  }

  /** Alert rules, backtests, live detection and delivery. */
  public Alerting alerts() {
    return alerting;
  }

  public QueryMatcher matcher() {
    return matcher;
  }

  /** Shows where a query matched a post, evaluated like matching and search. */
  public MatchHighlighter highlighter() {
    return highlighter;
  }

  /** Who may sign in, and their sessions and API tokens. */
  public AccessControl access() {
    return access;
  }

  /** The saved queries in effect: the workspace's and those saved in the web interface. */
  public QueryCatalog queries() {
    return queries;
  }

  /** The engagement inbox of every project. */
  public Inbox inbox() {
    return inbox;
  }

  /** Saved queries that could not be compiled, each with its reason. */
  public List<String> queryProblems() {
    return queries.problems();
  }

  @Override
  public void close() {
    try (lockChannel) {
      alerting.close();
      matcher.close();
      access.accounts().close();
      editedQueries.close();
      inboxStore.close();
      store.close();
      ledger.close();
      lock.release();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
