package org.cluetrain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.detect.ContentWords;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.SearchRequest.Filters;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * What a project's mentions are about: the words and two-word phrases that stand out in a period
 * against the project's own baseline (emerging), and those that stand out in its negative mentions
 * against the rest of the period (what the complaints are about).
 *
 * <p>"Stand out" is Dunning's log-likelihood ratio (G²) on a 2×2 table, the test corpus linguists
 * use to compare word frequencies in two corpora: it holds up for rare words, where a χ² or a ratio
 * of shares overstates. A term is kept when it is more common in the first set, at least {@link
 * #MIN_VOICES} authors used it, and G² ≥ {@link #SIGNIFICANT} (p &lt; 0.001 with one degree of
 * freedom). Counts are of <em>voices</em>, not copies: a term counts once per author, and posts
 * recognised as duplicates or as spam are left out, so one account repeating itself is no topic. A
 * phrase absorbs its words when they are seldom used without it ("zug fällt" stands for "fällt").
 *
 * @param voices the authors of the period's mentions that were read
 * @param baselineVoices the authors of the baseline's mentions that were read
 * @param baselineSince where the baseline begins (it ends where the period begins)
 * @param negativeVoices the authors of the period's negative mentions
 * @param emerging terms of the period against the baseline, strongest first
 * @param complaints terms of the negative mentions against the period's others, strongest first
 */
public record Topics(
    long voices,
    long baselineVoices,
    Instant baselineSince,
    long negativeVoices,
    List<Term> emerging,
    List<Term> complaints) {

  /** The critical value of χ² with one degree of freedom at p = 0.001. */
  public static final double SIGNIFICANT = 10.83;

  /** The fewest authors who must use a term for it to be a topic. */
  public static final int MIN_VOICES = 3;

  /** How many terms each list shows. */
  public static final int TOP = 10;

  /** How many posts each side reads at most, newest first: enough for a stable list, and quick. */
  public static final int READ = 3_000;

  /** How many periods' length the baseline spans, before the period. */
  public static final int BASELINE_PERIODS = 3;

  /** The fewest voices each side needs before a comparison says anything. */
  public static final int MIN_SIDE = 20;

  public Topics {
    emerging = List.copyOf(emerging);
    complaints = List.copyOf(complaints);
  }

  /**
   * A term that stands out.
   *
   * @param phrase one word or two
   * @param voices authors using it in the first set
   * @param otherVoices authors using it in the set compared with
   * @param share the share of the first set's authors using it
   * @param otherShare the share of the compared set's authors using it
   * @param score G²
   * @param variants words this phrase absorbed
   */
  public record Term(
      String phrase,
      long voices,
      long otherVoices,
      double share,
      double otherShare,
      double score,
      List<String> variants) {
    public Term {
      variants = List.copyOf(variants);
    }

    /** The mentions query that finds the posts behind it. */
    public String query() {
      return phrase.indexOf(' ') >= 0 ? "\"" + phrase + "\"" : phrase;
    }
  }

  /**
   * The topics of a project's mentions (posts matched by its own queries) in a period.
   *
   * @param brand the ids of the project's own queries; no mentions when empty
   */
  public static Topics of(String project, Period period, List<String> brand, PostStore store) {
    Duration length = Duration.between(period.since(), period.until());
    Instant baselineSince = period.since().minus(length.multipliedBy(BASELINE_PERIODS));
    if (brand.isEmpty()) {
      return new Topics(0, 0, baselineSince, 0, List.of(), List.of());
    }
    Filters mentions = Filters.NONE.withMatchedQueries(brand);
    List<Post> now = read(store, project, period.since(), period.until(), mentions);
    List<Post> before = read(store, project, baselineSince, period.since(), mentions);

    Voices inPeriod = Voices.of(now);
    Voices inBaseline = Voices.of(before);
    List<Post> negative = new ArrayList<>();
    List<Post> others = new ArrayList<>();
    for (Post post : now) {
      Label sentiment = post.labels().get("sentiment");
      (sentiment != null && "negative".equals(sentiment.value()) ? negative : others).add(post);
    }
    Voices complaining = Voices.of(negative);
    Voices rest = Voices.of(others);
    return new Topics(
        inPeriod.authors,
        inBaseline.authors,
        baselineSince,
        complaining.authors,
        compare(inPeriod, inBaseline),
        compare(complaining, rest));
  }

  /** No topics: for figures that do not need them (a goal's check-ins). */
  public static Topics none(Period period) {
    Duration length = Duration.between(period.since(), period.until());
    return new Topics(
        0, 0, period.since().minus(length.multipliedBy(BASELINE_PERIODS)), 0, List.of(), List.of());
  }

  private static List<Post> read(
      PostStore store, String project, Instant since, Instant until, Filters filters) {
    try {
      return store
          .search(new SearchRequest("", project, since, until, READ, filters))
          .posts()
          .stream()
          .map(StoredPost::post)
          .toList();
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("an empty query always parses", e);
    }
  }

  /** Which authors used each term in a set of posts. */
  private static final class Voices {
    final Map<String, Set<String>> byTerm = new HashMap<>();
    long authors;

    static Voices of(List<Post> posts) {
      Voices voices = new Voices();
      Set<String> authors = new HashSet<>();
      for (Post post : posts) {
        if (post.duplicateOf() != null || isSpam(post)) {
          continue; // echo and spam are not voices
        }
        String author = post.author() == null ? "post:" + post.id() : post.author().id();
        authors.add(author);
        List<@Nullable String> words = ContentWords.sequence(post.fullText());
        for (int i = 0; i < words.size(); i++) {
          String word = words.get(i);
          if (word == null) {
            continue;
          }
          voices.byTerm.computeIfAbsent(word, w -> new HashSet<>()).add(author);
          String next = i + 1 < words.size() ? words.get(i + 1) : null;
          if (next != null && !next.equals(word)) {
            voices.byTerm.computeIfAbsent(word + " " + next, w -> new HashSet<>()).add(author);
          }
        }
      }
      voices.authors = authors.size();
      return voices;
    }

    long of(String term) {
      Set<String> who = byTerm.get(term);
      return who == null ? 0 : who.size();
    }
  }

  /** Whether the spam classifier is sure the post is spam. */
  static boolean isSpam(Post post) {
    Label spam = post.labels().get("spam");
    return spam != null && !spam.unsure() && "spam".equals(spam.value());
  }

  /** The terms that stand out in the posts of {@code first} against those of {@code second}. */
  static List<Term> compare(List<Post> first, List<Post> second) {
    return compare(Voices.of(first), Voices.of(second));
  }

  /** The terms that stand out in {@code first} against {@code second}, strongest first. */
  private static List<Term> compare(Voices first, Voices second) {
    if (first.authors < MIN_SIDE || second.authors < MIN_SIDE) {
      return List.of();
    }
    Map<String, Term> significant = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> entry : first.byTerm.entrySet()) {
      long a = entry.getValue().size();
      long b = second.of(entry.getKey());
      double share = (double) a / first.authors;
      double otherShare = (double) b / second.authors;
      if (a < MIN_VOICES || share <= otherShare) {
        continue;
      }
      double score = logLikelihood(a, first.authors, b, second.authors);
      if (score >= SIGNIFICANT) {
        significant.put(
            entry.getKey(), new Term(entry.getKey(), a, b, share, otherShare, score, List.of()));
      }
    }
    return grouped(significant);
  }

  /** Phrases take in the words seldom used without them; the strongest {@link #TOP} remain. */
  private static List<Term> grouped(Map<String, Term> significant) {
    Map<String, List<String>> absorbed = new HashMap<>();
    Set<String> gone = new HashSet<>();
    significant.values().stream()
        .filter(t -> t.phrase().indexOf(' ') >= 0)
        .sorted(Comparator.comparingDouble(Term::score).reversed())
        .forEach(
            phrase -> {
              for (String word : phrase.phrase().split(" ")) {
                Term alone = significant.get(word);
                // most of the word's voices use it in the phrase: the phrase says more
                if (alone != null
                    && !gone.contains(word)
                    && alone.voices() * 2 <= phrase.voices() * 3) {
                  gone.add(word);
                  absorbed.computeIfAbsent(phrase.phrase(), p -> new ArrayList<>()).add(word);
                }
              }
            });
    List<Term> terms = new ArrayList<>();
    for (Term term : significant.values()) {
      if (gone.contains(term.phrase())) {
        continue;
      }
      boolean phrase = term.phrase().indexOf(' ') >= 0;
      if (phrase && !absorbed.containsKey(term.phrase()) && coveredByItsWords(term, significant)) {
        continue; // both words stand out more on their own: the phrase adds nothing
      }
      List<String> variants = absorbed.getOrDefault(term.phrase(), List.of());
      terms.add(
          new Term(
              term.phrase(),
              term.voices(),
              term.otherVoices(),
              term.share(),
              term.otherShare(),
              term.score(),
              variants));
    }
    terms.sort(Comparator.comparingDouble(Term::score).reversed().thenComparing(Term::phrase));
    return terms.size() > TOP ? List.copyOf(terms.subList(0, TOP)) : terms;
  }

  private static boolean coveredByItsWords(Term phrase, Map<String, Term> significant) {
    for (String word : phrase.phrase().split(" ")) {
      Term alone = significant.get(word);
      if (alone == null || alone.score() < phrase.score()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Dunning's G² for a term used by {@code a} of {@code n1} voices in one set and {@code b} of
   * {@code n2} in the other: the 2×2 table of using it or not, in one set or the other, observed
   * against what independence would give.
   */
  static double logLikelihood(long a, long n1, long b, long n2) {
    double total = n1 + n2;
    double using = a + b;
    double notUsing = total - using;
    return 2
        * (term(a, n1 * using / total)
            + term(n1 - a, n1 * notUsing / total)
            + term(b, n2 * using / total)
            + term(n2 - b, n2 * notUsing / total));
  }

  private static double term(long observed, double expected) {
    return observed == 0 ? 0 : observed * Math.log(observed / expected);
  }
}
