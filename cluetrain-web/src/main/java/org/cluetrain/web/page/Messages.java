package org.cluetrain.web.page;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface's words in one language, with numbers and times formatted the way that language
 * writes them. The words live in one pair of files per part of the interface ({@code
 * i18n/inbox_de.properties}, {@code i18n/inbox_en.properties}, …), so each part keeps its own.
 */
public final class Messages {
  /** The languages the interface speaks; the first is the fallback. */
  public static final List<String> LANGUAGES = List.of("en", "de");

  /** The parts of the interface with their own words, below {@code org/cluetrain/web/i18n/}. */
  public static final List<String> BUNDLES =
      List.of(
          "common",
          "overview",
          "mentions",
          "threads",
          "sources",
          "queries",
          "inbox",
          "admin",
          "alerts",
          "imports",
          "goals",
          "reports");

  private final Locale locale;
  private final List<ResourceBundle> bundles;
  private final ZoneId zone;

  private Messages(String language, ZoneId zone) {
    this.locale = Locale.forLanguageTag(language);
    this.bundles = BUNDLES.stream().flatMap(name -> bundle(name, locale).stream()).toList();
    this.zone = zone;
  }

  /** The language these messages speak. */
  public Locale locale() {
    return locale;
  }

  /** The messages of a supported language; anything else gets English. */
  public static Messages of(String language) {
    return new Messages(supported(language), ZoneId.systemDefault());
  }

  /** The language itself if the interface speaks it, else English. */
  public static String supported(String language) {
    return language != null && LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
  }

  /**
   * Picks the first supported language of an {@code Accept-Language} header, e.g. {@code
   * de-DE,de;q=0.9,en;q=0.8} gives {@code de}.
   */
  public static String fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return LANGUAGES.get(0);
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String language = range.getRange().split("-")[0];
        if (LANGUAGES.contains(language)) {
          return language;
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed header is the browser's problem; fall back
    }
    return LANGUAGES.get(0);
  }

  public String language() {
    return locale.getLanguage();
  }

  private static java.util.Optional<ResourceBundle> bundle(String name, Locale locale) {
    try {
      return java.util.Optional.of(
          ResourceBundle.getBundle(
              "org.cluetrain.web.i18n." + name,
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES)));
    } catch (MissingResourceException e) {
      return java.util.Optional.empty(); // a part without words of its own yet
    }
  }

  /** The text for a key; a missing key shows as itself, and a test keeps the files complete. */
  public String get(String key) {
    for (ResourceBundle bundle : bundles) {
      if (bundle.containsKey(key)) {
        return bundle.getString(key);
      }
    }
    return key;
  }

  /** The text for a key with {@code {0}}, {@code {1}}… filled in. */
  public String get(String key, Object... arguments) {
    return new MessageFormat(get(key), locale).format(arguments);
  }

  public String number(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  public String percent(double share) {
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMaximumFractionDigits(share < 0.1 ? 1 : 0);
    return format.format(share);
  }

  /** A share with its sign, e.g. {@code +12 %} or {@code −40 %}; {@code 0 %} without one. */
  public String signedPercent(double share) {
    String unsigned = percent(Math.abs(share));
    return share > 0 ? "+" + unsigned : share < 0 ? "−" + unsigned : unsigned;
  }

  /** A moment as date and time in the server's zone, e.g. {@code 23.11.26, 09:41}. */
  public String dateTime(Instant instant) {
    if (instant == null) {
      return "–";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
        .withLocale(locale)
        .format(instant.atZone(zone));
  }

  /** How long ago, in the largest unit that fits: "5 min ago", "vor 3 h". */
  public String ago(Instant instant, Instant now) {
    if (instant == null) {
      return "–";
    }
    Duration age = Duration.between(instant, now);
    if (age.isNegative() || age.toMinutes() < 1) {
      return get("time.just_now");
    }
    if (age.toHours() < 1) {
      return get("time.minutes_ago", age.toMinutes());
    }
    if (age.toDays() < 2) {
      return get("time.hours_ago", age.toHours());
    }
    return get("time.days_ago", age.toDays());
  }

  public ZoneId zone() {
    return zone;
  }
}
