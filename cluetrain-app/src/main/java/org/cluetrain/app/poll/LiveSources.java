package org.cluetrain.app.poll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.connectors.bluesky.BlueskySource;
import org.cluetrain.connectors.bluesky.JetstreamSource;
import org.cluetrain.connectors.forum.ForumSource;
import org.cluetrain.connectors.hackernews.HackerNewsSource;
import org.cluetrain.connectors.mastodon.MastodonSource;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.reddit.RedditSource;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.connectors.youtube.YouTubeSource;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceDefinition;
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

  /** How often the sources added, changed or removed on the Sources page are taken up. */
  static final Duration REFRESH = Duration.ofSeconds(5);

  private final SourceRunner runner;
  private final AtomicLong stored;
  private final java.util.concurrent.ScheduledExecutorService refresher;
  private volatile int count;

  private LiveSources(
      SourceRunner runner,
      AtomicLong stored,
      java.util.concurrent.ScheduledExecutorService refresher,
      int count) {
    this.runner = runner;
    this.stored = stored;
    this.refresher = refresher;
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
          sources.add(source(project.name(), withTerms(project, live), client, environment));
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
    if (live.kind().equals("reddit")) {
      return reddit(project, live, client, environment);
    }
    if (live.kind().equals("hackernews")) {
      return hackerNews(project, live, client);
    }
    if (live.kind().equals("jetstream")) {
      String search = live.setting("search");
      return new JetstreamSource(
          JetstreamSource.Settings.of(
                  project,
                  JetstreamSource.termsOf(search == null ? List.of() : List.of(search)),
                  Duration.ofSeconds(live.everySeconds()))
              .withEndpoint(URI.create(live.url())),
          client,
          Clock.systemUTC());
    }
    if (live.kind().equals("youtube")) {
      return youtube(project, live, client, environment);
    }
    if (live.kind().equals("forum")) {
      return new ForumSource(
          ForumSource.Settings.of(
              project, URI.create(live.url()), Duration.ofSeconds(live.everySeconds())),
          client,
          Clock.systemUTC());
    }
    if (live.kind().equals("bluesky")) {
      return new BlueskySource(
          BlueskySource.Settings.of(
                  project,
                  live.setting("search"),
                  live.setting("author"),
                  Duration.ofSeconds(live.everySeconds()))
              .withEndpoint(URI.create(live.url())),
          client);
    }
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

  /**
   * The workspace's connectors and those added on the Sources page (for projects the workspace
   * still has), as sources.
   */
  public static List<Source> sources(
      Workspace workspace,
      SourceStateStore sourceStates,
      AddressPolicy addresses,
      Function<String, String> environment,
      java.util.function.Consumer<String> problems) {
    List<Source> sources = sources(workspace, addresses, environment, problems);
    ApiClient client =
        new ApiClient(ApiClient.Settings.DEFAULT.withAddresses(addresses), Clock.systemUTC());
    for (SourceDefinition definition : sourceStates.definitions()) {
      if (workspace.project(definition.project()).isEmpty()) {
        continue;
      }
      try {
        sources.add(source(definition.project(), asLiveSource(definition), client, environment));
      } catch (IllegalArgumentException unusable) {
        problems.accept("project " + definition.project() + ": " + unusable.getMessage());
      }
    }
    return sources;
  }

  /** A source added on the Sources page, as the workspace would declare it. */
  public static Workspace.LiveSource asLiveSource(SourceDefinition definition) {
    return new Workspace.LiveSource(
        definition.name(),
        definition.kind(),
        definition.url(),
        definition.settings(),
        definition.everySeconds());
  }

  /**
   * Starts polling the workspace's connectors and those added on the Sources page in the
   * background, taking up changes made on the page within seconds.
   */
  public static LiveSources start(
      Workspace workspace,
      Function<String, String> environment,
      java.util.function.Consumer<String> problems,
      ListeningPipeline pipeline,
      SourceStateStore sourceStates,
      GapLedger gaps) {
    AddressPolicy addresses = workspace.network();
    List<Source> first = sources(workspace, sourceStates, addresses, environment, problems);
    LiveSources live = start(first, pipeline, sourceStates, gaps);
    live.refresher.scheduleWithFixedDelay(
        () -> {
          try {
            List<Source> now =
                sources(
                    workspace,
                    sourceStates,
                    addresses,
                    environment,
                    problem -> LOG.log(System.Logger.Level.WARNING, "{0}", problem));
            live.runner.replaceSources(now);
            live.count = now.size();
          } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "cannot take up changed sources", unexpected);
          }
        },
        REFRESH.toMillis(),
        REFRESH.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
    return live;
  }

  private static Source reddit(
      String project,
      Workspace.LiveSource live,
      ApiClient client,
      Function<String, String> environment) {
    String[] credentials = new String[2];
    String[] keys = {"client-id-env", "client-secret-env"};
    for (int i = 0; i < 2; i++) {
      String variable = live.setting(keys[i]);
      String value = variable == null ? null : environment.apply(variable);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "source '"
                + live.name()
                + "': the environment variable "
                + variable
                + " named by "
                + keys[i]
                + " is not set");
      }
      credentials[i] = value;
    }
    return new RedditSource(
        RedditSource.Settings.of(
            project,
            live.setting("subreddit"),
            live.setting("search"),
            credentials[0],
            credentials[1],
            Duration.ofSeconds(live.everySeconds())),
        client,
        Clock.systemUTC());
  }

  private static Source youtube(
      String project,
      Workspace.LiveSource live,
      ApiClient client,
      Function<String, String> environment) {
    String variable = live.setting("key-env");
    String key = variable == null ? live.setting("key") : environment.apply(variable);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(
          "source '"
              + live.name()
              + "': "
              + (variable == null
                  ? "no YouTube API key ('key' or 'key-env')"
                  : "the environment variable " + variable + " named by key-env is not set"));
    }
    boolean video = live.setting("video") != null;
    return new YouTubeSource(
        YouTubeSource.Settings.of(
                project,
                video ? YouTubeSource.Target.VIDEO : YouTubeSource.Target.CHANNEL,
                video ? live.setting("video") : live.setting("channel"),
                key,
                Duration.ofSeconds(live.everySeconds()))
            .withEndpoint(URI.create(live.url())),
        client);
  }

  /** A Jetstream source without a search of its own filters by the project's queries. */
  private static Workspace.LiveSource withTerms(
      Workspace.Project project, Workspace.LiveSource live) {
    if (!live.kind().equals("jetstream") || live.setting("search") != null) {
      return live;
    }
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(live.settings());
    settings.put(
        "search",
        String.join(
            " OR ", project.queries().stream().map(org.cluetrain.query.SavedQuery::text).toList()));
    return new Workspace.LiveSource(
        live.name(), live.kind(), live.url(), settings, live.everySeconds(), live.retention());
  }

  private static Source hackerNews(String project, Workspace.LiveSource live, ApiClient client) {
    HackerNewsSource.Mode mode =
        "new".equals(live.setting("mode"))
            ? HackerNewsSource.Mode.NEW
            : HackerNewsSource.Mode.SEARCH;
    return new HackerNewsSource(
        HackerNewsSource.Settings.of(
                project, mode, live.setting("search"), Duration.ofSeconds(live.everySeconds()))
            .withEndpoint(URI.create(live.url())),
        client,
        Clock.systemUTC());
  }

  /** Starts polling these sources in the background. */
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
    java.util.concurrent.ScheduledExecutorService refresher =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "cluetrain-source-refresh");
              thread.setDaemon(true);
              return thread;
            });
    return new LiveSources(runner, stored, refresher, sources.size());
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    runner.close();
  }
}
