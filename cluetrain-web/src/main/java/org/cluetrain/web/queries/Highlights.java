package org.cluetrain.web.queries;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.query.QueryNode;

/**
 * Marks the words of a text that a query's positive terms find, folded the way the query language
 * compares words (case, umlauts and their spellings, ß, accents). Excluded terms and field filters
 * mark nothing; a phrase marks each of its words.
 */
public final class Highlights {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern UMLAUT_SPELLING = Pattern.compile("(?<=[^aeiou])(a|o|u)e");

  /** A piece of the text, marked when a query term found it. */
  public record Segment(String text, boolean marked) {}

  private final Set<String> words = new HashSet<>();
  private final List<String> prefixes = new ArrayList<>();

  private Highlights(QueryNode query) {
    collect(query);
  }

  /** The text cut into pieces, the found words marked. */
  static List<Segment> of(String text, QueryNode query) {
    return new Highlights(query).segments(text == null ? "" : text);
  }

  private void collect(QueryNode node) {
    if (node instanceof QueryNode.Term term) {
      addWords(term.word());
    } else if (node instanceof QueryNode.Phrase phrase) {
      addWords(phrase.text());
    } else if (node instanceof QueryNode.Prefix prefix) {
      prefixes.add(fold(prefix.prefix()));
    } else if (node instanceof QueryNode.And and) {
      and.operands().forEach(this::collect);
    } else if (node instanceof QueryNode.Or or) {
      or.operands().forEach(this::collect);
    } else if (node instanceof QueryNode.Near near) {
      collect(near.left());
      collect(near.right());
    } else if (node instanceof QueryNode.InTitle title) {
      collect(title.query());
    } else if (node instanceof QueryNode.Hashtag tag) {
      addWords(tag.tag());
    } else if (node instanceof QueryNode.Mention mention) {
      addWords(mention.account());
    }
    // what a query excludes (NOT) is not what it found, and field filters are not in the text
  }

  private void addWords(String text) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(fold(m.group()));
    }
  }

  private List<Segment> segments(String text) {
    List<Segment> segments = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int at = 0;
    while (m.find()) {
      if (found(fold(m.group()))) {
        if (m.start() > at) {
          segments.add(new Segment(text.substring(at, m.start()), false));
        }
        segments.add(new Segment(m.group(), true));
        at = m.end();
      }
    }
    if (at < text.length()) {
      segments.add(new Segment(text.substring(at), false));
    }
    return segments;
  }

  private boolean found(String folded) {
    if (words.contains(folded)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (folded.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Lower case, ß as ss, umlauts and their ae/oe/ue spellings as plain vowels, no accents. */
  static String fold(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replace("ß", "ss");
    String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    return UMLAUT_SPELLING.matcher(plain).replaceAll("$1");
  }
}
