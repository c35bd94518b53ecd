package org.cluetrain.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A query that does not parse. The message names the position (1-based character column) and what
 * was expected there, e.g. {@code at 14: expected ')' to close '(' at 3, found end of query};
 * {@link #message(Locale)} says the same in German for the German pages.
 */
public class QuerySyntaxException extends Exception {
  private static final String BUNDLE = "org.cluetrain.query.QueryProblems";

  private final int position;
  private final Problem problem;

  /**
   * A problem to be worded in the reader's language: a key of the {@code QueryProblems} bundle and
   * the values of its placeholders ({@code {0}}, {@code {1}}, …), which may be problems themselves
   * (a description of what was found).
   */
  public record Problem(String key, Object... args) {
    public String in(Locale locale) {
      String text = template(key, locale);
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i];
        String value = arg instanceof Problem inner ? inner.in(locale) : String.valueOf(arg);
        text = text.replace("{" + i + "}", value);
      }
      return text;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Problem that
          && key.equals(that.key)
          && Arrays.equals(args, that.args);
    }

    @Override
    public int hashCode() {
      return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
      return in(Locale.ROOT);
    }
  }

  public QuerySyntaxException(int position, Problem problem) {
    super(template("at", Locale.ROOT).replace("{0}", String.valueOf(position)) + ": " + problem);
    this.position = position;
    this.problem = problem;
  }

  public QuerySyntaxException(int position, String key, Object... args) {
    this(position, new Problem(key, args));
  }

  /** 1-based character position in the query text where the problem was found. */
  public int position() {
    return position;
  }

  /** The message in the given language: German, or English for any other. */
  public String message(Locale locale) {
    return template("at", locale).replace("{0}", String.valueOf(position))
        + ": "
        + problem.in(locale);
  }

  private static String template(String key, Locale locale) {
    Locale wanted = locale.getLanguage().equals("de") ? Locale.GERMAN : Locale.ROOT;
    try {
      return ResourceBundle.getBundle(
              BUNDLE,
              wanted,
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
          .getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no wording for the query problem '" + key + "'", e);
    }
  }
}
