package org.cluetrain.app.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cluetrain.app.audit.AuditTrail;
import org.cluetrain.app.workspace.RetentionPeriod;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.store.RetentionLog;

/**
 * Removes what has been kept as long as the workspace says: posts older than their source's period
 * (see {@link RetentionPolicy}) from the index, the ledger and the relevance verdicts, and inbox
 * items closed longer than their project's {@code inbox_closed}.
 *
 * <p>Counts stay, texts go: the ledger keeps what expired posts counted in ({@link
 * PostLedger#expire}), so overview and volume figures read the same before and after. As erasure
 * does, a run that removed anything makes the deletions final in the files (index segments
 * rewritten, database pages vacuumed). Each run is recorded in the {@link RetentionLog} and the
 * audit log; a dry run changes and records nothing.
 */
public final class Retention {
  /** Posts are expired this many at a time. */
  static final int BATCH = 1_000;

  private final PostStore store;
  private final PostLedger ledger;
  private final ActivityRollups rollups;
  private final RelevanceLabelStore labels;
  private final InboxStore inbox;
  private final RetentionLog log;
  private final AuditTrail audit;
  private final Workspace workspace;
  private final ListeningPipeline pipeline;
  private final Clock clock;

  public Retention(
      PostStore store,
      PostLedger ledger,
      ActivityRollups rollups,
      RelevanceLabelStore labels,
      InboxStore inbox,
      RetentionLog log,
      AuditTrail audit,
      Workspace workspace,
      ListeningPipeline pipeline,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.log = Objects.requireNonNull(log, "log");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The same retention telling the time by another clock. */
  public Retention withClock(Clock other) {
    return new Retention(
        store, ledger, rollups, labels, inbox, log, audit, workspace, pipeline, other);
  }

  /** The workspace whose periods apply. */
  public Workspace workspace() {
    return workspace;
  }

  /** The latest recorded run. */
  public Optional<RetentionLog.Run> lastRun() {
    return log.last();
  }

  /**
   * Runs retention over every project, or over one.
   *
   * @param dryRun count what would be removed, and remove nothing
   * @param project the project, or {@code null} for all
   * @param actor who asked, for the audit log ({@code system} for the daily run)
   * @throws IllegalArgumentException when the workspace has no such project
   */
  public RetentionReport run(boolean dryRun, String project, String actor) {
    List<Workspace.Project> projects = projects(project);
    if (dryRun) {
      return pass(projects, true);
    }
    // no batch may be stored while posts are removed: the ledger and the index must agree
    RetentionReport report = pipeline.exclusively(() -> pass(projects, false));
    log.record(report.asRun());
    audit.record(
        actor,
        AuditKind.RETENTION_RUN,
        project == null ? "all projects" : "project " + project,
        detail(report),
        AuditEvent.LOCAL);
    return report;
  }

  private List<Workspace.Project> projects(String project) {
    if (project == null) {
      return workspace.projects();
    }
    return List.of(
        workspace
            .project(project)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the workspace has no project '" + project + "'")));
  }

  private RetentionReport pass(List<Workspace.Project> projects, boolean dryRun) {
    Instant now = clock.instant();
    List<RetentionReport.ProjectResult> results = new ArrayList<>();
    boolean removedAny = false;
    for (Workspace.Project project : projects) {
      List<RetentionReport.SourceResult> sources = new ArrayList<>();
      for (String sourceId : rollups.postsBySource(project.name()).keySet()) {
        RetentionPolicy.SourcePeriod period = RetentionPolicy.of(project, sourceId);
        Instant cutoff = period.period().cutoff(now).orElse(null);
        long posts = 0;
        if (cutoff != null) {
          posts =
              dryRun
                  ? ledger.countPublishedBefore(project.name(), sourceId, cutoff)
                  : expire(project.name(), sourceId, cutoff);
        }
        sources.add(
            new RetentionReport.SourceResult(
                sourceId, period.period(), period.basis(), cutoff, posts));
      }
      RetentionPeriod inboxClosed = project.retention().inboxClosed();
      long items = 0;
      Optional<Instant> inboxCutoff = inboxClosed.cutoff(now);
      if (inboxCutoff.isPresent()) {
        List<String> closed = inbox.postsOfItemsClosedBefore(project.name(), inboxCutoff.get());
        items = dryRun ? closed.size() : inbox.forgetItemsOfPosts(closed);
      }
      RetentionReport.ProjectResult result =
          new RetentionReport.ProjectResult(project.name(), sources, inboxClosed, items);
      removedAny |= result.posts() > 0 || items > 0;
      results.add(result);
    }
    if (!dryRun && removedAny) {
      // the files: index segments rewritten without the old documents, database pages rewritten
      store.expungeDeleted();
      ledger.compact();
    }
    return new RetentionReport(now, dryRun, results);
  }

  /** Expires a source's posts published before the cutoff from every store; how many. */
  private long expire(String project, String sourceId, Instant cutoff) {
    long expired = 0;
    while (true) {
      List<String> ids = ledger.publishedBefore(project, sourceId, cutoff, BATCH);
      if (ids.isEmpty()) {
        return expired;
      }
      labels.forgetRelevanceLabels(ids);
      store.delete(ids);
      int done = ledger.expire(ids);
      expired += done;
      if (done == 0) {
        return expired; // the ledger would hand the same ids again
      }
    }
  }

  private static String detail(RetentionReport report) {
    StringBuilder detail = new StringBuilder("removed");
    for (RetentionReport.ProjectResult p : report.projects()) {
      detail
          .append(' ')
          .append(p.project())
          .append(": ")
          .append(p.posts())
          .append(" posts, ")
          .append(p.inboxItems())
          .append(" inbox items;");
    }
    if (report.projects().isEmpty()) {
      detail.append(" nothing: no projects");
    }
    return detail.toString();
  }

  /** The periods of every source with stored posts, per project, as the Sources page shows them. */
  public Map<String, RetentionPolicy.SourcePeriod> periods(String project) {
    Workspace.Project p = projects(project).get(0);
    Map<String, RetentionPolicy.SourcePeriod> periods = new java.util.LinkedHashMap<>();
    for (Workspace.FeedSource feed : p.feeds()) {
      periods.put(feed.sourceId(), RetentionPolicy.of(p, feed.sourceId()));
    }
    for (String sourceId : rollups.postsBySource(p.name()).keySet()) {
      periods.putIfAbsent(sourceId, RetentionPolicy.of(p, sourceId));
    }
    return periods;
  }
}
