package org.cluetrain.app.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertEngine;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.Notifier;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.pipeline.StoredPostsListener;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.StoredPost;

/**
 * Early warning for the embedded runtime: backtests over stored history, the live detectors on the
 * pipeline, storage, acknowledgement and delivery of alerts.
 */
public final class Alerting implements AutoCloseable {
  /** Posts published longer ago than this (an old archive being imported) raise nothing live. */
  static final Duration LIVE_LATENESS = Duration.ofDays(1);

  /** Backtests without {@code --since} look back this far from the newest post. */
  static final Duration DEFAULT_BACKTEST = Duration.ofDays(90);

  private final Workspace workspace;
  private final PostStore store;
  private final QueryMatcher matcher;
  private final AlertStore alerts;
  private final AtomicLong liveFailures = new AtomicLong();
  private volatile String lastLiveFailure;
  private volatile AlertEngine live;
  private volatile AlertDispatcher dispatcher;
  private volatile Instant liveSince;

  public Alerting(Workspace workspace, PostStore store, QueryMatcher matcher, AlertStore alerts) {
    this.workspace = workspace;
    this.store = store;
    this.matcher = matcher;
    this.alerts = alerts;
  }

  public AlertStore store() {
    return alerts;
  }

  /** Every project's rules. */
  public List<AlertRule> rules() {
    List<AlertRule> rules = new ArrayList<>();
    workspace.projects().forEach(p -> rules.addAll(p.alerts().rules()));
    return rules;
  }

  /** One project's rules; the exception names the projects there are. */
  public List<AlertRule> rules(String project) {
    return project(project).alerts().rules();
  }

  /**
   * Some of a project's rules, by name; the exception names the rule that is not there and the
   * rules there are.
   */
  public List<AlertRule> rules(String project, List<String> names) {
    List<AlertRule> rules = rules(project);
    for (String name : names) {
      if (rules.stream().noneMatch(r -> r.name().equals(name))) {
        throw new IllegalArgumentException(
            "no rule '"
                + name
                + "' in project "
                + project
                + "; it has "
                + rules.stream().map(AlertRule::name).toList());
      }
    }
    return rules.stream().filter(r -> names.contains(r.name())).toList();
  }

  /**
   * Replays a project's stored posts through rules and collects the alerts they would have raised.
   *
   * @param since the period's start, or {@code null} for 90 days before the newest post
   * @param until its end, or {@code null} for just after the newest post
   * @param rules the rules to test, or {@code null} for the project's rules in the workspace
   */
  public BacktestReport backtest(
      String project, Instant since, Instant until, List<AlertRule> rules) {
    Workspace.Project owner = project(project);
    List<AlertRule> tested = rules == null ? owner.alerts().rules() : rules;
    HistoryReplay replay = new HistoryReplay(store, matcher);
    Instant newest = replay.newest(owner.name());
    Instant end = until != null ? until : newest == null ? Instant.EPOCH : newest.plusSeconds(60);
    Instant start = since != null ? since : end.minus(DEFAULT_BACKTEST);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "since (" + start + ") must be before until (" + end + ")");
    }
    Duration history =
        tested.stream().map(AlertRule::baseline).max(Duration::compareTo).orElse(Duration.ZERO);
    Instant from = start.minus(history);
    AlertEngine engine = AlertEngine.replay(tested);
    List<Alert> found = new ArrayList<>();
    if (newest != null) {
      replay.replay(
          owner.name(),
          from,
          end,
          batch -> {
            boolean inPeriod = !batch.get(0).post().published().isBefore(start);
            if (inPeriod) {
              found.addAll(engine.observe(batch));
            } else {
              engine.warmUp(batch);
            }
          });
    }
    return new BacktestReport(
        owner.name(), start, end, from, replay.posts(), tested, found, engine.stats());
  }

  /**
   * Starts the live detectors: learns the baselines from stored history, remembers the alerts
   * raised before (their cooldowns go on), then runs on every batch the pipeline stores and hands
   * new alerts to the delivery threads.
   */
  public void startLive(
      ListeningPipeline pipeline,
      Clock clock,
      AlertDispatcher.Settings delivery,
      UnaryOperator<String> environment) {
    List<AlertRule> rules = rules();
    AlertEngine engine = AlertEngine.live(rules, clock, LIVE_LATENESS);
    Duration history =
        rules.stream().map(AlertRule::baseline).max(Duration::compareTo).orElse(Duration.ZERO);
    Instant now = clock.instant();
    HistoryReplay replay = new HistoryReplay(store, matcher);
    for (Workspace.Project project : workspace.projects()) {
      if (!project.alerts().rules().isEmpty()) {
        replay.replay(project.name(), now.minus(history), now.plusSeconds(1), engine::warmUp);
      }
    }
    Duration longestCooldown =
        rules.stream().map(AlertRule::cooldown).max(Duration::compareTo).orElse(Duration.ZERO);
    engine.remember(alerts.raisedSince(now.minus(longestCooldown).minus(Duration.ofHours(3))));
    this.dispatcher = new AlertDispatcher(notifiers(environment), alerts, clock, delivery);
    this.live = engine;
    this.liveSince = now;
    pipeline.addListener(
        new StoredPostsListener() {
          @Override
          public String name() {
            return "alerts";
          }

          @Override
          public void stored(List<StoredPost> posts) {
            onStored(posts);
          }
        });
  }

  /** Runs the live rules on a stored batch; never throws into the pipeline. */
  void onStored(List<StoredPost> batch) {
    AlertEngine engine = live;
    if (engine == null || batch.isEmpty()) {
      return;
    }
    try {
      List<Alert> raised = engine.observe(batch);
      if (raised.isEmpty()) {
        return;
      }
      for (Alert alert : alerts.save(raised)) {
        dispatcher.submit(alert, recipients(alert));
      }
    } catch (RuntimeException e) {
      liveFailures.incrementAndGet();
      lastLiveFailure = e.getMessage() == null ? e.toString() : e.getMessage();
    }
  }

  /** Acknowledges an alert in the name of {@code by}. */
  public Optional<AlertStore.StoredAlert> acknowledge(String alertId, String by) {
    return alerts.acknowledge(alertId, by, Instant.now());
  }

  /** What the live detectors and the delivery are doing, for {@code /api/status} and the CLI. */
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    AlertEngine engine = live;
    status.put("live", engine != null);
    status.put("rules", rules().size());
    if (engine != null) {
      status.put("live_since", liveSince);
      status.put("detectors", engine.stats());
      status.put("failures", liveFailures.get());
      status.put("last_failure", lastLiveFailure);
      status.put("destinations", dispatcher.status());
    }
    return status;
  }

  /** Delivery status per destination; empty unless live. */
  public List<AlertDispatcher.DestinationStatus> deliveries() {
    AlertDispatcher current = dispatcher;
    return current == null ? List.of() : current.status();
  }

  private List<String> recipients(Alert alert) {
    return rules(alert.project()).stream()
        .filter(r -> r.name().equals(alert.rule()))
        .findFirst()
        .map(r -> r.recipients().stream().map(d -> alert.project() + "/" + d).toList())
        .orElse(List.of());
  }

  private List<Notifier> notifiers(UnaryOperator<String> environment) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            // a redirect could lead past the address check to a refused address
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<Notifier> notifiers = new ArrayList<>();
    for (Workspace.Project project : workspace.projects()) {
      for (Workspace.Destination destination : project.alerts().destinations()) {
        notifiers.add(notifier(project.name(), destination, http, environment));
      }
    }
    return notifiers;
  }

  /** A destination's notifier, named {@code project/destination}: names are per project. */
  private Notifier notifier(
      String project,
      Workspace.Destination destination,
      HttpClient http,
      UnaryOperator<String> environment) {
    String name = project + "/" + destination.name();
    return switch (destination.kind()) {
      case WEBHOOK ->
          new WebhookNotifier(
              name,
              URI.create(destination.url()),
              WebhookNotifier.Payload.JSON,
              http,
              workspace.network());
      case CHAT ->
          new WebhookNotifier(
              name,
              URI.create(destination.url()),
              WebhookNotifier.Payload.CHAT,
              http,
              workspace.network());
      case EMAIL -> new EmailNotifier(name, destination.emails(), workspace.smtp(), environment);
    };
  }

  private Workspace.Project project(String name) {
    if (name == null && workspace.projects().size() == 1) {
      return workspace.projects().get(0);
    }
    return workspace
        .project(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no project '"
                        + name
                        + "' in the workspace; it has "
                        + workspace.projects().stream().map(Workspace.Project::name).toList()));
  }

  @Override
  public void close() {
    AlertDispatcher current = dispatcher;
    if (current != null) {
      current.close();
    }
  }
}
