package org.cluetrain.app.mentions;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.model.PostKind;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.SearchRequest.Filters;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the Mentions page as typed, and the one set of rules that turns them into a search
 * of the store: the page, the export of mentions and the command line all read mentions through it,
 * so a download holds exactly what the page lists.
 *
 * <p>Every value is a text as the user wrote it; empty means "not set". {@code query} names which
 * matched posts count: empty for every query of the project, {@link #ALL} for every stored post,
 * {@link #BRAND} or {@link #COMPETITORS} for one role, else the name of one saved query.
 */
public record MentionFilter(
    String q,
    String query,
    String sentiment,
    String lang,
    String source,
    String kind,
    String since,
    String until,
    String answered,
    String author) {

  /** The {@code query} filter's value for every stored post, matched or not. */
  public static final String ALL = "@all";

  /** The {@code query} filter's value for every one of the project's own queries. */
  public static final String BRAND = "@brand";

  /** The {@code query} filter's value for every competitor query. */
  public static final String COMPETITORS = "@competitors";

  /** No filter set: every mention of the project's queries. */
  public static final MentionFilter NONE =
      new MentionFilter("", "", "", "", "", "", "", "", "", "");

  public MentionFilter {
    q = clean(q);
    query = clean(query);
    sentiment = clean(sentiment);
    lang = clean(lang);
    source = clean(source);
    kind = clean(kind);
    since = clean(since);
    until = clean(until);
    answered = clean(answered);
    author = clean(author);
  }

  /** The filter with the values a request or a form holds, by name; missing names are not set. */
  public static MentionFilter of(java.util.function.Function<String, @Nullable String> values) {
    return new MentionFilter(
        values.apply("q"),
        values.apply("query"),
        values.apply("sentiment"),
        values.apply("lang"),
        values.apply("source"),
        values.apply("kind"),
        values.apply("since"),
        values.apply("until"),
        values.apply("answered"),
        values.apply("author"));
  }

  /** The filter's values by name, the empty ones left out: for links that carry it on. */
  public Map<String, String> values() {
    Map<String, String> values = fields();
    values.values().removeIf(String::isEmpty);
    return values;
  }

  /** The filter's values as URL query parameters ({@code q=…&lang=de}), the empty ones left out. */
  public String parameters() {
    return parameters(values());
  }

  /** Values as URL query parameters, in their order, the {@code null} and empty ones left out. */
  public static String parameters(Map<String, String> values) {
    StringBuilder parameters = new StringBuilder();
    values.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            parameters
                .append(parameters.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
          }
        });
    return parameters.toString();
  }

  /** Every one of the filter's values by name, empty or not, in the form's order. */
  public Map<String, String> fields() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("q", q);
    values.put("query", query);
    values.put("sentiment", sentiment);
    values.put("lang", lang);
    values.put("source", source);
    values.put("kind", kind);
    values.put("since", since);
    values.put("until", until);
    values.put("answered", answered);
    values.put("author", author);
    return values;
  }

  /**
   * Something the filter asks for that cannot be: a message key of the Mentions page's words and
   * its arguments, with the English text for the API and the command line.
   */
  public record Problem(String key, List<String> arguments) {
    private static final Map<String, String> ENGLISH =
        Map.of(
            "mentions.error.query", "there is no saved query ''{0}'' in this project",
            "mentions.error.sentiment",
                "''{0}'' is not a sentiment; use positive, neutral or negative",
            "mentions.error.kind",
                "''{0}'' is not a kind; use post, comment, reply, pingback or trackback",
            "mentions.error.answered", "''{0}'' is not understood; use yes or no",
            "mentions.error.time",
                "''{0}'' is not a time; use 2026-03-01, 2026-03-01T12:00 or an age such as 24h, 7d",
            "mentions.error.order", "the end must be after the start");

    public Problem {
      Objects.requireNonNull(key, "key");
      arguments = List.copyOf(arguments);
    }

    /** The problem in English. */
    public String english() {
      return new MessageFormat(ENGLISH.getOrDefault(key, key), Locale.ENGLISH)
          .format(arguments.toArray());
    }
  }

  /**
   * The filter applied to one project: the store's filters and window, or the problems (by the
   * field they are about) when there are any.
   */
  public record Resolved(
      String project,
      String q,
      Filters filters,
      @Nullable Instant since,
      @Nullable Instant until,
      Map<String, Problem> problems) {
    public Resolved {
      problems = Map.copyOf(problems);
    }

    /** Whether the filter can be searched with. */
    public boolean ok() {
      return problems.isEmpty();
    }

    /** The problems in English, one a line, each after its field. */
    public String english() {
      StringBuilder text = new StringBuilder();
      problems.forEach(
          (field, problem) -> {
            if (text.length() > 0) {
              text.append("; ");
            }
            text.append(field).append(": ").append(problem.english());
          });
      return text.toString();
    }

    /**
     * The search of the store (at most {@code limit} posts).
     *
     * @throws IllegalStateException when the filter has problems
     */
    public SearchRequest request(int limit) {
      if (!ok()) {
        throw new IllegalStateException("the filter cannot be searched with: " + english());
      }
      return new SearchRequest(q, project, since, until, limit, filters);
    }
  }

  /**
   * Applies the filter to a project with these saved queries (the project's own), at {@code now}
   * for times given as an age.
   */
  public Resolved resolve(String project, List<SavedQuery> queries, Instant now) {
    Map<String, Problem> problems = new LinkedHashMap<>();
    List<String> matched;
    if (query.equals(ALL)) {
      matched = List.of();
    } else if (query.isEmpty()) {
      matched = queries.stream().map(SavedQuery::id).toList();
      if (matched.isEmpty()) {
        matched = List.of(project + "/"); // a project without queries has no mentions
      }
    } else if (query.equals(BRAND) || query.equals(COMPETITORS)) {
      SavedQuery.Role role =
          query.equals(BRAND) ? SavedQuery.Role.LISTEN : SavedQuery.Role.COMPETITOR;
      matched = queries.stream().filter(q -> q.role() == role).map(SavedQuery::id).toList();
      if (matched.isEmpty()) {
        matched = List.of(project + "/");
      }
    } else if (queries.stream().anyMatch(q -> q.name().equals(query))) {
      matched = List.of(project + "/" + query);
    } else {
      problems.put("query", new Problem("mentions.error.query", List.of(query)));
      matched = List.of();
    }
    if (!sentiment.isEmpty() && !List.of("positive", "neutral", "negative").contains(sentiment)) {
      problems.put("sentiment", new Problem("mentions.error.sentiment", List.of(sentiment)));
    }
    PostKind postKind = null;
    if (!kind.isEmpty()) {
      try {
        postKind = PostKind.fromLabel(kind);
      } catch (IllegalArgumentException e) {
        problems.put("kind", new Problem("mentions.error.kind", List.of(kind)));
      }
    }
    Boolean isAnswered =
        switch (answered) {
          case "" -> null;
          case "yes" -> true;
          case "no" -> false;
          default -> {
            problems.put("answered", new Problem("mentions.error.answered", List.of(answered)));
            yield null;
          }
        };
    Instant from = time(since, "since", now, problems);
    Instant to = time(until, "until", now, problems);
    if (from != null && to != null && !from.isBefore(to)) {
      problems.put("until", new Problem("mentions.error.order", List.of()));
    }
    Filters filters = new Filters(matched, sentiment, lang, source, postKind, author, isAnswered);
    return new Resolved(project, q, filters, from, to, problems);
  }

  private static @Nullable Instant time(
      String text, String name, Instant now, Map<String, Problem> problems) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return TimeArguments.parse(text, now);
    } catch (IllegalArgumentException e) {
      problems.put(name, new Problem("mentions.error.time", List.of(text)));
      return null;
    }
  }

  private static String clean(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
