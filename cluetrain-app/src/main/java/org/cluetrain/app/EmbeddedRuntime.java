package org.cluetrain.app;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.alert.Alerting;
import org.cluetrain.app.audit.AuditTrail;
import org.cluetrain.app.goal.Goals;
import org.cluetrain.app.inbox.Inbox;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.ingest.FileReport;
import org.cluetrain.app.ingest.ImportJobs;
import org.cluetrain.app.privacy.AuthorPseudonyms;
import org.cluetrain.app.privacy.PseudonymVault;
import org.cluetrain.app.privacy.SubjectRequests;
import org.cluetrain.app.query.QueryCatalog;
import org.cluetrain.app.relevance.RelevanceLoop;
import org.cluetrain.app.retention.Retention;
import org.cluetrain.app.retention.RetentionSchedule;
import org.cluetrain.app.storage.StorageBackend;
import org.cluetrain.app.storage.StorageBackends;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.classify.ClassifierEnricher;
import org.cluetrain.connectors.net.RefusedAddressException;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.enrich.language.LanguageEnricher;
import org.cluetrain.formats.Formats;
import org.cluetrain.formats.push.PushedPostsReader;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.language.LinguaLanguageIdentifier;
import org.cluetrain.language.NgramLanguageIdentifier;
import org.cluetrain.lucene.LuceneMatchHighlighter;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.match.MatchHighlighter;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.privacy.AuthorSuppression;
import org.cluetrain.privacy.KeyedHash;
import org.cluetrain.privacy.PrivacyEvents;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;
import org.cluetrain.report.Report;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.report.goal.GoalProgress;
import org.cluetrain.report.goal.GoalTracker;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;
import org.jspecify.annotations.Nullable;

/**
 * Cluetrain in one process: the pipeline, matching and alerting run here, over the storage backend
 * the workspace names ({@link StorageBackends}). Embedded, the data directory holds a Lucene index
 * ({@code index/}) and a SQLite file ({@code ledger.db}), opened once. Opening the runtime takes an
 * exclusive lock on the data directory (which also holds the relevance models), so two processes
 * never write the same data.
 */
public final class EmbeddedRuntime implements AutoCloseable {
  /** How many recent posts duplicate detection compares against (about 40 MB of memory). */
  static final int DUPLICATE_MEMORY = 500_000;

  /** The largest file an upload may import: an X archive of many years fits. */
  public static final long MAX_IMPORT_BYTES = 2L * 1024 * 1024 * 1024;

  /**
   * The most one push may carry: enough for thousands of posts, small enough to hold in memory and
   * to answer while the sender waits. Larger batches are split by the sender, or imported.
   */
  public static final int MAX_PUSH_BYTES = 16 * 1024 * 1024;

  private final Path dataDir;
  private final Workspace workspace;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final PostStore store;
  private final StorageBackend storage;
  private final QueryMatcher matcher;
  private final QueryCatalog queries;
  private final ListeningPipeline pipeline;
  private final RelevanceLoop relevance;
  private final AccessControl access;
  private final MatchHighlighter highlighter = new LuceneMatchHighlighter();
  private final Alerting alerting;
  private final Inbox inbox;
  private final AuditTrail audit;
  private final SubjectRequests privacy;
  private final Retention retention;
  private @Nullable RetentionSchedule retentionSchedule;
  private @Nullable ImportJobs imports;

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
      throw new InUseException(dataDir);
    }
    this.lock = acquired;
    try {
      // the backend the workspace names; embedded: one SQLite file, opened once, and an index
      this.storage = StorageBackends.open(workspace.storage(), dataDir);
      this.store = storage.posts();
      this.matcher = new StreamQueryMatcher();
    } catch (RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
    // the workspace's queries and those saved in the web interface, registered in the matcher
    this.queries =
        new QueryCatalog(
            workspace,
            storage.queries(),
            matcher,
            storage.postLedger(),
            storage.queryLedger(),
            store,
            Clock.systemUTC());
    queries.load();

    DuplicateDetector duplicates = new DuplicateDetector(DUPLICATE_MEMORY);
    duplicates.remember(storage.postLedger().recentFingerprints(DUPLICATE_MEMORY));
    List<String> languages =
        workspace.languages().size() >= 2
            ? workspace.languages()
            : LinguaLanguageIdentifier.DEFAULT_LANGUAGES;
    this.relevance =
        new RelevanceLoop(
            dataDir.resolve("models"), store, storage.relevanceLabels(), Clock.systemUTC());
    // the secret behind suppression and pseudonyms; made on the first start
    KeyedHash installationHash = KeyedHash.ofInstallation(dataDir);
    PseudonymVault pseudonyms = new PseudonymVault(installationHash, storage.pseudonyms());
    Set<String> pseudonymised =
        workspace.projects().stream()
            .filter(p -> p.privacy().pseudonymiseAuthors())
            .map(Workspace.Project::name)
            .collect(java.util.stream.Collectors.toSet());
    List<Enricher> enrichers =
        List.of(
            new AuthorPseudonyms(pseudonyms, pseudonymised),
            new EntityExtractor(),
            new LanguageEnricher(NgramLanguageIdentifier.of(languages)),
            ClassifierEnricher.shipped(),
            relevance.enricher(),
            duplicates);
    this.access = new AccessControl(storage.accounts(), Clock.systemUTC());
    this.audit = new AuditTrail(storage.auditLog(), Clock.systemUTC());
    this.inbox = new Inbox(storage.inbox(), store, workspace, access.accounts(), Clock.systemUTC());
    this.pipeline =
        new ListeningPipeline(
            enrichers, matcher, store, storage.postLedger(), List.of(inbox.intake()));
    this.alerting = new Alerting(workspace, store, matcher, storage.alerts());
    // authors erased on request stay out of every import and poll
    AuthorSuppression suppression =
        new AuthorSuppression(installationHash, storage.suppressionList());
    pipeline.keepOut(suppression);
    this.privacy =
        new SubjectRequests(
            store,
            storage.postLedger(),
            storage.relevanceLabels(),
            storage.inbox(),
            storage.alerts(),
            suppression,
            pseudonyms,
            workspace,
            pipeline,
            dataDir.resolve("uploads"),
            Clock.systemUTC());
    privacy.reportTo(auditOf(audit, installationHash));
    this.retention =
        new Retention(
            store,
            storage.postLedger(),
            storage.rollups(),
            storage.relevanceLabels(),
            storage.inbox(),
            storage.retentionLog(),
            audit,
            workspace,
            pipeline,
            Clock.systemUTC());
  }

  /**
   * Subject requests in the audit log. The person is named by a keyed hash, never by name: an
   * erasure must not leave the name behind in the log that records it, and the same person gets the
   * same hash in every entry, so their requests can still be followed.
   */
  private static PrivacyEvents auditOf(AuditTrail audit, KeyedHash hash) {
    return new PrivacyEvents() {
      @Override
      public void exported(String actor, String subject, Map<String, Integer> found) {
        audit.record(
            actor,
            AuditKind.EXPORT,
            person(subject),
            "subject request: " + found,
            AuditEvent.LOCAL);
      }

      @Override
      public void erased(String actor, String subject, Map<String, Integer> erased) {
        audit.record(
            actor, AuditKind.ERASURE, person(subject), "erased: " + erased, AuditEvent.LOCAL);
      }

      @Override
      public void revealed(String actor, String pseudonym) {
        audit.record(
            actor, AuditKind.PSEUDONYM_REVEAL, pseudonym, "revealed to " + actor, AuditEvent.LOCAL);
      }

      private String person(String subject) {
        String normal = subject.strip().toLowerCase(java.util.Locale.ROOT);
        return "person " + hash.hash(normal).substring(0, 16);
      }
    };
  }

  /**
   * Another process holds the data directory. When that is a server, it has said where it answers
   * ({@link org.cluetrain.app.access.RunningServer}), and a command can hand it its work instead.
   */
  public static final class InUseException extends IOException {
    private final Path dataDir;

    InUseException(Path dataDir) {
      super(
          "the data directory "
              + dataDir
              + " is in use by another Cluetrain process; stop it or choose another with --data");
      this.dataDir = dataDir;
    }

    public Path dataDir() {
      return dataDir;
    }
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

  /** Which posts are known and what they matched. */
  public PostLedger postLedger() {
    return storage.postLedger();
  }

  /** Counts, hourly roll-ups, threads and authors. */
  public ActivityRollups rollups() {
    return storage.rollups();
  }

  /** Sources' health and feeds' HTTP validators. */
  public SourceStateStore sourceStates() {
    return storage.sourceStates();
  }

  /** Live sources' gaps: every interval a source could not cover. */
  public GapLedger gaps() {
    return storage.gaps();
  }

  /** Feeds subscribed by importing lists of feeds. */
  public SubscriptionStore subscriptions() {
    return storage.subscriptions();
  }

  /**
   * What subscribing to the feeds of an OPML list did.
   *
   * @param added how many feeds were newly subscribed
   * @param refused one line per feed left out: its URL and why
   */
  public record Subscribed(int added, List<String> refused) {
    public Subscribed {
      refused = List.copyOf(refused);
    }
  }

  /**
   * Subscribes the project to the feeds an imported list (OPML) names, except those at addresses
   * the workspace's {@code network} refuses: a list from anywhere must not point the poller at this
   * machine or the local network. The poller checks again before every fetch, as a name may resolve
   * elsewhere later.
   */
  public Subscribed subscribe(String project, List<ReadItem.FeedSubscription> feeds) {
    List<ReadItem.FeedSubscription> allowed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (ReadItem.FeedSubscription feed : feeds) {
      try {
        workspace.network().check(URI.create(feed.feedUrl()));
        allowed.add(feed);
      } catch (RefusedAddressException e) {
        refused.add(e.getMessage());
      } catch (UnknownHostException | IllegalArgumentException e) {
        // not resolvable now: the poller reports it, and checks the address once it resolves
        allowed.add(feed);
      }
    }
    int added = allowed.isEmpty() ? 0 : subscriptions().subscribe(project, allowed);
    return new Subscribed(added, refused);
  }

  /** The analysts' relevance verdicts. */
  public RelevanceLabelStore relevanceLabels() {
    return storage.relevanceLabels();
  }

  /** The queries in effect, as recorded beside their matches. */
  public QueryLedger queryLedger() {
    return storage.queryLedger();
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

  /** The audit log: who signed in, changed users or settings, exported or erased. */
  public AuditTrail audit() {
    return audit;
  }

  /** The saved queries in effect: the workspace's and those saved in the web interface. */
  public QueryCatalog queries() {
    return queries;
  }

  /**
   * The overview report of a project for a period: what the web pages, the HTTP API and the command
   * line show, from the queries in effect.
   */
  public OverviewReport overview(String project, Period period) {
    return OverviewReport.build(project, period, queries.queries(), rollups(), store);
  }

  /**
   * The goals in effect of the workspace's projects (the file's and those saved in the web
   * interface), measured as of now.
   */
  public Goals goals() {
    return new Goals(workspace, storage.goals(), goalTracker(), Clock.systemUTC());
  }

  /** Measures goals against the overview figures of the queries in effect, as of now. */
  public GoalTracker goalTracker() {
    return goalTracker(Clock.systemUTC());
  }

  /** Measures goals against the overview figures of the queries in effect, as of the clock. */
  public GoalTracker goalTracker(Clock clock) {
    return new GoalTracker(
        (project, period) ->
            OverviewReport.figures(project, period, queries.queries(), rollups(), store),
        clock);
  }

  /**
   * A project's report for a period, compared with the period before it: what the reports page, the
   * PDF, the HTTP API, the command line and the scheduled e-mail show.
   */
  public Report report(String project, ReportDefinition definition, Period period) {
    List<Alert> alerts =
        storage.alerts().list(project, false, 500).stream()
            .map(AlertStore.StoredAlert::alert)
            .toList();
    // goals as they stood when the period ended, so that last quarter's report stays last quarter's
    GoalTracker asThen = goalTracker(Clock.fixed(period.until(), ZoneOffset.UTC));
    List<GoalProgress> goals = goals().of(project).stream().map(asThen::progress).toList();
    return Report.build(
        definition, period, p -> overview(project, p), alerts, storage.inbox(), goals);
  }

  /** The engagement inbox of every project. */
  public Inbox inbox() {
    return inbox;
  }

  /** Exports of a project's mentions, threads, authors, figures and inbox items. */
  public org.cluetrain.app.export.Exports exports() {
    return new org.cluetrain.app.export.Exports(
        store, rollups(), inbox, queries::queries, Clock.systemUTC());
  }

  /** Subject requests: find, export and erase what is held about one person. */
  public SubjectRequests privacy() {
    return privacy;
  }

  /** Retention: removing what has been kept as long as the workspace says. */
  public Retention retention() {
    return retention;
  }

  /**
   * The daily retention run; {@code serve} starts it, which also runs retention at once. Made on
   * first use, so a command that only reads starts no thread.
   */
  public synchronized RetentionSchedule retentionSchedule() {
    if (retentionSchedule == null) {
      retentionSchedule = new RetentionSchedule(retention, Clock.systemUTC());
    }
    return retentionSchedule;
  }

  /**
   * Imports sent to this process while it serves (uploads and the command line's), one at a time;
   * started on first use, so a command that only reads starts no thread.
   */
  public synchronized ImportJobs imports() {
    if (imports == null) {
      try {
        imports =
            new ImportJobs(
                new FileImporter(pipeline, Formats.standard()),
                (project, feeds) -> {
                  Subscribed outcome = subscribe(project, feeds);
                  return new ImportJobs.Subscribed(outcome.added(), outcome.refused());
                },
                dataDir.resolve("uploads"),
                MAX_IMPORT_BYTES,
                Clock.systemUTC());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot prepare " + dataDir.resolve("uploads"), e);
      }
    }
    return imports;
  }

  /**
   * Posts pushed over HTTP by a collector or webhook, processed while the sender waits: the report
   * says what was new, what was stored before, and which items could not be read and why.
   *
   * @param collector who pushed (the account), the source's name unless a post names its own
   * @param body a JSON array of posts or one post per line, at most {@link #MAX_PUSH_BYTES}
   */
  public FileReport push(String project, String collector, byte[] body) {
    if (body.length > MAX_PUSH_BYTES) {
      throw new IllegalArgumentException(
          "a push carries at most " + MAX_PUSH_BYTES + " bytes; this one has " + body.length);
    }
    InputDocument input = InputDocument.ofBytes("push from " + collector, null, null, body);
    return new FileImporter(pipeline, Formats.standard())
        .importWith(new PushedPostsReader(collector, Instant.now()), input, project);
  }

  /** Saved queries that could not be compiled, each with its reason. */
  public List<String> queryProblems() {
    return queries.problems();
  }

  @Override
  public void close() {
    try (lockChannel) {
      synchronized (this) {
        if (imports != null) {
          imports.close();
        }
        if (retentionSchedule != null) {
          retentionSchedule.close();
        }
      }
      pipeline.close(); // what was handed in is written before the stores close
      alerting.close();
      matcher.close();
      storage.close();
      lock.release();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
