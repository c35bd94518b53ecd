package org.cluetrain.app.workspace;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.connectors.net.AddressBlock;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.inbox.InboxSettings;
import org.cluetrain.kafka.PostLogSettings;
import org.cluetrain.privacy.ErasureMode;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.report.goal.Goal;

/**
 * What a team listens to: its projects, each with sources, saved queries and competitors. Read from
 * a YAML file (see {@code docs/configuration.md}); every error in it is reported at once.
 *
 * @param file the file it was read from, or {@code null} when built in code
 * @param languages the languages to expect (ISO 639-1), for language identification
 * @param projects the projects, in file order
 * @param smtp the mail server for e-mail alerts, or {@code null} when none is configured
 * @param storage where the data is kept (embedded unless the file says otherwise)
 * @param network which addresses feeds, subscriptions and webhooks may reach (public addresses only
 *     unless the file allows more)
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} and {@code
 *     X-Forwarded-Proto} are believed (none unless the file names them)
 * @param publicHosts the host names the server is reached by besides loopback and addresses (the
 *     name a reverse proxy serves it under); requests naming another host are refused, so that a
 *     web page cannot reach the server through a name it rebinds to this machine
 * @param postLog the Kafka cluster and topic that ingest writes posts to instead of running the
 *     pipeline itself, or {@code null} when posts go straight into the pipeline (the default)
 */
public record Workspace(
    Path file,
    List<String> languages,
    List<Project> projects,
    Smtp smtp,
    StorageConfig storage,
    AddressPolicy network,
    List<AddressBlock> trustedProxies,
    List<String> publicHosts,
    PostLogSettings postLog) {
  public Workspace {
    languages = List.copyOf(languages);
    projects = List.copyOf(projects);
    storage = storage == null ? StorageConfig.EMBEDDED : storage;
    network = network == null ? AddressPolicy.publicOnly() : network;
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    publicHosts = publicHosts == null ? List.of() : List.copyOf(publicHosts);
  }

  /** A workspace whose ingest runs the pipeline itself, without a post log. */
  public Workspace(
      Path file,
      List<String> languages,
      List<Project> projects,
      Smtp smtp,
      StorageConfig storage,
      AddressPolicy network,
      List<AddressBlock> trustedProxies,
      List<String> publicHosts) {
    this(file, languages, projects, smtp, storage, network, trustedProxies, publicHosts, null);
  }

  /** A workspace served under no public host name. */
  public Workspace(
      Path file,
      List<String> languages,
      List<Project> projects,
      Smtp smtp,
      StorageConfig storage,
      AddressPolicy network,
      List<AddressBlock> trustedProxies) {
    this(file, languages, projects, smtp, storage, network, trustedProxies, List.of());
  }

  /** A workspace trusting no reverse proxy. */
  public Workspace(
      Path file,
      List<String> languages,
      List<Project> projects,
      Smtp smtp,
      StorageConfig storage,
      AddressPolicy network) {
    this(file, languages, projects, smtp, storage, network, List.of());
  }

  /** A workspace reaching public addresses only. */
  public Workspace(
      Path file, List<String> languages, List<Project> projects, Smtp smtp, StorageConfig storage) {
    this(file, languages, projects, smtp, storage, AddressPolicy.publicOnly());
  }

  /** The same workspace with its data kept in another storage. */
  public Workspace withStorage(StorageConfig other) {
    return new Workspace(
        file, languages, projects, smtp, other, network, trustedProxies, publicHosts, postLog);
  }

  /** The same workspace with only the named projects, in their order in the file. */
  public Workspace withProjects(List<String> names) {
    List<Project> kept = projects.stream().filter(p -> names.contains(p.name())).toList();
    return new Workspace(
        file, languages, kept, smtp, storage, network, trustedProxies, publicHosts, postLog);
  }

  /** The same workspace allowing other addresses. */
  public Workspace withNetwork(AddressPolicy other) {
    return new Workspace(
        file, languages, projects, smtp, storage, other, trustedProxies, publicHosts, postLog);
  }

  /** The same workspace trusting other reverse proxies. */
  public Workspace withTrustedProxies(List<AddressBlock> other) {
    return new Workspace(
        file, languages, projects, smtp, storage, network, other, publicHosts, postLog);
  }

  /** The same workspace served under other public host names. */
  public Workspace withPublicHosts(List<String> other) {
    return new Workspace(
        file, languages, projects, smtp, storage, network, trustedProxies, other, postLog);
  }

  /** The same workspace writing ingested posts to another post log ({@code null}: none). */
  public Workspace withPostLog(PostLogSettings other) {
    return new Workspace(
        file, languages, projects, smtp, storage, network, trustedProxies, publicHosts, other);
  }

  /** The post log ingest writes to, when the workspace names a Kafka cluster. */
  public Optional<PostLogSettings> postLogIfAny() {
    return Optional.ofNullable(postLog);
  }

  /** A workspace with embedded storage. */
  public Workspace(Path file, List<String> languages, List<Project> projects, Smtp smtp) {
    this(file, languages, projects, smtp, StorageConfig.EMBEDDED);
  }

  /** A workspace without a mail server. */
  public Workspace(Path file, List<String> languages, List<Project> projects) {
    this(file, languages, projects, null);
  }

  /**
   * How a project answers subject requests.
   *
   * @param erasure what erasing a person does to their posts in the project: {@code remove} them
   *     (the default), or keep the texts and {@code pseudonymise} the author
   * @param pseudonymiseAuthors whether the project's authors are stored under keyed pseudonyms from
   *     the start, which only an admin can reveal
   */
  public record Privacy(ErasureMode erasure, boolean pseudonymiseAuthors) {
    public static final Privacy DEFAULT = new Privacy(ErasureMode.REMOVE, false);

    public Privacy {
      erasure = erasure == null ? ErasureMode.REMOVE : erasure;
    }
  }

  /**
   * How long a project keeps what it collects; each period is {@link RetentionPeriod#FOREVER} when
   * the file says nothing. Expired posts leave the figures they counted in as they were.
   *
   * @param thirdParty posts from sources the project does not run
   * @param ownChannels posts from the project's own channels (its inbox's {@code own_channels})
   * @param inboxClosed inbox items, counted from when they were closed (set to done)
   */
  public record Retention(
      RetentionPeriod thirdParty, RetentionPeriod ownChannels, RetentionPeriod inboxClosed) {
    public static final Retention FOREVER =
        new Retention(RetentionPeriod.FOREVER, RetentionPeriod.FOREVER, RetentionPeriod.FOREVER);

    public Retention {
      thirdParty = thirdParty == null ? RetentionPeriod.FOREVER : thirdParty;
      ownChannels = ownChannels == null ? RetentionPeriod.FOREVER : ownChannels;
      inboxClosed = inboxClosed == null ? RetentionPeriod.FOREVER : inboxClosed;
    }

    /** Whether nothing of the project ever expires. */
    public boolean keepsEverything() {
      return thirdParty.forever() && ownChannels.forever() && inboxClosed.forever();
    }
  }

  /**
   * A project: one brand, client or research topic.
   *
   * @param alerts its alert rules and where alerts go (the defaults when the file says nothing)
   * @param inbox its engagement inbox: rules, response target, business hours, own channels
   * @param retention how long its posts and closed inbox items are kept (forever when not said)
   * @param goals what it wants to reach, as the workspace file says
   * @param reports the reports it defines, in file order
   */
  public record Project(
      String name,
      String description,
      List<FeedSource> feeds,
      List<Path> imports,
      List<SavedQuery> queries,
      Alerts alerts,
      InboxSettings inbox,
      Privacy privacy,
      List<LiveSource> liveSources,
      Retention retention,
      List<Goal> goals,
      List<ReportDefinition> reports) {
    public Project {
      retention = retention == null ? Retention.FOREVER : retention;
      goals = goals == null ? List.of() : List.copyOf(goals);
      reports = reports == null ? List.of() : List.copyOf(reports);
      feeds = List.copyOf(feeds);
      liveSources = liveSources == null ? List.of() : List.copyOf(liveSources);
      imports = List.copyOf(imports);
      queries = List.copyOf(queries);
      alerts = alerts == null ? Alerts.defaults(name, feeds, List.of()) : alerts;
      inbox = inbox == null ? InboxSettings.defaults(ZoneId.systemDefault()) : inbox;
      privacy = privacy == null ? Privacy.DEFAULT : privacy;
    }

    /** A project with the default privacy settings whose only live sources are feeds. */
    public Project(
        String name,
        String description,
        List<FeedSource> feeds,
        List<Path> imports,
        List<SavedQuery> queries,
        Alerts alerts,
        InboxSettings inbox) {
      this(name, description, feeds, imports, queries, alerts, inbox, Privacy.DEFAULT, List.of());
    }

    /** A project keeping everything forever. */
    public Project(
        String name,
        String description,
        List<FeedSource> feeds,
        List<Path> imports,
        List<SavedQuery> queries,
        Alerts alerts,
        InboxSettings inbox,
        Privacy privacy,
        List<LiveSource> liveSources) {
      this(
          name,
          description,
          feeds,
          imports,
          queries,
          alerts,
          inbox,
          privacy,
          liveSources,
          Retention.FOREVER);
    }

    /** A project without goals and reports. */
    public Project(
        String name,
        String description,
        List<FeedSource> feeds,
        List<Path> imports,
        List<SavedQuery> queries,
        Alerts alerts,
        InboxSettings inbox,
        Privacy privacy,
        List<LiveSource> liveSources,
        Retention retention) {
      this(
          name,
          description,
          feeds,
          imports,
          queries,
          alerts,
          inbox,
          privacy,
          liveSources,
          retention,
          List.of(),
          List.of());
    }

    /** The same project keeping its posts and inbox items as long as {@code other} says. */
    public Project withRetention(Retention other) {
      return new Project(
          name,
          description,
          feeds,
          imports,
          queries,
          alerts,
          inbox,
          privacy,
          liveSources,
          other,
          goals,
          reports);
    }

    /** The same project with other goals. */
    public Project withGoals(List<Goal> other) {
      return new Project(
          name,
          description,
          feeds,
          imports,
          queries,
          alerts,
          inbox,
          privacy,
          liveSources,
          retention,
          other,
          reports);
    }

    /** The same project with other report definitions. */
    public Project withReports(List<ReportDefinition> other) {
      return new Project(
          name,
          description,
          feeds,
          imports,
          queries,
          alerts,
          inbox,
          privacy,
          liveSources,
          retention,
          goals,
          other);
    }

    /** Its goal of that name. */
    public Optional<Goal> goal(String goalName) {
      return goals.stream().filter(g -> g.name().equals(goalName)).findFirst();
    }

    /** The report named {@code name}, if the project defines it. */
    public Optional<ReportDefinition> report(String name) {
      return reports.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * A project with the default alert rules and no destinations, and an inbox without rules with
     * the default target and business hours.
     */
    public Project(
        String name,
        String description,
        List<FeedSource> feeds,
        List<Path> imports,
        List<SavedQuery> queries) {
      this(
          name, description, feeds, imports, queries, null, null, Privacy.DEFAULT, List.of(), null);
    }
  }

  /**
   * A project's alerting: its rules and the destinations they name as recipients.
   *
   * @param rules the rules, each over one or every query of the project
   * @param destinations where alerts are delivered
   */
  public record Alerts(List<AlertRule> rules, List<Destination> destinations) {
    public Alerts {
      rules = List.copyOf(rules);
      destinations = List.copyOf(destinations);
    }

    /**
     * The rules a project gets when the file lists none: one rule of each detector over every
     * query, telling every destination; the project's polled feeds count as news for spill-over.
     */
    public static Alerts defaults(
        String project, List<FeedSource> feeds, List<Destination> destinations) {
      List<String> recipients = destinations.stream().map(Destination::name).toList();
      java.util.Set<String> newsSites = new java.util.LinkedHashSet<>();
      for (FeedSource feed : feeds) {
        try {
          String host = java.net.URI.create(feed.url()).getHost();
          if (host != null) {
            newsSites.add(host.startsWith("www.") ? host.substring(4) : host);
          }
        } catch (IllegalArgumentException notAUri) {
          // a feed address the URI parser rejects names no site; the feed itself reports it
        }
      }
      return new Alerts(
          AlertRule.defaults(project, recipients).stream()
              .map(rule -> rule.withNewsSites(newsSites))
              .toList(),
          destinations);
    }
  }

  /**
   * Where alerts are delivered.
   *
   * @param name the name rules use in their recipients
   * @param kind how
   * @param url the webhook's address (webhook and chat)
   * @param emails the addresses (e-mail)
   */
  public record Destination(String name, DestinationKind kind, String url, List<String> emails) {
    public Destination {
      emails = emails == null ? List.of() : List.copyOf(emails);
    }
  }

  /** How a destination is reached. */
  public enum DestinationKind {
    /** An HTTP POST of the alerts as JSON. */
    WEBHOOK,
    /** An HTTP POST of {@code {"text": …}}, as Slack, Mattermost and Rocket.Chat take it. */
    CHAT,
    /** An e-mail over the workspace's SMTP server. */
    EMAIL
  }

  /**
   * The mail server e-mail alerts are sent through.
   *
   * @param host its host name
   * @param port its port (25, 465 or 587 usually)
   * @param from the sender address
   * @param username the login, or {@code null} for none
   * @param passwordEnv the name of the environment variable holding the password (never the
   *     password itself: workspace files end up in version control)
   * @param startTls whether to upgrade the connection with STARTTLS
   */
  public record Smtp(
      String host, int port, String from, String username, String passwordEnv, boolean startTls) {}

  /**
   * A feed the server polls.
   *
   * @param name the source's name in the project
   * @param url the feed's address
   * @param everySeconds how often to poll it
   * @param retention how long its posts are kept, or {@code null} for as long as the project says
   */
  public record FeedSource(String name, String url, long everySeconds, RetentionPeriod retention) {
    /** A feed kept as long as its project says. */
    public FeedSource(String name, String url, long everySeconds) {
      this(name, url, everySeconds, null);
    }

    /** The source id its posts carry. */
    public String sourceId() {
      return "feed:" + url;
    }
  }

  /**
   * A live source of another kind than a feed: a connector (see {@code docs/sources.md}).
   *
   * @param name the source's name in the project
   * @param kind the connector: {@code mastodon}, {@code reddit}, {@code hackernews}, {@code
   *     bluesky}, {@code jetstream}, {@code forum}, {@code youtube}
   * @param url the instance or site it reads from
   * @param settings the connector's settings as written (e.g. {@code tag}, {@code token-env})
   * @param everySeconds how often it is polled
   * @param retention how long its posts are kept, or {@code null} for as long as the project says
   */
  public record LiveSource(
      String name,
      String kind,
      String url,
      Map<String, String> settings,
      long everySeconds,
      RetentionPeriod retention) {
    public LiveSource {
      settings = Map.copyOf(settings);
    }

    /** A connector kept as long as its project says. */
    public LiveSource(
        String name, String kind, String url, Map<String, String> settings, long everySeconds) {
      this(name, kind, url, settings, everySeconds, null);
    }

    /**
     * Whether a post's source id is this connector's: ids of its kind on its instance ({@code
     * mastodon:mastodon.social...}).
     */
    public boolean covers(String sourceId) {
      String host;
      try {
        host = java.net.URI.create(url).getHost();
      } catch (IllegalArgumentException notAUri) {
        return false;
      }
      String prefix = kind + ":";
      return sourceId.startsWith(prefix)
          && (host == null
              || kind.equals("reddit")
              || kind.equals("hackernews")
              || kind.equals("bluesky")
              || kind.equals("youtube")
              || sourceId.regionMatches(true, prefix.length(), host, 0, host.length()));
    }

    /** A setting, or {@code null}. */
    public String setting(String key) {
      return settings.get(key);
    }
  }

  public Optional<Project> project(String name) {
    return projects.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Every saved query of every project (competitors included). */
  public List<SavedQuery> queries() {
    List<SavedQuery> all = new ArrayList<>();
    projects.forEach(p -> all.addAll(p.queries()));
    return all;
  }

  /** An empty workspace: no projects; imports still work, matching nothing. */
  public static Workspace empty(List<String> languages) {
    return new Workspace(null, languages, List.of(), null);
  }
}
