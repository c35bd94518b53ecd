package org.cluetrain.lucene;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a post's host and a query's {@code site:} value become keyword values: one definition for
 * every engine that evaluates {@code site:}, so that they agree.
 */
public final class Sites {
  private Sites() {}

  /**
   * The host and every parent domain ({@code forum.heise.de}, {@code heise.de}, {@code de}), so
   * that {@code site:heise.de} also finds its subdomains.
   */
  public static List<String> siteAndParents(String host) {
    if (host == null || host.isBlank()) {
      return List.of();
    }
    String site = siteValue(host);
    Set<String> sites = new LinkedHashSet<>();
    sites.add(site);
    boolean address =
        site.chars().allMatch(c -> Character.isDigit(c) || c == '.') || site.contains(":");
    if (!address) {
      for (int dot = site.indexOf('.'); dot >= 0; dot = site.indexOf('.', dot + 1)) {
        if (dot + 1 < site.length()) {
          sites.add(site.substring(dot + 1));
        }
      }
    }
    return new ArrayList<>(sites);
  }

  /** A host as written in a query or a URL: {@code https://Heise.de/x} → {@code heise.de}. */
  public static String siteValue(String value) {
    String site = value.strip().toLowerCase(Locale.ROOT);
    int scheme = site.indexOf("://");
    if (scheme >= 0) {
      site = site.substring(scheme + 3);
    }
    int path = site.indexOf('/');
    if (path >= 0) {
      site = site.substring(0, path);
    }
    while (site.endsWith(".")) {
      site = site.substring(0, site.length() - 1);
    }
    return site;
  }
}
