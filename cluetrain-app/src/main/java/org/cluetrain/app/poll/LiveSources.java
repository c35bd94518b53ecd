package org.cluetrain.app.poll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.connectors.mastodon.MastodonSource;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;

/**
 * Runs the workspace's connectors (every live source that is not a feed) and routes their posts
 * through the pipeline; their cursors, health and gaps go to the ledger, where the Sources page
 * shows them.
 */
public final class LiveSources implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LiveSources.class.getName());

  private final SourceRunner runner;
  private final AtomicLong stored;
  private final int count;

  private LiveSources(SourceRunner runner, AtomicLong stored, int count) {
    this.runner = runner;
    this.stored = stored;
    this.count = count;
  }

  /** Posts stored from connectors since they started. */
  public long stored() {
    return stored.get();
  }

  /** How many connectors run. */
  public int count() {
    return count;
  }

  /**
   * The workspace's connectors as sources.
   *
   * @param environment where token variables are read ({@code token-env})
   * @param problems told of each source that cannot run (and is left out), naming it
   */
  public static List<Source> sources(
      Workspace workspace,
      AddressPolicy addresses,
      Function<String, String> environment,
      java.util.function.Consumer<String> problems) {
    ApiClient client =
        new ApiClient(ApiClient.Settings.DEFAULT.withAddresses(addresses), Clock.systemUTC());
    List<Source> sources = new ArrayList<>();
    for (Workspace.Project project : workspace.projects()) {
      for (Workspace.LiveSource live : project.liveSources()) {
        try {
          sources.add(source(project.name(), live, client, environment));
        } catch (IllegalArgumentException unusable) {
          problems.accept("project " + project.name() + ": " + unusable.getMessage());
        }
      }
    }
    return sources;
  }

  /** One connector of a project. */
  public static Source source(
      String project,
      Workspace.LiveSource live,
      ApiClient client,
      Function<String, String> environment) {
    if (!live.kind().equals("mastodon")) {
      throw new IllegalArgumentException(
          "source '" + live.name() + "': unknown kind '" + live.kind() + "'");
    }
    String tokenEnv = live.setting("token-env");
    String token = tokenEnv == null ? null : environment.apply(tokenEnv);
    if (tokenEnv != null && (token == null || token.isBlank())) {
      throw new IllegalArgumentException(
          "source '"
              + live.name()
              + "': the environment variable "
              + tokenEnv
              + " named by token-env is not set");
    }
    MastodonSource.Timeline timeline;
    String argument;
    if (live.setting("tag") != null) {
      timeline = MastodonSource.Timeline.TAG;
      argument = live.setting("tag");
    } else if (live.setting("list") != null) {
      timeline = MastodonSource.Timeline.LIST;
      argument = live.setting("list");
    } else if (live.setting("search") != null) {
      timeline = MastodonSource.Timeline.SEARCH;
      argument = live.setting("search");
    } else {
      timeline =
          "local".equals(live.setting("timeline"))
              ? MastodonSource.Timeline.LOCAL
              : MastodonSource.Timeline.PUBLIC;
      argument = null;
    }
    return MastodonSource.of(
        MastodonSource.Settings.of(
            project,
            URI.create(live.url()),
            timeline,
            argument,
            Duration.ofSeconds(live.everySeconds()),
            token,
            "true".equals(live.setting("stream"))),
        client);
  }

  /** Starts polling the sources in the background. */
  public static LiveSources start(
      List<Source> sources,
      ListeningPipeline pipeline,
      SourceStateStore sourceStates,
      GapLedger gaps) {
    AtomicLong stored = new AtomicLong();
    SourceRunner runner =
        new SourceRunner(
            sources,
            (source, posts, problems) -> {
              BatchOutcome outcome = pipeline.process(posts);
              stored.addAndGet(outcome.stored());
              problems.forEach(p -> LOG.log(System.Logger.Level.INFO, "{0}", p));
              outcome.failures().forEach(f -> LOG.log(System.Logger.Level.WARNING, "{0}", f));
            },
            sourceStates,
            gaps,
            Clock.systemUTC());
    runner.start();
    return new LiveSources(runner, stored, sources.size());
  }

  @Override
  public void close() {
    runner.close();
  }
}
