package org.cluetrain.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A report a project defines in the workspace file: what it shows, over which period, in which
 * language, and when it is sent to whom.
 *
 * @param name unique within the project; part of the report's address
 * @param sections what it shows, in the order of {@link ReportSection}
 * @param period the kind of period it covers, compared with the one before
 * @param language {@code de} or {@code en}
 * @param schedule when it is sent, or {@code null} when it is only rendered on demand
 * @param recipients the e-mail addresses it is sent to
 */
public record ReportDefinition(
    String name,
    Set<ReportSection> sections,
    PeriodKind period,
    String language,
    @Nullable ReportSchedule schedule,
    List<String> recipients) {
  /** The languages a report is written in. */
  public static final List<String> LANGUAGES = List.of("de", "en");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  public ReportDefinition {
    Objects.requireNonNull(period, "period");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "report name '"
              + name
              + "' must be lower case letters, digits, '-' or '_' (at most 40), starting with a"
              + " letter or digit");
    }
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("report '" + name + "' needs at least one section");
    }
    sections = Set.copyOf(EnumSet.copyOf(sections));
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException(
          "report language '" + language + "' is not one of " + String.join(", ", LANGUAGES));
    }
    recipients = List.copyOf(recipients);
    if (schedule != null && recipients.isEmpty()) {
      throw new IllegalArgumentException(
          "report '" + name + "' has a schedule but no recipients to send it to");
    }
    if (schedule != null && period == PeriodKind.CUSTOM) {
      throw new IllegalArgumentException(
          "report '" + name + "' is scheduled, so its period must be week, month, quarter or year");
    }
  }

  /** A report of every section, in English, sent to nobody. */
  public static ReportDefinition everything(String name, PeriodKind period) {
    return new ReportDefinition(
        name, EnumSet.allOf(ReportSection.class), period, "en", null, List.of());
  }

  public boolean has(ReportSection section) {
    return sections.contains(section);
  }

  /** The sections in the order a report shows them. */
  public List<ReportSection> ordered() {
    return EnumSet.copyOf(sections).stream().toList();
  }
}
