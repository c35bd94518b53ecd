package org.cluetrain.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.model.Author;
import org.jspecify.annotations.Nullable;

/**
 * The person a subject request is about, as the requester names them: a handle ({@code @jane} or
 * {@code jane}), a display name, a profile URL, an e-mail address, or an author id ({@code
 * x:12345}).
 *
 * <p>An author is theirs when any of its id, handle, name or profile URL is what was given,
 * compared without case, without a leading {@code @}, and URLs without scheme, {@code www.} and
 * trailing slash. Once their authors are known, {@link #identifiers} are the strings that must not
 * remain anywhere: what erasure redacts from other people's texts and what a check searches the
 * files for.
 */
public record Subject(String given) {
  /** What erased words are replaced with in texts that are kept. */
  public static final String REDACTED = "[erased]";

  public Subject {
    given = given == null ? "" : given.strip();
    if (given.isEmpty()) {
      throw new IllegalArgumentException(
          "a subject request needs the person's handle, name, profile URL or e-mail address");
    }
    if (given.length() > 1_000) {
      throw new IllegalArgumentException(
          "the person named in a subject request is longer than 1,000 characters");
    }
  }

  /** Whether this author is the person asked about. */
  public boolean matches(@Nullable Author author) {
    if (author == null) {
      return false;
    }
    String wanted = normal(given);
    if (wanted.isEmpty()) {
      return false;
    }
    if (wanted.equals(normal(author.id())) || wanted.equals(normal(author.name()))) {
      return true;
    }
    int colon = author.id().indexOf(':');
    if (colon > 0 && wanted.equals(normal(author.id().substring(colon + 1)))) {
      return true; // "jane@example.org" for the inbox contact "mail:jane@example.org"
    }
    if (author.handle() != null && wanted.equals(normal(author.handle()))) {
      return true;
    }
    return author.url() != null && normalUrl(given).equals(normalUrl(author.url()));
  }

  /** The forms to look the person up by in stores that index authors: as given, without @. */
  public List<String> lookupKeys() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(given);
    if (given.startsWith("@") && given.length() > 1) {
      keys.add(given.substring(1));
    }
    return List.copyOf(keys);
  }

  /**
   * The strings that identify these authors of the person (and what was given): their handles,
   * names, profile URLs and the account part of their ids. Short strings (under three characters)
   * are left out: redacting "Jo" from everyone's text would destroy more than it protects.
   */
  public List<String> identifiers(List<Author> authors) {
    Set<String> found = new LinkedHashSet<>();
    add(found, given.startsWith("@") ? given.substring(1) : given);
    for (Author author : authors) {
      add(found, author.name());
      add(found, author.handle());
      add(found, author.url());
      if (author.url() != null) {
        add(found, stripScheme(author.url()));
      }
      int colon = author.id().indexOf(':');
      add(found, colon > 0 ? author.id().substring(colon + 1) : author.id());
    }
    List<String> longestFirst = new ArrayList<>(found);
    // "jane doe" before "jane", so the longer form is replaced whole
    longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return List.copyOf(longestFirst);
  }

  /** The text with every occurrence of the identifiers (any case) replaced by {@link #REDACTED}. */
  public static String redact(String text, List<String> identifiers) {
    return redact(text, identifiers, REDACTED);
  }

  /**
   * The text with every occurrence of the identifiers (any case) replaced by {@code replacement}.
   */
  public static String redact(String text, List<String> identifiers, String replacement) {
    String result = text;
    for (String identifier : identifiers) {
      Matcher matcher =
          Pattern.compile(
                  Pattern.quote(identifier), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
              .matcher(result);
      result = matcher.replaceAll(Matcher.quoteReplacement(replacement));
    }
    return result;
  }

  /** Whether the text holds any of the identifiers, in any case. */
  public static boolean mentions(@Nullable String text, List<String> identifiers) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return identifiers.stream().anyMatch(i -> lower.contains(i.toLowerCase(Locale.ROOT)));
  }

  private static void add(Set<String> found, @Nullable String value) {
    if (value != null && value.strip().length() >= 3) {
      found.add(value.strip());
    }
  }

  private static String normal(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String stripped = value.strip();
    if (stripped.startsWith("@")) {
      stripped = stripped.substring(1);
    }
    return stripped.toLowerCase(Locale.ROOT);
  }

  /** A profile URL in the form compared: no scheme, no {@code www.}, no trailing slash. */
  public static String normalUrl(String url) {
    String u = stripScheme(url.strip()).toLowerCase(Locale.ROOT);
    if (u.startsWith("www.")) {
      u = u.substring(4);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private static String stripScheme(String url) {
    int scheme = url.indexOf("://");
    return scheme > 0 ? url.substring(scheme + 3) : url;
  }
}
