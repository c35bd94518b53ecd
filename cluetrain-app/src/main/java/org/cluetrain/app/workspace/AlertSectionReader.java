package org.cluetrain.app.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.detect.Sensitivity;
import org.cluetrain.query.SavedQuery;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a project's {@code alerts} section (rules and destinations) and the workspace's {@code
 * smtp} server, reporting problems through the workspace reader so that they come with file and
 * line like every other problem of the file.
 */
final class AlertSectionReader {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,79}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "name",
          "detector",
          "query",
          "sentiment",
          "sensitivity",
          "min-volume",
          "min-ratio",
          "window",
          "baseline",
          "min-history",
          "cooldown",
          "recipients",
          "news-sites");
  private static final Set<String> DESTINATION_KEYS =
      Set.of("name", "webhook", "slack", "mattermost", "chat", "email");

  private final WorkspaceReader reader;
  private boolean smtpConfigured;

  AlertSectionReader(WorkspaceReader reader) {
    this.reader = reader;
  }

  void smtpConfigured(boolean configured) {
    this.smtpConfigured = configured;
  }

  Workspace.Smtp smtp(Node node) {
    Map<String, Node> fields =
        reader.mapping(
            node,
            "the smtp section",
            Set.of("host", "port", "from", "username", "password-env", "starttls"));
    if (fields == null) {
      return null;
    }
    String host = reader.required(fields, "host", node, "smtp section");
    String from = reader.required(fields, "from", node, "smtp section");
    if (from != null && !EMAIL.matcher(from).matches()) {
      reader.problem(fields.get("from"), "'" + from + "' is not an e-mail address");
    }
    int port = 25;
    String portText = reader.optionalScalar(fields, "port");
    if (portText != null) {
      try {
        port = Integer.parseInt(portText.strip());
        if (port < 1 || port > 65_535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        reader.problem(fields.get("port"), "port '" + portText + "' is not a number 1..65535");
      }
    }
    String passwordEnv = reader.optionalScalar(fields, "password-env");
    if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      reader.problem(
          fields.get("password-env"),
          "password-env names an environment variable (such as SMTP_PASSWORD), not '"
              + passwordEnv
              + "'");
    }
    boolean startTls = bool(fields, "starttls", false);
    return host == null || from == null
        ? null
        : new Workspace.Smtp(
            host, port, from, reader.optionalScalar(fields, "username"), passwordEnv, startTls);
  }

  Workspace.Alerts alerts(
      Node node, String project, List<SavedQuery> queries, List<Workspace.FeedSource> feeds) {
    Map<String, Node> fields =
        reader.mapping(node, "the alerts section", Set.of("rules", "destinations"));
    if (fields == null) {
      return null;
    }
    List<Workspace.Destination> destinations = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (fields.containsKey("destinations")) {
      for (Node item : reader.sequence(fields.get("destinations"), "destinations")) {
        Workspace.Destination destination = destination(item);
        if (destination != null && !names.add(destination.name())) {
          reader.problem(item, "destination '" + destination.name() + "' is declared twice");
        } else if (destination != null) {
          destinations.add(destination);
        }
      }
    }
    if (!fields.containsKey("rules")) {
      return Workspace.Alerts.defaults(project, feeds, destinations);
    }
    Workspace.Project owner =
        new Workspace.Project(
            project,
            null,
            feeds,
            List.of(),
            queries,
            new Workspace.Alerts(List.of(), destinations),
            null);
    return new Workspace.Alerts(rules(fields.get("rules"), owner, destinations), destinations);
  }

  /** The rules of a {@code rules} list (or of a mapping holding one), checked against a project. */
  List<AlertRule> rules(
      Node node, Workspace.Project project, List<Workspace.Destination> destinations) {
    Node list = node;
    if (node instanceof MappingNode) {
      Map<String, Node> wrapper = reader.mapping(node, "the rules", Set.of("rules"));
      list = wrapper == null ? null : wrapper.get("rules");
      if (list == null) {
        reader.problem(node, "expected a list of rules, or a mapping with 'rules'");
        return List.of();
      }
    }
    Set<String> destinationNames = new LinkedHashSet<>();
    destinations.forEach(d -> destinationNames.add(d.name()));
    Set<String> newsSites =
        Workspace.Alerts.defaults(project.name(), project.feeds(), List.of())
            .rules()
            .get(0)
            .newsSites();
    List<AlertRule> rules = new ArrayList<>();
    Set<String> ruleNames = new HashSet<>();
    for (Node item : reader.sequence(list, "rules")) {
      AlertRule rule = rule(item, project, destinationNames, newsSites);
      if (rule != null && !ruleNames.add(rule.name())) {
        reader.problem(item, "rule '" + rule.name() + "' is declared twice in the project");
      } else if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private AlertRule rule(
      Node node, Workspace.Project project, Set<String> destinations, Set<String> defaultNews) {
    Map<String, Node> fields = reader.mapping(node, "a rule", RULE_KEYS);
    if (fields == null) {
      return null;
    }
    int before = problemCount();
    String name = reader.required(fields, "name", node, "rule");
    if (name != null && !NAME.matcher(name).matches()) {
      reader.problem(
          fields.get("name"),
          "rule name '"
              + name
              + "' must be lower case letters, digits, '-', '_' or '.' (at most 80)");
    }
    DetectorKind detector = null;
    String detectorText = reader.required(fields, "detector", node, "rule");
    if (detectorText != null) {
      try {
        detector = DetectorKind.fromLabel(detectorText);
      } catch (IllegalArgumentException e) {
        reader.problem(fields.get("detector"), e.getMessage());
      }
    }
    String query = reader.optionalScalar(fields, "query");
    if (query != null
        && project.queries().stream().noneMatch(q -> q.name().equals(query.strip()))) {
      reader.problem(
          fields.get("query"),
          "rule '"
              + name
              + "' watches query '"
              + query
              + "', which project "
              + project.name()
              + " does not have; it has "
              + project.queries().stream().map(SavedQuery::name).toList());
    }
    String sentiment = reader.optionalScalar(fields, "sentiment");
    if (sentiment != null
        && !AlertRule.SENTIMENTS.contains(sentiment.strip().toLowerCase(Locale.ROOT))) {
      reader.problem(
          fields.get("sentiment"),
          "sentiment '" + sentiment + "' is not one of " + AlertRule.SENTIMENTS);
    }
    Sensitivity sensitivity = null;
    String sensitivityText = reader.optionalScalar(fields, "sensitivity");
    if (sensitivityText != null) {
      try {
        sensitivity = Sensitivity.fromLabel(sensitivityText);
      } catch (IllegalArgumentException e) {
        reader.problem(fields.get("sensitivity"), e.getMessage());
      }
    }
    int minVolume = (int) number(fields, "min-volume", AlertRule.DEFAULT_MIN_VOLUME, true);
    double minRatio = number(fields, "min-ratio", AlertRule.DEFAULT_MIN_RATIO, false);
    Duration window = duration(fields, "window");
    Duration baseline = duration(fields, "baseline");
    Duration minHistory = duration(fields, "min-history");
    Duration cooldown = duration(fields, "cooldown");
    List<String> recipients = new ArrayList<>(destinations);
    if (fields.containsKey("recipients")) {
      recipients.clear();
      for (Node item : reader.sequence(fields.get("recipients"), "recipients")) {
        String recipient = reader.scalar(item, "a destination name");
        if (recipient != null && !destinations.contains(recipient)) {
          reader.problem(
              item,
              "recipient '"
                  + recipient
                  + "' is not a destination of the project; destinations: "
                  + (destinations.isEmpty() ? "none" : String.join(", ", destinations)));
        } else if (recipient != null) {
          recipients.add(recipient);
        }
      }
    }
    Set<String> newsSites = new LinkedHashSet<>(defaultNews);
    if (fields.containsKey("news-sites")) {
      for (Node item : reader.sequence(fields.get("news-sites"), "news-sites")) {
        String site = reader.scalar(item, "a host name such as reuters.com");
        if (site != null && !site.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
          reader.problem(item, "news site '" + site + "' is not a host name such as reuters.com");
        } else if (site != null) {
          newsSites.add(site);
        }
      }
    }
    if (problemCount() > before || name == null || detector == null) {
      return null;
    }
    try {
      return new AlertRule(
          name,
          project.name(),
          detector,
          query,
          sentiment,
          sensitivity,
          minVolume,
          minRatio,
          window,
          baseline,
          minHistory,
          cooldown,
          recipients,
          newsSites);
    } catch (IllegalArgumentException e) {
      reader.problem(node, e.getMessage());
      return null;
    }
  }

  private Workspace.Destination destination(Node node) {
    Map<String, Node> fields = reader.mapping(node, "a destination", DESTINATION_KEYS);
    if (fields == null) {
      return null;
    }
    String name = reader.required(fields, "name", node, "destination");
    List<String> kinds = fields.keySet().stream().filter(k -> !k.equals("name")).sorted().toList();
    if (kinds.size() != 1) {
      reader.problem(
          node,
          "a destination needs exactly one of webhook (JSON), slack, mattermost or chat (a"
              + " {\"text\": …} webhook) or email, found "
              + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
      return null;
    }
    String kind = kinds.get(0);
    Node value = fields.get(kind);
    if (kind.equals("email")) {
      List<String> addresses = new ArrayList<>();
      List<Node> items =
          value instanceof SequenceNode ? reader.sequence(value, "email") : List.of(value);
      for (Node item : items) {
        String address = reader.scalar(item, "an e-mail address");
        if (address != null && !EMAIL.matcher(address).matches()) {
          reader.problem(item, "'" + address + "' is not an e-mail address");
        } else if (address != null) {
          addresses.add(address);
        }
      }
      if (!smtpConfigured) {
        reader.problem(
            value,
            "destination '"
                + name
                + "' sends e-mail, but the workspace has no 'smtp' section naming a mail server");
      }
      return name == null
          ? null
          : new Workspace.Destination(name, Workspace.DestinationKind.EMAIL, null, addresses);
    }
    String url = value instanceof ScalarNode ? reader.scalar(value, "a URL") : null;
    if (url == null || !url.matches("https?://\\S+")) {
      reader.problem(value, "destination '" + name + "': '" + url + "' is not an http(s) URL");
      return null;
    }
    Workspace.DestinationKind destinationKind =
        kind.equals("webhook") ? Workspace.DestinationKind.WEBHOOK : Workspace.DestinationKind.CHAT;
    return name == null ? null : new Workspace.Destination(name, destinationKind, url, List.of());
  }

  private Duration duration(Map<String, Node> fields, String key) {
    String text = reader.optionalScalar(fields, key);
    if (text == null) {
      return null;
    }
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      reader.problem(
          fields.get(key), key + " '" + text + "' is not a duration such as 90s, 15m, 6h, 28d");
      return null;
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private double number(Map<String, Node> fields, String key, double fallback, boolean whole) {
    String text = reader.optionalScalar(fields, key);
    if (text == null) {
      return fallback;
    }
    try {
      double value = whole ? Integer.parseInt(text.strip()) : Double.parseDouble(text.strip());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      reader.problem(
          fields.get(key),
          key + " '" + text + "' is not " + (whole ? "a whole number" : "a number"));
      return fallback;
    }
  }

  private boolean bool(Map<String, Node> fields, String key, boolean fallback) {
    String text = reader.optionalScalar(fields, key);
    if (text == null) {
      return fallback;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        reader.problem(fields.get(key), key + " '" + text + "' is not true or false");
        yield fallback;
      }
    };
  }

  private int problemCount() {
    return reader.problemCount();
  }
}
