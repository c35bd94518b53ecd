package org.cluetrain.connectors.forum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a site's {@code robots.txt} allows a crawler (RFC 9309): the rules of the group naming the
 * crawler's product token, else those of {@code *}; the longest matching rule wins, an allow over a
 * disallow of the same length; {@code *} matches any characters and a final {@code $} the end.
 */
final class RobotsRules {
  /** Every path allowed: no {@code robots.txt}, or an empty one. */
  static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

  private final List<Rule> rules;

  private RobotsRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules of {@code robots.txt} for the crawler whose product token is {@code agent}. */
  static RobotsRules parse(String text, String agent) {
    String token = agent.toLowerCase(Locale.ROOT);
    List<Rule> named = new ArrayList<>();
    List<Rule> anyone = new ArrayList<>();
    boolean namedFound = false;
    List<String> agents = new ArrayList<>();
    boolean inRules = false;
    for (String raw : text.split("\r?\n|\r")) {
      int hash = raw.indexOf('#');
      String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (inRules) {
          agents.clear();
          inRules = false;
        }
        agents.add(value.toLowerCase(Locale.ROOT));
      } else if (key.equals("allow") || key.equals("disallow")) {
        inRules = true;
        if (value.isEmpty()) {
          continue;
        }
        Rule rule = new Rule(key.equals("allow"), value);
        if (agents.contains(token)) {
          named.add(rule);
          namedFound = true;
        }
        if (agents.contains("*")) {
          anyone.add(rule);
        }
      }
    }
    return new RobotsRules(namedFound ? named : anyone);
  }

  /** Whether the path (with its query) may be fetched. */
  boolean allows(String pathAndQuery) {
    Rule best = null;
    for (Rule rule : rules) {
      if (rule.matches(pathAndQuery)
          && (best == null
              || rule.path.length() > best.path.length()
              || (rule.path.length() == best.path.length() && rule.allow))) {
        best = rule;
      }
    }
    return best == null || best.allow;
  }

  private static final class Rule {
    final boolean allow;
    final String path;
    final Pattern pattern;

    Rule(boolean allow, String path) {
      this.allow = allow;
      this.path = path;
      boolean anchored = path.endsWith("$");
      String body = anchored ? path.substring(0, path.length() - 1) : path;
      StringBuilder regex = new StringBuilder();
      for (String part : body.split("\\*", -1)) {
        if (regex.length() > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(part));
      }
      this.pattern = Pattern.compile(regex + (anchored ? "" : ".*"), Pattern.DOTALL);
    }

    boolean matches(String pathAndQuery) {
      return pattern.matcher(pathAndQuery).matches();
    }
  }
}
