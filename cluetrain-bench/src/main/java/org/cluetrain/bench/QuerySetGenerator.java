package org.cluetrain.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.cluetrain.query.SavedQuery;

/**
 * A reproducible set of saved queries in Cluetrain's query language, shaped like the queries
 * media-monitoring teams keep: brand names and their products (airlines, Deutsche Bahn, the brands
 * of the SXSW set) mixed with words and phrases of the corpus.
 *
 * <p>The same vocabulary, count and seed always give the same queries. The mix of shapes is in
 * {@link Shape}; a few per thousand are the very long queries of the published Luwak and percolator
 * comparisons (100+ terms, 20 wildcards).
 */
public final class QuerySetGenerator {
  /**
   * How many queries in a hundred are about the brands the corpus talks about (airlines, Deutsche
   * Bahn, the SXSW brands); the others are about subjects made of corpus words. With every query
   * about those brands, an airline tweet matched 2% of all queries: a set of 10,000 saved queries
   * is not 3,000 queries about seven airlines.
   */
  static final int BRAND_PERCENT = 10;

  /**
   * Draws per distinct item wanted before a list is left shorter: only a tiny vocabulary (in tests)
   * runs out of distinct words.
   */
  private static final int ATTEMPTS = 50;

  /** The seed the documented figures were measured with. */
  public static final long DEFAULT_SEED = 20261123L;

  /**
   * Corpus words are drawn log-uniformly from these frequency ranks: from fairly common to rare,
   * leaving out the thousand most common words, which no one monitors alone. (With ranks from 100,
   * a post matched 2% of all queries, far broader than brand monitoring.)
   */
  static final int MIN_RANK = 1_000;

  static final int MAX_RANK = 50_000;

  /** The query shapes and how many of every 1,000 queries have each. */
  public enum Shape {
    /** {@code united OR delta OR "virgin america" OR refund} (3–7 terms). */
    OR_LIST(300),
    /** {@code jetblue AND refund}. */
    AND_PAIR(80),
    /** {@code "customer service" AND (united OR delta)}. */
    PHRASE_AND(150),
    /** {@code (united OR delta) NEAR/5 (delay* OR cancel*)}. */
    NEAR(120),
    /** {@code verspät* OR streik* OR bahn}. */
    WILDCARDS(100),
    /** {@code (apple OR ipad) -android NOT "app store"}. */
    EXCLUSION(100),
    /** {@code (bahn OR zug OR ice) lang:de}. */
    LANG_FILTER(145),
    /** An OR-list of 100–130 terms. */
    LONG_OR(3),
    /** An OR-list of 20 wildcards. */
    MANY_WILDCARDS(2);

    final int perMille;

    Shape(int perMille) {
      this.perMille = perMille;
    }
  }

  /** A topic a team listens to: words, phrases and wildcards, in one language. */
  record Topic(String lang, List<String> words, List<String> phrases, List<String> prefixes) {}

  static final List<Topic> TOPICS =
      List.of(
          new Topic(
              "en",
              List.of(
                  "united",
                  "delta",
                  "jetblue",
                  "southwest",
                  "american",
                  "virgin",
                  "lufthansa",
                  "usairways",
                  "flight",
                  "baggage",
                  "luggage",
                  "gate",
                  "crew",
                  "pilot",
                  "refund"),
              List.of(
                  "virgin america",
                  "american airlines",
                  "us airways",
                  "southwest air",
                  "customer service",
                  "flight attendant",
                  "on hold"),
              List.of("delay", "cancel", "flight", "bagg", "rebook", "airlin")),
          new Topic(
              "de",
              List.of(
                  "bahn",
                  "db",
                  "zug",
                  "ice",
                  "bahnhof",
                  "schaffner",
                  "fahrgast",
                  "verspätung",
                  "gleis",
                  "fahrplan",
                  "bahncard",
                  "stellwerk"),
              List.of("deutsche bahn", "s-bahn", "db navigator", "ohne grund", "zu spät"),
              List.of("verspät", "streik", "fahrkart", "zugausfall", "bahn", "pendl")),
          new Topic(
              "en",
              List.of(
                  "apple",
                  "google",
                  "ipad",
                  "iphone",
                  "android",
                  "samsung",
                  "sxsw",
                  "circles",
                  "blackberry",
                  "microsoft",
                  "twitter",
                  "facebook"),
              List.of("app store", "google maps", "pop-up store", "ipad 2", "apple store"),
              List.of("ipad", "iphon", "googl", "andro", "appl")));

  private final Vocabulary vocabulary;
  private final long seed;

  public QuerySetGenerator(Vocabulary vocabulary, long seed) {
    this.vocabulary = vocabulary;
    this.seed = seed;
  }

  /** {@code count} saved queries of project {@link PostReplay#PROJECT}, named {@code q000001}… */
  public List<SavedQuery> generate(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    Random random = new Random(seed);
    List<SavedQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = String.format(Locale.ROOT, "q%06d", i + 1);
      queries.add(SavedQuery.of(PostReplay.PROJECT, name, query(shape(i, random), random)));
    }
    return queries;
  }

  /**
   * The shape of query {@code i}: the long shapes at fixed places (query 112 of every 333, query
   * 251 of every 500), the others drawn by weight.
   */
  static Shape shape(int i, Random random) {
    if (i % (1000 / Shape.LONG_OR.perMille) == 111) {
      return Shape.LONG_OR;
    }
    if (i % (1000 / Shape.MANY_WILDCARDS.perMille) == 250) {
      return Shape.MANY_WILDCARDS;
    }
    int total = 0;
    for (Shape shape : Shape.values()) {
      if (shape != Shape.LONG_OR && shape != Shape.MANY_WILDCARDS) {
        total += shape.perMille;
      }
    }
    int pick = random.nextInt(total);
    for (Shape shape : Shape.values()) {
      if (shape == Shape.LONG_OR || shape == Shape.MANY_WILDCARDS) {
        continue;
      }
      pick -= shape.perMille;
      if (pick < 0) {
        return shape;
      }
    }
    throw new AssertionError("weights cover every pick");
  }

  String query(Shape shape, Random random) {
    Topic topic =
        random.nextInt(100) < BRAND_PERCENT
            ? TOPICS.get(random.nextInt(TOPICS.size()))
            : vocabularyTopic(random);
    return switch (shape) {
      case OR_LIST -> or(terms(topic, 3 + random.nextInt(5), random));
      case AND_PAIR -> brand(topic, random) + " AND " + word(random);
      case PHRASE_AND ->
          quoted(phrase(topic, random))
              + " AND "
              + group(or(terms(topic, 2 + random.nextInt(3), random)));
      case NEAR ->
          group(or(brands(topic, 1 + random.nextInt(3), random)))
              + " NEAR/"
              + List.of(2, 3, 5, 10).get(random.nextInt(4))
              + " "
              + group(or(nearOperands(topic, 1 + random.nextInt(3), random)));
      case WILDCARDS -> or(wildcardsAndWords(topic, 2 + random.nextInt(4), random));
      case EXCLUSION ->
          group(or(terms(topic, 2 + random.nextInt(4), random)))
              + (random.nextBoolean() ? " -" + word(random) : "")
              + " NOT "
              + group(or(words(1 + random.nextInt(3), random)));
      case LANG_FILTER ->
          group(or(terms(topic, 2 + random.nextInt(5), random)))
              + " lang:"
              + (random.nextInt(4) == 0 ? (topic.lang().equals("de") ? "en" : "de") : topic.lang());
      case LONG_OR -> or(terms(topic, 100 + random.nextInt(31), random));
      case MANY_WILDCARDS -> or(prefixes(topic, 20, random));
    };
  }

  /**
   * A topic made of corpus words, standing for the many brands and subjects of other teams that the
   * replayed posts rarely mention.
   */
  private Topic vocabularyTopic(Random random) {
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      phrases.add(vocabulary.phrases().get(rank(vocabulary.phrases().size(), random)));
    }
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      prefixes.add(prefix(random));
    }
    return new Topic(random.nextInt(4) == 0 ? "de" : "en", words(8, random), phrases, prefixes);
  }

  private List<String> terms(Topic topic, int count, Random random) {
    Set<String> terms = new LinkedHashSet<>();
    terms.add(brand(topic, random));
    for (int attempt = 0; terms.size() < count && attempt < ATTEMPTS * count; attempt++) {
      int kind = random.nextInt(10);
      if (kind < 3) {
        terms.add(brand(topic, random));
      } else if (kind < 4) {
        terms.add(quoted(vocabulary.phrases().get(rank(vocabulary.phrases().size(), random))));
      } else {
        terms.add(word(random));
      }
    }
    return new ArrayList<>(terms);
  }

  private List<String> brands(Topic topic, int count, Random random) {
    Set<String> brands = new LinkedHashSet<>();
    for (int attempt = 0; brands.size() < count && attempt < ATTEMPTS * count; attempt++) {
      brands.add(brand(topic, random));
    }
    return new ArrayList<>(brands);
  }

  private List<String> nearOperands(Topic topic, int count, Random random) {
    Set<String> operands = new LinkedHashSet<>();
    for (int attempt = 0; operands.size() < count && attempt < ATTEMPTS * count; attempt++) {
      operands.add(
          random.nextBoolean()
              ? topic.prefixes().get(random.nextInt(topic.prefixes().size())) + "*"
              : word(random));
    }
    return new ArrayList<>(operands);
  }

  private List<String> wildcardsAndWords(Topic topic, int count, Random random) {
    Set<String> terms = new LinkedHashSet<>();
    terms.add(topic.prefixes().get(random.nextInt(topic.prefixes().size())) + "*");
    for (int attempt = 0; terms.size() < count && attempt < ATTEMPTS * count; attempt++) {
      terms.add(random.nextBoolean() ? prefix(random) + "*" : brand(topic, random));
    }
    return new ArrayList<>(terms);
  }

  private List<String> prefixes(Topic topic, int count, Random random) {
    Set<String> prefixes = new LinkedHashSet<>();
    for (String prefix : topic.prefixes()) {
      prefixes.add(prefix + "*");
    }
    for (int attempt = 0; prefixes.size() < count && attempt < ATTEMPTS * count; attempt++) {
      prefixes.add(prefix(random) + "*");
    }
    return new ArrayList<>(prefixes);
  }

  private List<String> words(int count, Random random) {
    Set<String> words = new LinkedHashSet<>();
    for (int attempt = 0; words.size() < count && attempt < ATTEMPTS * count; attempt++) {
      words.add(word(random));
    }
    return new ArrayList<>(words);
  }

  /** A brand word or phrase of the topic. */
  private static String brand(Topic topic, Random random) {
    int pick = random.nextInt(topic.words().size() + topic.phrases().size());
    return pick < topic.words().size()
        ? topic.words().get(pick)
        : quoted(topic.phrases().get(pick - topic.words().size()));
  }

  private static String phrase(Topic topic, Random random) {
    return topic.phrases().get(random.nextInt(topic.phrases().size()));
  }

  private String word(Random random) {
    return vocabulary.words().get(rank(vocabulary.words().size(), random));
  }

  /** The first 4 to 6 letters of a corpus word of at least 6 letters. */
  private String prefix(Random random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String word = word(random);
      if (word.length() >= 6) {
        return word.substring(0, 4 + random.nextInt(3));
      }
    }
    return "monitor"; // a vocabulary without long words: tests only
  }

  /** A frequency rank drawn log-uniformly, so common and rare words are both represented. */
  static int rank(int size, Random random) {
    int low = Math.min(MIN_RANK, size / 10);
    int high = Math.min(MAX_RANK, size);
    double logLow = Math.log(Math.max(1, low));
    double logHigh = Math.log(high);
    int rank = (int) Math.exp(logLow + random.nextDouble() * (logHigh - logLow));
    return Math.min(size - 1, Math.max(0, rank));
  }

  private static String or(List<String> terms) {
    return String.join(" OR ", terms);
  }

  private static String group(String query) {
    return "(" + query + ")";
  }

  private static String quoted(String phrase) {
    return "\"" + phrase + "\"";
  }
}
