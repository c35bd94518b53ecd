package org.cluetrain.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.cluetrain.query.SavedQuery;

/**
 * A reproducible set of <em>brand-monitoring</em> queries, shaped like the Boolean queries that
 * customers of Brandwatch, Talkwalker and Awario write: the brand and its products, spelled every
 * way, combined with context words, with the other senses of the name excluded, and proximity where
 * a bare name is ambiguous. For example:
 *
 * <pre>
 * (lufthansa OR "lufthansa group" OR @lufthansa OR #lufthansa) AND (flug* OR flight* OR
 *     delay* OR refund OR kundenservice) NOT (job* OR hiring OR gewinnspiel)
 * (telekom OR "deutsche telekom") NEAR/5 (störung OR ausfall OR outage OR netz*)
 * "magenta tv" ONEAR/2 (app OR update)
 * </pre>
 *
 * <p>Unlike the stress set ({@link QuerySetGenerator}), a post matches few of them: each query is
 * about one brand, most brands are names the replayed posts rarely mention (corpus words of
 * frequency rank 2,000–50,000 standing for the many brands of other customers), and one in {@link
 * #KNOWN_BRAND_PERCENT} is about a brand the corpus does talk about.
 */
public final class BrandQuerySetGenerator {
  /** How many queries in a hundred are about brands the corpus talks about. */
  static final int KNOWN_BRAND_PERCENT = 5;

  static final int MIN_RANK = 2_000;
  static final int MAX_RANK = 50_000;

  /** Brands the replayed posts mention, with a product or handle each. */
  static final List<List<String>> KNOWN_BRANDS =
      List.of(
          List.of("lufthansa", "\"lufthansa group\"", "@lufthansa"),
          List.of("united", "\"united airlines\"", "@united"),
          List.of("jetblue", "\"jet blue\"", "@jetblue"),
          List.of("southwest", "\"southwest air\"", "@southwestair"),
          List.of("\"virgin america\"", "@virginamerica", "virginamerica"),
          List.of("\"american airlines\"", "@americanair", "americanair"),
          List.of("\"deutsche bahn\"", "@db_bahn", "\"db navigator\""),
          List.of("apple", "iphone*", "\"apple store\""),
          List.of("google", "\"google maps\"", "android"),
          List.of("samsung", "galaxy", "@samsung"),
          List.of("youtube", "@youtube", "#youtube"));

  /** What customers ask about: buying, service, complaints, in German and English. */
  static final List<String> CONTEXT =
      List.of(
          "review",
          "price",
          "prices",
          "buy",
          "kaufen",
          "preis",
          "support",
          "kundenservice",
          "\"customer service\"",
          "refund",
          "erstattung",
          "broken",
          "kaputt",
          "problem*",
          "test",
          "erfahrung*",
          "lieferung",
          "delivery",
          "rabatt",
          "angebot*",
          "delay*",
          "cancel*",
          "beschwerde*",
          "complain*",
          "app",
          "update",
          "store",
          "launch",
          "outage",
          "störung",
          "ausfall",
          "recommend*",
          "empfehl*",
          "quality",
          "qualität",
          "service",
          "hotline",
          "\"never again\"",
          "\"nie wieder\"",
          "love",
          "hate",
          "awesome",
          "terrible");

  /** The other senses customers exclude: jobs, contests, lyrics, unrelated uses of the name. */
  static final List<String> EXCLUSIONS =
      List.of(
          "job*",
          "hiring",
          "stellenangebot*",
          "karriere",
          "gewinnspiel",
          "giveaway",
          "lyrics",
          "recipe",
          "rezept",
          "\"for sale\"",
          "horoscope",
          "fanfic*",
          "wallpaper*",
          "casino",
          "crypto*",
          "bitcoin",
          "porn*",
          "nsfw",
          "coupon*",
          "gutschein*");

  /** Brand products: the name with a model word. */
  static final List<String> MODELS =
      List.of("pro", "plus", "max", "mini", "app", "card", "one", "go", "tv", "store");

  /** Shapes per 100 queries. */
  enum Shape {
    /** {@code (brand OR "brand product" OR @brand OR #brand) AND (context…) NOT (other senses)}. */
    BRAND_CONTEXT_EXCLUSIONS(35),
    /** {@code ("brand product" OR "brand model") NOT (other senses)}. */
    PRODUCT_PHRASES(15),
    /** {@code (brand OR brand*) NEAR/n (context…)}. */
    BRAND_NEAR_CONTEXT(20),
    /** {@code brand ONEAR/2 (models…)}, Brandwatch's {@code NEAR/2f}. */
    BRAND_ONEAR_PRODUCT(10),
    /** {@code (brand OR "brand product") lang:de NOT site:…}. */
    BRAND_LANG_SITE(10),
    /** {@code title:brand OR (brand AND (review OR test …))}. */
    TITLE_OR_REVIEW(10);

    final int percent;

    Shape(int percent) {
      this.percent = percent;
    }
  }

  private final Vocabulary vocabulary;
  private final long seed;

  public BrandQuerySetGenerator(Vocabulary vocabulary, long seed) {
    this.vocabulary = vocabulary;
    this.seed = seed;
  }

  /** {@code count} saved queries of project {@link PostReplay#PROJECT}, named {@code b000001}… */
  public List<SavedQuery> generate(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    Random random = new Random(seed);
    List<SavedQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = String.format(Locale.ROOT, "b%06d", i + 1);
      queries.add(SavedQuery.of(PostReplay.PROJECT, name, query(shape(random), random)));
    }
    return queries;
  }

  static Shape shape(Random random) {
    int pick = random.nextInt(100);
    for (Shape shape : Shape.values()) {
      pick -= shape.percent;
      if (pick < 0) {
        return shape;
      }
    }
    throw new AssertionError("the shares add up to 100");
  }

  String query(Shape shape, Random random) {
    List<String> brand = brand(random);
    String name = brand.get(0);
    return switch (shape) {
      case BRAND_CONTEXT_EXCLUSIONS ->
          group(or(brand))
              + " AND "
              + group(or(pick(CONTEXT, 3 + random.nextInt(5), random)))
              + " NOT "
              + group(or(pick(EXCLUSIONS, 1 + random.nextInt(3), random)));
      case PRODUCT_PHRASES ->
          group(or(products(name, 2 + random.nextInt(2), random)))
              + " NOT "
              + group(or(pick(EXCLUSIONS, 1 + random.nextInt(2), random)));
      case BRAND_NEAR_CONTEXT ->
          group(or(nearable(brand)))
              + " NEAR/"
              + List.of(3, 5, 5, 10).get(random.nextInt(4))
              + " "
              + group(or(pick(CONTEXT, 2 + random.nextInt(4), random)));
      case BRAND_ONEAR_PRODUCT ->
          nearable(brand).get(0)
              + " ONEAR/2 "
              + group(or(pick(MODELS, 2 + random.nextInt(3), random)));
      case BRAND_LANG_SITE ->
          group(or(brand))
              + " lang:"
              + (random.nextBoolean() ? "de" : "en")
              + " NOT site:"
              + List.of("ebay.de", "amazon.de", "kleinanzeigen.de", "reddit.com")
                  .get(random.nextInt(4));
      case TITLE_OR_REVIEW ->
          "title:"
              + nearable(brand).get(0)
              + " OR ("
              + name
              + " AND "
              + group(or(List.of("review", "test", "erfahrung*", "vergleich")))
              + ")";
    };
  }

  /** A brand: its name, and its other spellings (a product, a handle, a hashtag). */
  private List<String> brand(Random random) {
    if (random.nextInt(100) < KNOWN_BRAND_PERCENT) {
      return KNOWN_BRANDS.get(random.nextInt(KNOWN_BRANDS.size()));
    }
    String name = word(random);
    List<String> spellings = new ArrayList<>();
    spellings.add(name);
    spellings.add(quoted(name + " " + MODELS.get(random.nextInt(MODELS.size()))));
    if (random.nextBoolean()) {
      spellings.add("@" + name.replace('-', '_'));
    }
    if (random.nextBoolean()) {
      spellings.add("#" + name.replace("-", ""));
    }
    return spellings;
  }

  /** The spellings NEAR can take: no hashtags and mentions. */
  private static List<String> nearable(List<String> brand) {
    List<String> words = new ArrayList<>();
    for (String spelling : brand) {
      if (!spelling.startsWith("@") && !spelling.startsWith("#")) {
        words.add(spelling);
      }
    }
    return words;
  }

  private List<String> products(String name, int count, Random random) {
    String bare = name.replace("\"", "");
    return pick(MODELS, count, random).stream().map(model -> quoted(bare + " " + model)).toList();
  }

  private static List<String> pick(List<String> from, int count, Random random) {
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < Math.min(count, from.size())) {
      picked.add(from.get(random.nextInt(from.size())));
    }
    return new ArrayList<>(picked);
  }

  /** A corpus word of rank 2,000–50,000 that can be a brand: letters only, three or more. */
  private String word(Random random) {
    List<String> words = vocabulary.words();
    for (int attempt = 0; attempt < 50; attempt++) {
      String word = words.get(rank(words.size(), random));
      if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
        return word;
      }
    }
    return "cluetrain"; // a vocabulary without such words: tests only
  }

  static int rank(int size, Random random) {
    int low = Math.min(MIN_RANK, size / 10);
    int high = Math.min(MAX_RANK, size);
    double logLow = Math.log(Math.max(1, low));
    double logHigh = Math.log(Math.max(2, high));
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
