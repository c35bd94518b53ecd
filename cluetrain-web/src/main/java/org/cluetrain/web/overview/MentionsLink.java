package org.cluetrain.web.overview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;

/** Links to the mentions behind a figure. */
public final class MentionsLink {
  /** The {@code query} filter value that means every one of the project's own queries. */
  public static final String BRAND = OverviewReport.BRAND;

  private MentionsLink() {}

  public static String to(String project, Period period, Map<String, String> filters) {
    StringBuilder link = new StringBuilder("/p/").append(project).append("/mentions?");
    link.append(period.query());
    filters.forEach(
        (name, value) ->
            link.append('&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return link.toString();
  }
}
