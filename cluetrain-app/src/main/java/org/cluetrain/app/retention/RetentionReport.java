package org.cluetrain.app.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.workspace.RetentionPeriod;
import org.cluetrain.store.RetentionLog;

/**
 * What a retention run removed, or with {@code dryRun} would remove.
 *
 * @param at when it ran
 * @param dryRun whether it only counted
 * @param projects per project, in workspace order
 */
public record RetentionReport(Instant at, boolean dryRun, List<ProjectResult> projects) {
  public RetentionReport {
    projects = List.copyOf(projects);
  }

  /**
   * One source of a project.
   *
   * @param sourceId the source's id
   * @param period how long its posts are kept
   * @param basis where the period comes from
   * @param cutoff posts published before this expire, or {@code null} when kept forever
   * @param posts how many posts were (or would be) removed
   */
  public record SourceResult(
      String sourceId,
      RetentionPeriod period,
      RetentionPolicy.Basis basis,
      Instant cutoff,
      long posts) {}

  /**
   * One project.
   *
   * @param project its name
   * @param sources its sources with stored posts
   * @param inboxClosed how long it keeps closed inbox items
   * @param inboxItems how many closed inbox items were (or would be) removed
   */
  public record ProjectResult(
      String project, List<SourceResult> sources, RetentionPeriod inboxClosed, long inboxItems) {
    public ProjectResult {
      sources = List.copyOf(sources);
    }

    /** Posts removed from every source together. */
    public long posts() {
      return sources.stream().mapToLong(SourceResult::posts).sum();
    }
  }

  /** The run as the retention log keeps it: per project, posts and inbox items. */
  public RetentionLog.Run asRun() {
    Map<String, RetentionLog.Removed> removed = new java.util.LinkedHashMap<>();
    projects.forEach(
        p -> removed.put(p.project(), new RetentionLog.Removed(p.posts(), p.inboxItems())));
    return new RetentionLog.Run(at, removed);
  }

  /**
   * The report as the HTTP API answers and the command line prints it: {@code at}, {@code dry_run},
   * and per project its sources (id, period, basis, cutoff, posts) and inbox items.
   */
  public Map<String, Object> json() {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("at", at.toString());
    json.put("dry_run", dryRun);
    List<Map<String, Object>> list = new java.util.ArrayList<>();
    for (ProjectResult p : projects) {
      Map<String, Object> project = new java.util.LinkedHashMap<>();
      project.put("project", p.project());
      project.put("posts", p.posts());
      project.put("inbox_items", p.inboxItems());
      project.put("inbox_closed", p.inboxClosed().toString());
      List<Map<String, Object>> sources = new java.util.ArrayList<>();
      for (SourceResult s : p.sources()) {
        Map<String, Object> source = new java.util.LinkedHashMap<>();
        source.put("source_id", s.sourceId());
        source.put("retention", s.period().toString());
        source.put("basis", s.basis().label());
        source.put("cutoff", s.cutoff() == null ? null : s.cutoff().toString());
        source.put("posts", s.posts());
        sources.add(source);
      }
      project.put("sources", sources);
      list.add(project);
    }
    json.put("projects", list);
    json.put("posts", posts());
    json.put("inbox_items", inboxItems());
    return json;
  }

  /** Posts removed in every project together. */
  public long posts() {
    return projects.stream().mapToLong(ProjectResult::posts).sum();
  }

  /** Inbox items removed in every project together. */
  public long inboxItems() {
    return projects.stream().mapToLong(ProjectResult::inboxItems).sum();
  }
}
