package org.cluetrain.app.workspace;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.app.storage.StorageBackends;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.connectors.net.AddressBlock;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.inbox.BusinessHours;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxRule;
import org.cluetrain.inbox.InboxSettings;
import org.cluetrain.inbox.OwnChannels;
import org.cluetrain.inbox.Priority;
import org.cluetrain.kafka.PostLogSettings;
import org.cluetrain.privacy.ErasureMode;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.report.PeriodKind;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.report.ReportSchedule;
import org.cluetrain.report.ReportSection;
import org.cluetrain.report.goal.Goal;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a workspace file. It walks SnakeYAML's node tree rather than binding to classes, so that
 * every problem can name its line, and it collects all problems before failing: a user fixes the
 * file once, not once per error.
 */
public final class WorkspaceReader {
  /** A YouTube watch, short or shorts address, whose video id is taken. */
  private static final Pattern YOUTUBE_VIDEO_ADDRESS =
      Pattern.compile(
          "^https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|shorts/)|youtu\\.be/)"
              + "([A-Za-z0-9_-]{11})");

  /** A DNS name: labels of letters, digits and dashes, joined by dots. */
  private static final java.util.regex.Pattern PUBLIC_HOST =
      java.util.regex.Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
  private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*(m|h|d|w|y)");
  private static final long MIN_POLL_SECONDS = 60;
  private static final Pattern RESPONSE_TIME =
      Pattern.compile("(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?");
  private static final Set<String> SENTIMENTS = Set.of("positive", "negative", "neutral");

  private final Path file;
  private final List<String> problems = new ArrayList<>();
  private AlertSectionReader alertSection;

  /** The name of the project being read, for problems that name it. */
  private String projectName;

  private WorkspaceReader(Path file) {
    this.file = file;
  }

  /**
   * Reads alert rules given as YAML or JSON (a list of rules, or a mapping with {@code rules}), as
   * the HTTP API receives them when someone edits a rule, checked against a project of the
   * workspace.
   *
   * @param origin what to call the text in problems, e.g. {@code request}
   */
  public static List<org.cluetrain.alert.AlertRule> alertRules(
      String origin, String text, Workspace workspace, String project) throws WorkspaceException {
    WorkspaceReader reader = new WorkspaceReader(Path.of(origin));
    Workspace.Project owner =
        workspace
            .project(project)
            .orElseThrow(() -> new WorkspaceException(List.of("no project '" + project + "'")));
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      root = new Yaml(options).compose(new java.io.StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new WorkspaceException(
          List.of(origin + ":" + line + ": not valid YAML or JSON: " + e.getProblem()));
    } catch (RuntimeException e) {
      throw new WorkspaceException(List.of(origin + ": not valid YAML or JSON: " + e.getMessage()));
    }
    if (root == null) {
      throw new WorkspaceException(List.of(origin + ":1: no rules given"));
    }
    reader.alertSection = new AlertSectionReader(reader);
    reader.alertSection.smtpConfigured(workspace.smtp() != null);
    List<org.cluetrain.alert.AlertRule> rules =
        reader.alertSection.rules(root, owner, owner.alerts().destinations());
    if (!reader.problems.isEmpty()) {
      throw new WorkspaceException(reader.problems);
    }
    return rules;
  }

  /** Reads and validates the workspace file; throws with every problem found. */
  public static Workspace read(Path file) throws WorkspaceException {
    return new WorkspaceReader(file).read();
  }

  private Workspace read() throws WorkspaceException {
    Node root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20); // no "billion laughs" through YAML aliases
      root = new Yaml(options).compose(reader);
    } catch (IOException e) {
      throw new WorkspaceException(List.of(file + ": cannot read: " + e.getMessage()));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new WorkspaceException(
          List.of(file + ":" + line + ": not valid YAML: " + e.getProblem()));
    } catch (RuntimeException e) {
      throw new WorkspaceException(List.of(file + ": not valid YAML: " + e.getMessage()));
    }
    if (root == null) {
      throw new WorkspaceException(List.of(file + ":1: the workspace file is empty"));
    }
    Map<String, Node> top =
        mapping(
            root,
            "the workspace",
            Set.of("languages", "projects", "smtp", "storage", "network", "kafka"));
    List<String> languages = languages(top.get("languages"));
    StorageConfig storage =
        top.containsKey("storage") ? storage(top.get("storage")) : StorageConfig.EMBEDDED;
    PostLogSettings postLog = top.containsKey("kafka") ? kafka(top.get("kafka")) : null;
    AddressPolicy network =
        top.containsKey("network") ? network(top.get("network")) : AddressPolicy.publicOnly();
    List<AddressBlock> trustedProxies =
        top.containsKey("network") ? trustedProxies(top.get("network")) : List.of();
    List<String> publicHosts =
        top.containsKey("network") ? publicHosts(top.get("network")) : List.of();
    alertSection = new AlertSectionReader(this);
    Workspace.Smtp smtp = top.containsKey("smtp") ? alertSection.smtp(top.get("smtp")) : null;
    alertSection.smtpConfigured(smtp != null);
    List<Workspace.Project> projects = new ArrayList<>();
    Node projectsNode = top.get("projects");
    if (projectsNode == null) {
      problem(root, "the workspace needs a 'projects' list");
    } else {
      Set<String> names = new HashSet<>();
      for (Node projectNode : sequence(projectsNode, "projects")) {
        Workspace.Project project = project(projectNode);
        if (project != null && !names.add(project.name())) {
          problem(projectNode, "project '" + project.name() + "' is declared twice");
        }
        if (project != null) {
          projects.add(project);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkspaceException(problems);
    }
    return new Workspace(
        file, languages, projects, smtp, storage, network, trustedProxies, publicHosts, postLog);
  }

  /**
   * The {@code kafka:} section: the cluster ({@code bootstrap-servers}) whose post log ingest
   * writes to, and optionally the {@code topic}, {@code dead-letter-topic}, {@code client-id} and
   * {@code group-id} (defaults in {@link PostLogSettings}). Each bad value is a problem on its own
   * line.
   */
  private PostLogSettings kafka(Node node) {
    Map<String, Node> fields =
        mapping(
            node,
            "'kafka'",
            Set.of("bootstrap-servers", "topic", "dead-letter-topic", "client-id", "group-id"));
    if (fields == null) {
      return null;
    }
    int before = problems.size();
    String servers = required(fields, "bootstrap-servers", node, "'kafka' section");
    if (servers != null) {
      PostLogSettings.bootstrapProblem(servers)
          .ifPresent(why -> problem(fields.get("bootstrap-servers"), "kafka: " + why));
    }
    String topic = kafkaName(fields, "topic", PostLogSettings.DEFAULT_TOPIC);
    String deadLetters =
        kafkaName(fields, "dead-letter-topic", PostLogSettings.DEFAULT_DEAD_LETTER_TOPIC);
    String clientId = kafkaName(fields, "client-id", PostLogSettings.DEFAULT_CLIENT_ID);
    String groupId = kafkaName(fields, "group-id", PostLogSettings.DEFAULT_GROUP_ID);
    if (problems.size() > before || servers == null) {
      return null;
    }
    try {
      return new PostLogSettings(servers, topic, deadLetters, clientId, groupId);
    } catch (IllegalArgumentException e) {
      problem(node, "kafka: " + e.getMessage());
      return null;
    }
  }

  /** A name of the {@code kafka:} section, checked where it is a topic name, or its default. */
  private String kafkaName(Map<String, Node> fields, String key, String fallback) {
    if (!fields.containsKey(key)) {
      return fallback;
    }
    String value = scalar(fields.get(key), "'" + key + "'");
    if (value != null && key.endsWith("topic")) {
      PostLogSettings.topicProblem(key, value)
          .ifPresent(why -> problem(fields.get(key), "kafka: " + why));
    }
    return value;
  }

  /**
   * The {@code network:} section: {@code allow}, the host names, addresses and CIDR blocks that
   * feeds, subscriptions and webhooks may reach although they are loopback, link-local, private,
   * multicast or unspecified.
   */
  private AddressPolicy network(Node node) {
    Map<String, Node> fields =
        mapping(node, "'network'", Set.of("allow", "trusted-proxies", "public-hosts"));
    if (fields == null || !fields.containsKey("allow")) {
      return AddressPolicy.publicOnly();
    }
    List<String> allowed = new ArrayList<>();
    for (Node entry : sequence(fields.get("allow"), "'network.allow'")) {
      if (entry instanceof ScalarNode scalar) {
        allowed.add(scalar.getValue());
      } else {
        problem(entry, "'network.allow' lists host names, addresses and CIDR blocks, one a line");
      }
    }
    try {
      return AddressPolicy.allowing(allowed);
    } catch (IllegalArgumentException e) {
      problem(fields.get("allow"), "network: " + e.getMessage());
      return AddressPolicy.publicOnly();
    }
  }

  /**
   * {@code network.public-hosts}: the host names people reach the server by (the reverse proxy's
   * name), each a DNS name without scheme, port or path.
   */
  private List<String> publicHosts(Node node) {
    Node list = field(node, "public-hosts");
    if (list == null) {
      return List.of();
    }
    List<String> hosts = new ArrayList<>();
    for (Node entry : sequence(list, "'network.public-hosts'")) {
      String host = entry instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
      if (!PUBLIC_HOST.matcher(host).matches()) {
        problem(
            entry,
            "'network.public-hosts' lists host names such as listening.example.org (no scheme,"
                + " port or path), not '"
                + host
                + "'");
        continue;
      }
      hosts.add(host.toLowerCase(java.util.Locale.ROOT));
    }
    return hosts;
  }

  /** The value of a key of the {@code network:} mapping, or null. */
  private static Node field(Node node, String name) {
    if (!(node instanceof MappingNode mapping)) {
      return null; // network() has reported it
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
        return tuple.getValueNode();
      }
    }
    return null;
  }

  /**
   * {@code network.trusted-proxies}: the addresses or CIDR blocks of the reverse proxies in front
   * of the server, whose {@code X-Forwarded-For} tells the client's address.
   */
  private List<AddressBlock> trustedProxies(Node node) {
    if (!(node instanceof MappingNode mapping)) {
      return List.of(); // network() has reported it
    }
    Node list = null;
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && key.getValue().equals("trusted-proxies")) {
        list = tuple.getValueNode();
      }
    }
    if (list == null) {
      return List.of();
    }
    List<AddressBlock> proxies = new ArrayList<>();
    for (Node entry : sequence(list, "'network.trusted-proxies'")) {
      if (!(entry instanceof ScalarNode scalar)) {
        problem(entry, "'network.trusted-proxies' lists addresses and CIDR blocks, one a line");
        continue;
      }
      try {
        proxies.add(AddressBlock.parse(scalar.getValue().strip()));
      } catch (IllegalArgumentException e) {
        problem(entry, "network: trusted proxy '" + scalar.getValue() + "': " + e.getMessage());
      }
    }
    return proxies;
  }

  /**
   * The {@code storage:} section: {@code kind: embedded} (the default) or {@code kind: postgresql}
   * with a JDBC {@code url}, a {@code user} and a {@code password} or, better, {@code
   * password-env}. A kind this build cannot open is a problem like any other.
   */
  private StorageConfig storage(Node node) {
    Map<String, Node> fields =
        mapping(node, "'storage'", Set.of("kind", "url", "user", "password", "password-env"));
    if (fields == null) {
      return StorageConfig.EMBEDDED;
    }
    String kindText = required(fields, "kind", node, "'storage' section");
    StorageConfig.Kind kind = null;
    for (StorageConfig.Kind candidate : StorageConfig.Kind.values()) {
      if (candidate.label().equals(kindText)) {
        kind = candidate;
      }
    }
    if (kindText != null && kind == null) {
      problem(
          fields.get("kind"),
          "storage kind '"
              + kindText
              + "' is unknown, expected one of "
              + String.join(
                  ", ",
                  java.util.Arrays.stream(StorageConfig.Kind.values())
                      .map(StorageConfig.Kind::label)
                      .toList()));
    }
    String url = optionalScalar(fields, "url");
    String user = optionalScalar(fields, "user");
    String password = optionalScalar(fields, "password");
    String passwordEnv = optionalScalar(fields, "password-env");
    if (kind == StorageConfig.Kind.EMBEDDED) {
      for (String key : List.of("url", "user", "password", "password-env")) {
        if (fields.containsKey(key)) {
          problem(
              fields.get(key),
              "'"
                  + key
                  + "' is for storage kind postgresql; embedded storage keeps its data in"
                  + " the data directory");
        }
      }
    }
    if (kind == StorageConfig.Kind.POSTGRESQL) {
      if (!fields.containsKey("url")) {
        problem(
            node,
            "storage kind postgresql needs 'url', such as"
                + " jdbc:postgresql://localhost:5432/cluetrain");
      } else if (url != null && !url.startsWith("jdbc:postgresql://")) {
        problem(
            fields.get("url"),
            "url '"
                + url
                + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
      }
      if (password != null && passwordEnv != null) {
        problem(fields.get("password-env"), "give either 'password' or 'password-env', not both");
      }
      if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        problem(
            fields.get("password-env"),
            "password-env names an environment variable (such as CLUETRAIN_DB_PASSWORD), not '"
                + passwordEnv
                + "'");
      }
    }
    if (kind != null) {
      StorageBackends.unavailable(kind).ifPresent(why -> problem(fields.get("kind"), why));
    }
    return kind == null
        ? StorageConfig.EMBEDDED
        : new StorageConfig(kind, url, user, password, passwordEnv);
  }

  private List<String> languages(Node node) {
    if (node == null) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (Node item : sequence(node, "languages")) {
      String code = scalar(item, "a language code");
      if (code != null && !code.matches("[a-z]{2}")) {
        problem(
            item, "language '" + code + "' is not a two-letter ISO 639-1 code such as de or en");
      } else if (code != null) {
        codes.add(code);
      }
    }
    return codes;
  }

  private Workspace.Project project(Node node) {
    Map<String, Node> fields =
        mapping(
            node,
            "a project",
            Set.of(
                "name",
                "description",
                "sources",
                "queries",
                "competitors",
                "alerts",
                "inbox",
                "privacy",
                "retention",
                "goals",
                "reports"));
    if (fields == null) {
      return null;
    }
    String name = required(fields, "name", node, "project");
    if (name != null && !NAME.matcher(name).matches()) {
      problem(
          fields.get("name"),
          "project name '"
              + name
              + "' must be lower case letters, digits, '-' or '_' (at most 40), starting with a"
              + " letter or digit");
      name = null;
    }
    String description = optionalScalar(fields, "description");
    List<Workspace.FeedSource> feeds = new ArrayList<>();
    List<Path> imports = new ArrayList<>();
    List<Workspace.LiveSource> live = new ArrayList<>();
    projectName = name;
    if (fields.containsKey("sources")) {
      for (Node sourceNode : sequence(fields.get("sources"), "sources")) {
        source(sourceNode, feeds, imports, live);
      }
    }
    List<SavedQuery> queries = new ArrayList<>();
    Set<String> queryNames = new HashSet<>();
    for (String key : List.of("queries", "competitors")) {
      if (fields.containsKey(key)) {
        SavedQuery.Role role =
            key.equals("queries") ? SavedQuery.Role.LISTEN : SavedQuery.Role.COMPETITOR;
        for (Node queryNode : sequence(fields.get(key), key)) {
          SavedQuery query = query(queryNode, name, role);
          if (query != null && !queryNames.add(query.name())) {
            problem(queryNode, "query '" + query.name() + "' is declared twice in the project");
          } else if (query != null) {
            queries.add(query);
          }
        }
      }
    }
    Workspace.Alerts alerts =
        fields.containsKey("alerts") && name != null
            ? alertSection.alerts(fields.get("alerts"), name, queries, feeds)
            : null;
    InboxSettings inbox =
        fields.containsKey("inbox") ? inbox(fields.get("inbox"), name, queries) : null;
    Workspace.Privacy privacy =
        fields.containsKey("privacy") ? privacy(fields.get("privacy")) : Workspace.Privacy.DEFAULT;
    Workspace.Retention retention =
        fields.containsKey("retention")
            ? retention(fields.get("retention"), name)
            : Workspace.Retention.FOREVER;
    List<Goal> goals =
        fields.containsKey("goals")
            ? new GoalSectionReader(this).goals(fields.get("goals"), name)
            : List.of();
    List<ReportDefinition> reports = new ArrayList<>();
    if (fields.containsKey("reports")) {
      Set<String> reportNames = new HashSet<>();
      for (Node reportNode : sequence(fields.get("reports"), "reports")) {
        ReportDefinition report = report(reportNode);
        if (report != null && !reportNames.add(report.name())) {
          problem(
              reportNode,
              inProject("report '" + report.name() + "' is declared twice in the project"));
        } else if (report != null) {
          reports.add(report);
        }
      }
    }
    return name == null
        ? null
        : new Workspace.Project(
            name,
            description,
            feeds,
            imports,
            queries,
            alerts,
            inbox,
            privacy,
            live,
            retention,
            goals,
            reports);
  }

  /**
   * A report definition: {@code name}, {@code sections} (all when absent), {@code period} (month
   * when absent), {@code language} (en when absent), {@code schedule} and {@code recipients}.
   */
  private ReportDefinition report(Node node) {
    Map<String, Node> fields =
        mapping(
            node,
            inProject("a report"),
            Set.of("name", "sections", "period", "language", "schedule", "recipients"));
    if (fields == null) {
      return null;
    }
    String name = required(fields, "name", node, "report");
    if (name == null) {
      return null;
    }
    String where = inProject("report '" + name + "'");
    int before = problemCount();
    Set<ReportSection> sections = EnumSet.noneOf(ReportSection.class);
    if (fields.containsKey("sections")) {
      for (Node item : sequence(fields.get("sections"), "sections")) {
        String key = scalar(item, "a section such as overview");
        if (key != null) {
          try {
            sections.add(ReportSection.of(key));
          } catch (IllegalArgumentException e) {
            problem(item, where + ": " + e.getMessage());
          }
        }
      }
    } else {
      sections.addAll(EnumSet.allOf(ReportSection.class));
    }
    PeriodKind period = PeriodKind.MONTH;
    String periodText = optionalScalar(fields, "period");
    if (periodText != null) {
      try {
        period = PeriodKind.of(periodText);
      } catch (IllegalArgumentException e) {
        problem(fields.get("period"), where + ": " + e.getMessage());
      }
    }
    String language = fields.containsKey("language") ? optionalScalar(fields, "language") : "en";
    if (language != null && !ReportDefinition.LANGUAGES.contains(language)) {
      problem(
          fields.get("language"),
          where
              + ": language '"
              + language
              + "' is not one of "
              + String.join(", ", ReportDefinition.LANGUAGES));
    }
    ReportSchedule schedule = null;
    String scheduleText = optionalScalar(fields, "schedule");
    if (scheduleText != null) {
      try {
        schedule = ReportSchedule.parse(scheduleText);
      } catch (IllegalArgumentException e) {
        problem(fields.get("schedule"), where + ": " + e.getMessage());
      }
    }
    List<String> recipients = new ArrayList<>();
    if (fields.containsKey("recipients")) {
      for (Node item : scalarOrList(fields.get("recipients"), "recipients")) {
        String address = scalar(item, "an e-mail address");
        if (address != null && !address.matches("[^@\\s]+@[^@\\s]+")) {
          problem(item, where + ": recipient '" + address + "' is not an e-mail address");
        } else if (address != null) {
          recipients.add(address);
        }
      }
    }
    if (problemCount() > before || language == null || sections.isEmpty()) {
      if (sections.isEmpty() && problemCount() == before) {
        problem(fields.get("sections"), where + ": a report needs at least one section");
      }
      return null;
    }
    try {
      return new ReportDefinition(name, sections, period, language, schedule, recipients);
    } catch (IllegalArgumentException e) {
      problem(node, where + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * A project's {@code retention:} section: {@code third_party}, {@code own_channels} and {@code
   * inbox_closed}, each a period; what it leaves out is kept forever.
   */
  private Workspace.Retention retention(Node node, String project) {
    Map<String, Node> fields =
        mapping(
            node,
            "the retention of project '" + project + "'",
            Set.of("third_party", "own_channels", "inbox_closed"));
    if (fields == null) {
      return Workspace.Retention.FOREVER;
    }
    String where = "project '" + project + "'";
    return new Workspace.Retention(
        period(fields.get("third_party"), where, "retention.third_party"),
        period(fields.get("own_channels"), where, "retention.own_channels"),
        period(fields.get("inbox_closed"), where, "retention.inbox_closed"));
  }

  /** What a problem calls a part of the project being read. */
  private String inProject(String what) {
    return projectName == null ? what : "project '" + projectName + "', " + what;
  }

  /** A retention period, or {@code null} when the key is absent or its value is refused. */
  private RetentionPeriod period(Node node, String where, String key) {
    if (node == null) {
      return null;
    }
    String text = scalar(node, "a retention period such as P15M or '15 months' for " + key);
    if (text == null) {
      return null;
    }
    try {
      return RetentionPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      problem(node, where + ": " + key + " '" + text + "' is refused: " + e.getMessage());
      return null;
    }
  }

  private Workspace.Privacy privacy(Node node) {
    Map<String, Node> fields =
        mapping(node, "the privacy settings", Set.of("erasure", "pseudonymise_authors"));
    if (fields == null) {
      return Workspace.Privacy.DEFAULT;
    }
    ErasureMode erasure = Workspace.Privacy.DEFAULT.erasure();
    if (fields.containsKey("erasure")) {
      String text = scalar(fields.get("erasure"), "remove or pseudonymise");
      if (text != null) {
        try {
          erasure = ErasureMode.parse(text);
        } catch (IllegalArgumentException e) {
          problem(fields.get("erasure"), e.getMessage());
        }
      }
    }
    Boolean pseudonymise = flag(fields.get("pseudonymise_authors"), "pseudonymise_authors");
    return new Workspace.Privacy(erasure, Boolean.TRUE.equals(pseudonymise));
  }

  private InboxSettings inbox(Node node, String project, List<SavedQuery> queries) {
    Map<String, Node> fields =
        mapping(
            node,
            "the inbox",
            Set.of(
                "respond_within",
                "business_hours",
                "own_channels",
                "own_accounts",
                "max_post_age",
                "rules"));
    if (fields == null) {
      return null;
    }
    Duration target = InboxSettings.DEFAULT_TARGET;
    if (fields.containsKey("respond_within")) {
      String text = scalar(fields.get("respond_within"), "a response time such as 4h");
      Matcher m =
          text == null ? null : RESPONSE_TIME.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (m != null && m.matches() && (m.group(1) != null || m.group(2) != null)) {
        Duration d =
            Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        if (d.isZero()) {
          problem(fields.get("respond_within"), "respond_within must be more than 0");
        } else {
          target = d;
        }
      } else if (text != null) {
        problem(
            fields.get("respond_within"),
            "'" + text + "' is not a response time in business hours such as 30m, 4h or 1h30m");
      }
    }
    BusinessHours hours = InboxSettings.defaultHours(ZoneId.systemDefault());
    if (fields.containsKey("business_hours")) {
      String text =
          scalar(fields.get("business_hours"), "business hours such as mon-fri 09:00-17:00");
      if (text != null) {
        try {
          hours = BusinessHours.parse(text, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
          problem(fields.get("business_hours"), e.getMessage());
        }
      }
    }
    List<String> own =
        texts(fields.get("own_channels"), "own_channels", "a source id or host name");
    List<String> accounts =
        texts(fields.get("own_accounts"), "own_accounts", "an account's handle or name");
    Duration maxPostAge = InboxSettings.DEFAULT_MAX_POST_AGE;
    if (fields.containsKey("max_post_age")) {
      String text = scalar(fields.get("max_post_age"), "an age such as 30d, or none");
      Matcher m = text == null ? null : AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (text != null && text.strip().equalsIgnoreCase("none")) {
        maxPostAge = null;
      } else if (m != null && m.matches()) {
        long amount = Long.parseLong(m.group(1));
        maxPostAge =
            switch (m.group(2)) {
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              case "d" -> Duration.ofDays(amount);
              case "w" -> Duration.ofDays(7 * amount);
              default -> Duration.ofDays(365 * amount);
            };
        if (maxPostAge.isZero()) {
          problem(fields.get("max_post_age"), "max_post_age must be more than 0, or none");
          maxPostAge = InboxSettings.DEFAULT_MAX_POST_AGE;
        }
      } else if (text != null) {
        problem(
            fields.get("max_post_age"),
            "'" + text + "' is not an age such as 12h, 30d, 8w or 2y, or none");
      }
    }
    List<InboxRule> rules = new ArrayList<>();
    Set<String> ruleNames = new HashSet<>();
    if (fields.containsKey("rules")) {
      for (Node ruleNode : sequence(fields.get("rules"), "rules")) {
        InboxRule rule = rule(ruleNode, project, queries);
        if (rule != null && !ruleNames.add(rule.name())) {
          problem(ruleNode, "inbox rule '" + rule.name() + "' is declared twice in the project");
        } else if (rule != null) {
          rules.add(rule);
        }
      }
    }
    return new InboxSettings(target, hours, new OwnChannels(own, accounts), rules, maxPostAge);
  }

  private InboxRule rule(Node node, String project, List<SavedQuery> queries) {
    Map<String, Node> fields =
        mapping(
            node,
            "an inbox rule",
            Set.of(
                "name",
                "query",
                "sentiment",
                "question",
                "own_channel",
                "language",
                "min_relevance",
                "priority",
                "tags",
                "assignee"));
    if (fields == null) {
      return null;
    }
    int problemsBefore = problems.size();
    String name = required(fields, "name", node, "inbox rule");
    boolean valid = name != null;
    Set<String> queryIds = new LinkedHashSet<>();
    for (Node item : scalarOrList(fields.get("query"), "query")) {
      String queryName = scalar(item, "the name of a query of the project");
      if (queryName == null) {
        valid = false;
      } else if (queries.stream().noneMatch(q -> q.name().equals(queryName))) {
        problem(
            item,
            "inbox rule '"
                + name
                + "': the project has no query '"
                + queryName
                + "'; it has "
                + String.join(", ", queries.stream().map(SavedQuery::name).toList()));
        valid = false;
      } else {
        queryIds.add(project + "/" + queryName);
      }
    }
    Set<String> sentiments = new LinkedHashSet<>();
    for (Node item : scalarOrList(fields.get("sentiment"), "sentiment")) {
      String sentiment = scalar(item, "a sentiment");
      if (sentiment != null && !SENTIMENTS.contains(sentiment)) {
        problem(item, "sentiment '" + sentiment + "' is not one of negative, neutral, positive");
        valid = false;
      } else if (sentiment != null) {
        sentiments.add(sentiment);
      }
    }
    Set<String> languages = new LinkedHashSet<>();
    for (Node item : scalarOrList(fields.get("language"), "language")) {
      String code = scalar(item, "a language code");
      if (code != null && !code.matches("[a-z]{2}")) {
        problem(
            item, "language '" + code + "' is not a two-letter ISO 639-1 code such as de or en");
        valid = false;
      } else if (code != null) {
        languages.add(code);
      }
    }
    Boolean question = flag(fields.get("question"), "question");
    Boolean ownChannel = flag(fields.get("own_channel"), "own_channel");
    Double minRelevance = null;
    if (fields.containsKey("min_relevance")) {
      String text = scalar(fields.get("min_relevance"), "a number from 0 to 1");
      try {
        minRelevance = text == null ? null : Double.parseDouble(text);
        if (minRelevance != null && !(minRelevance >= 0 && minRelevance <= 1)) {
          problem(fields.get("min_relevance"), "min_relevance must be within 0..1, was " + text);
          valid = false;
        }
      } catch (NumberFormatException e) {
        problem(fields.get("min_relevance"), "min_relevance '" + text + "' is not a number");
        valid = false;
      }
    }
    Priority priority = Priority.NORMAL;
    if (fields.containsKey("priority")) {
      String text = scalar(fields.get("priority"), "a priority");
      try {
        priority = text == null ? priority : Priority.parse(text);
      } catch (IllegalArgumentException e) {
        problem(fields.get("priority"), e.getMessage());
        valid = false;
      }
    }
    List<String> tags = new ArrayList<>();
    for (Node item : scalarOrList(fields.get("tags"), "tags")) {
      String tag = scalar(item, "a tag");
      try {
        if (tag != null) {
          tags.add(InboxItem.requireTag(tag));
        }
      } catch (IllegalArgumentException e) {
        problem(item, e.getMessage());
        valid = false;
      }
    }
    String assignee = optionalScalar(fields, "assignee");
    if (!valid || problems.size() > problemsBefore) {
      return null;
    }
    try {
      return new InboxRule(
          name,
          queryIds,
          sentiments,
          question,
          ownChannel,
          languages,
          minRelevance,
          priority,
          tags,
          assignee);
    } catch (IllegalArgumentException e) {
      problem(node, e.getMessage());
      return null;
    }
  }

  /** A scalar or a list of scalars, as nodes; none when absent. */
  private List<Node> scalarOrList(Node node, String what) {
    if (node == null) {
      return List.of();
    }
    return node instanceof SequenceNode ? sequence(node, what) : List.of(node);
  }

  private Boolean flag(Node node, String what) {
    if (node == null) {
      return null;
    }
    String text = scalar(node, "true or false");
    if (text == null) {
      return null;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> {
        problem(node, what + " must be true or false, was '" + text + "'");
        yield null;
      }
    };
  }

  private void source(
      Node node,
      List<Workspace.FeedSource> feeds,
      List<Path> imports,
      List<Workspace.LiveSource> live) {
    Map<String, Node> fields =
        mapping(
            node,
            "a source",
            Set.of(
                "name",
                "feed",
                "every",
                "import",
                "mastodon",
                "timeline",
                "tag",
                "list",
                "search",
                "token-env",
                "stream",
                "reddit",
                "client-id-env",
                "client-secret-env",
                "hackernews",
                "bluesky",
                "appview",
                "jetstream",
                "forum",
                "youtube",
                "key",
                "key-env",
                "api",
                "retention"));
    if (fields == null) {
      return;
    }
    if (fields.containsKey("retention") && fields.containsKey("import")) {
      problem(
          fields.get("retention"),
          "an import is kept as long as its project says: 'retention' is for feeds and connectors");
    }
    if (fields.containsKey("mastodon")) {
      mastodon(node, fields, live);
      return;
    }
    if (fields.containsKey("reddit")) {
      reddit(node, fields, live);
      return;
    }
    if (fields.containsKey("hackernews")) {
      hackerNews(node, fields, live);
      return;
    }
    if (fields.containsKey("bluesky")) {
      bluesky(node, fields, live);
      return;
    }
    if (fields.containsKey("jetstream")) {
      jetstream(node, fields, live);
      return;
    }
    if (fields.containsKey("forum")) {
      forum(node, fields, live);
      return;
    }
    if (fields.containsKey("youtube")) {
      youtube(node, fields, live);
      return;
    }
    for (String key : List.of("timeline", "tag", "list", "search", "token-env", "stream")) {
      if (fields.containsKey(key)) {
        problem(
            fields.get(key), "'" + key + "' is a setting of a Mastodon source ('mastodon: URL')");
      }
    }
    if (fields.containsKey("import") == fields.containsKey("feed")) {
      problem(node, "a source needs exactly one of 'feed' (a URL to poll) or 'import' (a file)");
      return;
    }
    if (fields.containsKey("import")) {
      String relative = scalar(fields.get("import"), "a file path");
      if (relative != null) {
        Path path = file.toAbsolutePath().getParent().resolve(relative).normalize();
        if (!Files.isRegularFile(path)) {
          problem(fields.get("import"), "import file '" + relative + "' does not exist");
        } else {
          imports.add(path);
        }
      }
      return;
    }
    String url = scalar(fields.get("feed"), "a feed URL");
    if (url != null && !url.matches("https?://\\S+")) {
      problem(fields.get("feed"), "feed '" + url + "' is not an http(s) URL");
      url = null;
    }
    String name = optionalScalar(fields, "name");
    long every = every(fields, 15 * 60);
    if (url != null) {
      String shown = name == null ? url : name;
      feeds.add(
          new Workspace.FeedSource(
              shown,
              url,
              every,
              period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
    }
  }

  /**
   * A Mastodon source: {@code mastodon: https://instance} and one of {@code tag}, {@code list},
   * {@code search} or {@code timeline: public|local}; {@code token-env} names the environment
   * variable holding an access token, {@code stream: true} adds the streaming API.
   */
  private void mastodon(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    String url = scalar(fields.get("mastodon"), "a Mastodon instance URL");
    if (url != null && !url.matches("https?://[^/\\s]+/?")) {
      problem(
          fields.get("mastodon"),
          "Mastodon instance '"
              + url
              + "' is not an instance address such as https://mastodon.social");
      url = null;
    }
    if (fields.containsKey("feed") || fields.containsKey("import")) {
      problem(node, "a source is either a feed, an import or a Mastodon source, not several");
      return;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> chosen = new ArrayList<>();
    for (String key : List.of("tag", "list", "search", "timeline")) {
      if (fields.containsKey(key)) {
        String value = scalar(fields.get(key), "a " + key);
        if (value != null) {
          settings.put(key, value.strip());
          chosen.add(key);
        }
      }
    }
    if (chosen.size() != 1) {
      problem(
          node,
          "a Mastodon source needs exactly one of 'tag', 'list', 'search' or 'timeline' (public"
              + " or local) but has "
              + (chosen.isEmpty() ? "none" : String.join(", ", chosen)));
      return;
    }
    String timeline = settings.get("timeline");
    if (timeline != null && !timeline.equals("public") && !timeline.equals("local")) {
      problem(
          fields.get("timeline"),
          "Mastodon timeline '"
              + timeline
              + "' is not one of public, local (use tag, list or search"
              + " for the others)");
      return;
    }
    String tokenEnv = optionalScalar(fields, "token-env");
    if (tokenEnv != null) {
      settings.put("token-env", tokenEnv);
    }
    String stream = optionalScalar(fields, "stream");
    if (stream != null) {
      if (!stream.equals("true") && !stream.equals("false")) {
        problem(fields.get("stream"), "stream must be true or false but was '" + stream + "'");
        return;
      }
      settings.put("stream", stream);
    }
    long every = every(fields, 5 * 60);
    String name = optionalScalar(fields, "name");
    if (url != null) {
      String what = chosen.get(0);
      String shown = name == null ? url + " " + what + " " + settings.get(what) : name;
      live.add(
          new Workspace.LiveSource(
              shown,
              "mastodon",
              url,
              settings,
              every,
              period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
    }
  }

  /**
   * A Reddit source: {@code reddit: SUBREDDIT} (or {@code all}), optionally a {@code search} in it,
   * and the environment variables holding the app's client id and secret.
   */
  private void reddit(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    if (fields.containsKey("feed") || fields.containsKey("import")) {
      problem(node, "a source is either a feed, an import or a Reddit source, not several");
      return;
    }
    for (String key : List.of("tag", "list", "timeline", "token-env", "stream")) {
      if (fields.containsKey(key)) {
        problem(fields.get(key), "'" + key + "' is a setting of a Mastodon source, not of Reddit");
        return;
      }
    }
    String subreddit = scalar(fields.get("reddit"), "a subreddit name");
    if (subreddit != null) {
      subreddit = subreddit.strip().replaceFirst("^/?r/", "");
      if (!subreddit.matches("[A-Za-z0-9_+]{2,64}")) {
        problem(
            fields.get("reddit"),
            "subreddit '" + subreddit + "' is not a subreddit name such as 'de' or 'all'");
        return;
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : List.of("client-id-env", "client-secret-env")) {
      String value = optionalScalar(fields, key);
      if (value == null) {
        problem(
            node,
            "a Reddit source needs '"
                + key
                + "': the environment variable holding the"
                + " app's "
                + (key.startsWith("client-id") ? "client id" : "secret"));
        return;
      }
      settings.put(key, value);
    }
    String search = optionalScalar(fields, "search");
    if (search != null) {
      settings.put("search", search);
    }
    long every = every(fields, 5 * 60);
    String name = optionalScalar(fields, "name");
    if (subreddit != null) {
      settings.put("subreddit", subreddit);
      String shown =
          name == null ? "r/" + subreddit + (search == null ? "" : " search " + search) : name;
      live.add(
          new Workspace.LiveSource(
              shown,
              "reddit",
              "https://oauth.reddit.com",
              settings,
              every,
              period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
    }
  }

  /**
   * A Hacker News source: {@code hackernews: search} with a {@code search} (Algolia's search of
   * stories and comments), or {@code hackernews: new} (the newest stories and their comments).
   */
  private void hackerNews(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    if (!onlyKeys(node, fields, "a Hacker News source", "hackernews", "search")) {
      return;
    }
    String mode = scalar(fields.get("hackernews"), "new or search");
    String search = optionalScalar(fields, "search");
    if (mode == null) {
      return;
    }
    mode = mode.strip().toLowerCase(Locale.ROOT);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("mode", mode);
    if (mode.equals("search")) {
      if (search == null || search.isBlank()) {
        problem(node, "a Hacker News search source needs 'search': the query");
        return;
      }
      settings.put("search", search.strip());
    } else if (mode.equals("new")) {
      if (search != null) {
        problem(
            fields.get("search"),
            "a Hacker News 'new' source reads every new story; use 'hackernews: search' to search");
        return;
      }
    } else {
      problem(
          fields.get("hackernews"), "Hacker News source '" + mode + "' is not one of new, search");
      return;
    }
    String name = optionalScalar(fields, "name");
    String shown =
        name == null
            ? "Hacker News " + (search == null ? "new stories" : "search " + search.strip())
            : name;
    live.add(
        new Workspace.LiveSource(
            shown,
            "hackernews",
            mode.equals("new") ? "https://hacker-news.firebaseio.com" : "https://hn.algolia.com",
            settings,
            every(fields, 5 * 60),
            period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
  }

  /**
   * A Bluesky source: {@code bluesky: search} with a {@code search} (the AppView's post search), or
   * {@code bluesky: "@handle"} (an account's posts); {@code appview} names another AppView.
   */
  private void bluesky(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    if (!onlyKeys(node, fields, "a Bluesky source", "bluesky", "search", "appview")) {
      return;
    }
    String what = scalar(fields.get("bluesky"), "search or an @handle");
    if (what == null) {
      return;
    }
    what = what.strip();
    String search = optionalScalar(fields, "search");
    Map<String, String> settings = new LinkedHashMap<>();
    if (what.equals("search")) {
      if (search == null || search.isBlank()) {
        problem(node, "a Bluesky search source needs 'search': the query");
        return;
      }
      settings.put("search", search.strip());
    } else if (what.matches("@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|@did:[a-z]+:[A-Za-z0-9._:%-]+")) {
      if (search != null) {
        problem(fields.get("search"), "a Bluesky account source reads all the account's posts");
        return;
      }
      settings.put("author", what.substring(1).toLowerCase(Locale.ROOT));
    } else {
      problem(
          fields.get("bluesky"),
          "Bluesky source '"
              + what
              + "' is neither 'search' nor an account such as '@acme.bsky.social'");
      return;
    }
    String appview = optionalScalar(fields, "appview");
    if (appview != null && !appview.matches("https?://[^/\\s]+/?")) {
      problem(
          fields.get("appview"),
          "appview '" + appview + "' is not an address such as https://public.api.bsky.app");
      return;
    }
    String name = optionalScalar(fields, "name");
    String shown =
        name == null ? "Bluesky " + (search == null ? what : "search " + search.strip()) : name;
    live.add(
        new Workspace.LiveSource(
            shown,
            "bluesky",
            appview == null ? "https://public.api.bsky.app" : appview,
            settings,
            every(fields, 5 * 60),
            period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
  }

  /**
   * YouTube comments: {@code youtube: {video: ID}} (an id or a watch address) or {@code youtube:
   * {channel: UC…}}, with the Data API key in the variable {@code key-env} names, or in {@code
   * key}; {@code api} names another address of the API (a mirror, a test).
   */
  private void youtube(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    if (!onlyKeys(node, fields, "a YouTube source", "youtube", "key", "key-env", "api")) {
      return;
    }
    Map<String, Node> target =
        mapping(fields.get("youtube"), "a YouTube source's target", Set.of("video", "channel"));
    if (target == null) {
      return;
    }
    if (target.size() != 1) {
      problem(
          fields.get("youtube"),
          inProject("a YouTube source needs exactly one of 'video' or 'channel'"));
      return;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    String what = target.containsKey("video") ? "video" : "channel";
    String value = scalar(target.get(what), "a " + what + " id");
    if (value == null) {
      return;
    }
    value = value.strip();
    if (what.equals("video")) {
      Matcher address = YOUTUBE_VIDEO_ADDRESS.matcher(value);
      if (address.find()) {
        value = address.group(1);
      }
      if (!value.matches("[A-Za-z0-9_-]{11}")) {
        problem(
            target.get(what),
            inProject(
                "YouTube video '"
                    + value
                    + "' is neither a video id such as dQw4w9WgXcQ nor a watch address"));
        return;
      }
    } else if (!value.matches("UC[A-Za-z0-9_-]{22}")) {
      problem(
          target.get(what),
          inProject(
              "YouTube channel '"
                  + value
                  + "' is not a channel id such as UCuAXFkgsw1L7xaCfnd5JJOw (an @handle is"
                  + " not one)"));
      return;
    }
    settings.put(what, value);
    String keyEnv = optionalScalar(fields, "key-env");
    String key = optionalScalar(fields, "key");
    if ((keyEnv == null) == (key == null)) {
      problem(
          node,
          inProject(
              "a YouTube source needs exactly one of 'key-env' (the environment variable holding"
                  + " the Data API key) or 'key'"));
      return;
    }
    if (keyEnv != null) {
      settings.put("key-env", keyEnv.strip());
    } else {
      settings.put("key", Objects.requireNonNull(key).strip());
    }
    String api = optionalScalar(fields, "api");
    if (api != null && !api.strip().matches("https?://[^/\\s]+/?")) {
      problem(
          fields.get("api"),
          inProject("api '" + api + "' is not an address such as https://www.googleapis.com"));
      return;
    }
    String name = optionalScalar(fields, "name");
    String shown = name == null ? "YouTube " + what + " " + value : name;
    live.add(
        new Workspace.LiveSource(
            shown,
            "youtube",
            api == null ? "https://www.googleapis.com" : api.strip(),
            settings,
            every(fields, 15 * 60),
            period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
  }

  /**
   * A forum thread or board by its address: {@code forum: https://…}; the engine (Discourse, phpBB,
   * XenForo, vBulletin, WordPress comments) is recognised from the page when it is first fetched.
   */
  private void forum(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    if (!onlyKeys(node, fields, "a forum source", "forum")) {
      return;
    }
    String url = scalar(fields.get("forum"), "a thread's or board's address");
    if (url == null) {
      return;
    }
    url = url.strip();
    java.net.URI address = null;
    try {
      address = java.net.URI.create(url);
    } catch (IllegalArgumentException notAUri) {
      // told below
    }
    if (address == null
        || address.getHost() == null
        || !("http".equals(address.getScheme()) || "https".equals(address.getScheme()))) {
      problem(
          fields.get("forum"),
          inProject(
              "forum '"
                  + url
                  + "' is not the http(s) address of a thread or board such as"
                  + " https://forum.example/viewtopic.php?t=7"));
      return;
    }
    String name = optionalScalar(fields, "name");
    String shown = name == null ? "forum " + url : name;
    live.add(
        new Workspace.LiveSource(
            shown,
            "forum",
            url,
            Map.of(),
            every(fields, 15 * 60),
            period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
  }

  /**
   * The Bluesky firehose: {@code jetstream: wss://…}, filtered by the project's queries' terms or
   * by those of {@code search}.
   */
  private void jetstream(Node node, Map<String, Node> fields, List<Workspace.LiveSource> live) {
    if (!onlyKeys(node, fields, "a Jetstream source", "jetstream", "search")) {
      return;
    }
    String url = scalar(fields.get("jetstream"), "a Jetstream address");
    if (url == null) {
      return;
    }
    url = url.strip();
    if (!url.matches("wss?://[^/\\s]+/?")) {
      problem(
          fields.get("jetstream"),
          "Jetstream '"
              + url
              + "' is not an address such as wss://jetstream2.us-east.bsky.network");
      return;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    String search = optionalScalar(fields, "search");
    if (search != null) {
      settings.put("search", search.strip());
    }
    String name = optionalScalar(fields, "name");
    String shown = name == null ? "Jetstream " + url : name;
    live.add(
        new Workspace.LiveSource(
            shown,
            "jetstream",
            url,
            settings,
            every(fields, 60),
            period(fields.get("retention"), inProject("source '" + shown + "'"), "retention")));
  }

  /** Whether the source has only its own keys (and name and every); each other one is a problem. */
  private boolean onlyKeys(Node node, Map<String, Node> fields, String what, String... own) {
    Set<String> allowed = new java.util.HashSet<>(List.of(own));
    allowed.add("name");
    allowed.add("every");
    allowed.add("retention");
    boolean fine = true;
    for (Map.Entry<String, Node> field : fields.entrySet()) {
      if (!allowed.contains(field.getKey())) {
        problem(field.getValue(), "'" + field.getKey() + "' is not a setting of " + what);
        fine = false;
      }
    }
    return fine;
  }

  /** The {@code every} of a source, at least a minute, or the default. */
  private long every(Map<String, Node> fields, long defaultSeconds) {
    long every = defaultSeconds;
    if (fields.containsKey("every")) {
      String text = scalar(fields.get("every"), "a duration such as 15m");
      Matcher m = text == null ? null : DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (m == null || !m.matches()) {
        if (text != null) {
          problem(fields.get("every"), "'" + text + "' is not a duration such as 90s, 15m, 2h, 1d");
        }
      } else {
        Duration d =
            switch (m.group(2)) {
              case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
              case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
              case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
              default -> Duration.ofDays(Long.parseLong(m.group(1)));
            };
        if (d.getSeconds() < MIN_POLL_SECONDS) {
          problem(fields.get("every"), "polling more often than every 60s is impolite to the host");
        } else {
          every = d.getSeconds();
        }
      }
    }
    return every;
  }

  private SavedQuery query(Node node, String project, SavedQuery.Role role) {
    Map<String, Node> fields =
        mapping(node, "a query", Set.of("name", "query", "must-match", "must-not-match"));
    if (fields == null) {
      return null;
    }
    String name = required(fields, "name", node, "query");
    String text = required(fields, "query", node, "query");
    if (text != null) {
      try {
        QueryParser.parse(text);
      } catch (QuerySyntaxException e) {
        problem(fields.get("query"), "query '" + name + "' " + e.getMessage());
        text = null;
      }
    }
    List<String> mustMatch = examples(fields.get("must-match"), "must-match");
    List<String> mustNotMatch = examples(fields.get("must-not-match"), "must-not-match");
    if (name == null || text == null || project == null) {
      return null;
    }
    try {
      return new SavedQuery(project, name, text, role, mustMatch, mustNotMatch);
    } catch (IllegalArgumentException e) {
      problem(node, e.getMessage());
      return null;
    }
  }

  private List<String> examples(Node node, String what) {
    return texts(node, what, "an example text");
  }

  /** A list of texts, each {@code expected}; empty when the key is absent. */
  private List<String> texts(Node node, String what, String expected) {
    List<String> texts = new ArrayList<>();
    if (node != null) {
      for (Node item : sequence(node, what)) {
        String text = scalar(item, expected);
        if (text != null) {
          texts.add(text);
        }
      }
    }
    return texts;
  }

  String required(Map<String, Node> fields, String key, Node owner, String what) {
    if (!fields.containsKey(key)) {
      problem(owner, "a " + what + " needs '" + key + "'");
      return null;
    }
    return scalar(fields.get(key), "'" + key + "'");
  }

  String optionalScalar(Map<String, Node> fields, String key) {
    return fields.containsKey(key) ? scalar(fields.get(key), "'" + key + "'") : null;
  }

  Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode mappingNode)) {
      problem(node, what + " must be a mapping of keys to values");
      return null;
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mappingNode.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
      if (key == null || !allowed.contains(key)) {
        problem(
            tuple.getKeyNode(),
            "unknown key '" + key + "' in " + what + ", expected one of " + sorted(allowed));
      } else {
        fields.put(key, tuple.getValueNode());
      }
    }
    return fields;
  }

  List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode sequenceNode)) {
      problem(node, "'" + what + "' must be a list");
      return List.of();
    }
    return sequenceNode.getValue();
  }

  String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode scalarNode) || scalarNode.getValue().isBlank()) {
      problem(node, "expected " + what + " here");
      return null;
    }
    return scalarNode.getValue();
  }

  int problemCount() {
    return problems.size();
  }

  void problem(Node node, String message) {
    int line = node == null ? 0 : node.getStartMark().getLine() + 1;
    problems.add(file + ":" + line + ": " + message);
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }
}
