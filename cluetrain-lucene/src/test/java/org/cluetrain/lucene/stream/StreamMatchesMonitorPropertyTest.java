package org.cluetrain.lucene.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.match.QueryMatcher.MatchBatch;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream matcher must give exactly the monitor's matches: random queries of every shape over
 * random posts, compared post by post and query by query. The posts are fixture posts (so the test
 * always runs) plus, when the shared data is present, real tweets, blog comments and German essays.
 */
class StreamMatchesMonitorPropertyTest {
  private static final int QUERIES = 400;
  private static final int POSTS = 300;
  private static final int BATCH = 50;

  /** Fixture posts: German compounds, umlaut spellings, hashtags, mentions, hyphenated words. */
  private static final List<String> FIXTURE_TEXTS =
      List.of(
          "Die Deutsche Bahn hat wieder Verspätung, der ICE nach München fällt aus. #bahnstreik",
          "Verspaetung am Hauptbahnhof: Zugausfall wegen Stellwerksstörung @db_bahn",
          "Die Bahncard 100 lohnt sich nicht mehr, sagt Herr Müller aus der Großstadt.",
          "Mueller und Muller streiten über die Straße vor dem Bahnhof; die Strasse ist zu.",
          "Fußballfans im Zug nach Köln: Verspätungen ohne Grund, wieder einmal zu spät.",
          "Schaffner freundlich, Fahrkarte teuer, Fahrgastrechte unbekannt. #DB #Bahn",
          "@VirginAmerica my flight was delayed again, customer service on hold for an hour",
          "United lost my baggage; the flight attendant was great though. #fail @united",
          "Apple Store queue at SXSW: iPad 2 launch, pop-up store near the convention center",
          "Google Maps for iPhone and Android — circles launch rumours at #sxsw",
          "E-Mail vom Kundenservice: Erstattung der Fahrkarte abgelehnt, Beschwerde per E-Mail",
          "The e-mail from JetBlue said the refund is coming; jetblue rocks, delta delays",
          "Ärger über Öffnungszeiten: Übernachtung im Bahnhof, Äpfel und Öl im Bordbistro",
          "Aerger ueber Oeffnungszeiten, Uebernachtung, Aepfel: die andere Schreibweise",
          "straße strasse STRASSE Straße Straßenbahn Strassenbahn straßenbahnhaltestelle",
          "Wi-Fi on board is broken, the wifi password is wrong, Wi Fi nowhere",
          "Streik Streik Streik: GDL legt Fernverkehr lahm, Pendler stranden, Streikende jubeln",
          "bahn bahn bahn nahverkehr bahn zug bahn, repeated words near each other bahn",
          "Café au lait im Zug, crème brûlée im Speisewagen, naïve Reisende im Coupé",
          "Delayed flight, cancelled flight, rebooked flight: American Airlines at it again",
          "S-Bahn München: S-Bahn-Stammstrecke gesperrt, Ersatzverkehr mit Bussen",
          "DB Navigator zeigt falsche Gleise, Gleis 5 statt Gleis 7, Fahrplan Chaos",
          "Heute keine Probleme. Alles pünktlich. Danke!",
          "#Verspätung #Bahnchaos @DB_Bahn @DB_Info warum schon wieder?",
          "Lufthansa strike: flights to Frankfurt cancelled, passengers stranded at the gate");

  private static final List<String> EXTRA_WORDS =
      List.of(
          "Verspätung",
          "Verspaetung",
          "verspatung",
          "Straße",
          "Strasse",
          "Müller",
          "Mueller",
          "Muller",
          "Fußball",
          "Fussball",
          "Bahnhof",
          "Zugausfall",
          "e-mail",
          "E-Mail",
          "wi-fi",
          "S-Bahn",
          "Ärger",
          "Aerger",
          "Öl",
          "café",
          "crème",
          "iPad",
          "flight",
          "bahn",
          "zug",
          "ice",
          "db",
          "delta",
          "united");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void matchesExactlyWhatTheMonitorMatches(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(FIXTURE_TEXTS);
    realTexts(random).stream().filter(t -> !t.isBlank()).forEach(texts::add);
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < POSTS; i++) {
      posts.add(post(i, texts.get(random.nextInt(texts.size())), random));
    }
    Vocabulary vocabulary = Vocabulary.of(posts, random);
    QueryGenerator generator = new QueryGenerator(vocabulary, random);
    List<SavedQuery> queries = new ArrayList<>();
    for (int i = 0; queries.size() < QUERIES; i++) {
      String text = generator.query(0);
      try {
        QueryParser.parse(text);
      } catch (QuerySyntaxException e) {
        continue; // the generator is looser than the grammar; the parser has its own tests
      }
      queries.add(SavedQuery.of(i % 5 == 0 ? "q" : "p", String.format("g%04d", i), text));
    }
    PostAnalyzer analyzer = new PostAnalyzer();
    try (MonitorQueryMatcher monitor = new MonitorQueryMatcher(analyzer);
        StreamQueryMatcher stream = new StreamQueryMatcher(analyzer)) {
      assertThat(stream.replaceQueries(queries)).isEqualTo(monitor.replaceQueries(queries));
      if (seed % 2 == 0) {
        // more than 1,000 posts seen: the comparison runs on a plan learned from the stream
        for (int pass = 0; pass < 4; pass++) {
          stream.match(posts);
        }
      }
      List<String> differences = new ArrayList<>();
      long pairs = 0;
      for (int from = 0; from < posts.size(); from += BATCH) {
        List<Post> batch = posts.subList(from, Math.min(posts.size(), from + BATCH));
        MatchBatch expected = monitor.match(batch);
        MatchBatch actual = stream.match(batch);
        assertThat(expected.problems()).as("the monitor's problems").isEmpty();
        assertThat(actual.problems()).as("the stream matcher's problems").isEmpty();
        for (int i = 0; i < batch.size(); i++) {
          pairs += expected.matches().get(i).size();
          if (!expected.matches().get(i).equals(actual.matches().get(i))) {
            differences.add(describe(batch.get(i), expected, actual, i, queries));
          }
        }
      }
      assertThat(differences).as("posts where the matchers differ").isEmpty();
      assertThat(pairs).as("(post, query) matches compared").isGreaterThan(POSTS / 2);
    }
  }

  private static String describe(
      Post post, MatchBatch expected, MatchBatch actual, int i, List<SavedQuery> queries) {
    Set<String> missing = new LinkedHashSet<>(expected.matches().get(i));
    missing.removeAll(actual.matches().get(i));
    Set<String> extra = new LinkedHashSet<>(actual.matches().get(i));
    extra.removeAll(expected.matches().get(i));
    StringBuilder text = new StringBuilder();
    text.append("post ").append(post.id()).append(" '").append(post.fullText()).append("'");
    for (SavedQuery query : queries) {
      if (missing.contains(query.id())) {
        text.append("\n  only the monitor: ").append(query.id()).append(" ").append(query.text());
      }
      if (extra.contains(query.id())) {
        text.append("\n  only the stream: ").append(query.id()).append(" ").append(query.text());
      }
    }
    return text.toString();
  }

  private static final Pattern HASHTAG = Pattern.compile("#(\\p{L}[\\p{L}\\p{N}_]*)");
  private static final Pattern MENTION = Pattern.compile("@(\\w+)");

  private static final List<SourceRef> SOURCES =
      List.of(
          new SourceRef("forum:heise", SourceType.FORUM, "Heise Forum", "https://forum.heise.de/"),
          new SourceRef("tw:archive", SourceType.TWITTER, "Twitter-Archiv", "https://twitter.com/"),
          new SourceRef("feed:blog", SourceType.BLOG, "Müllers Blog", "https://www.mueller.de/"),
          new SourceRef("news:spiegel", SourceType.NEWS, "Spiegel", "https://www.spiegel.de/"));

  private static final List<Author> AUTHORS =
      List.of(
          new Author("forum:hmueller", "Hans Müller", "hmueller", null),
          new Author("tw:1", "Jörg Straße", "joerg_s", null),
          new Author("tw:2", "Delta Fan", "deltafan", null));

  private static Post post(int i, String text, Random random) {
    List<String> hashtags = new ArrayList<>();
    Matcher tags = HASHTAG.matcher(text);
    while (tags.find()) {
      hashtags.add(tags.group(1));
    }
    List<String> mentions = new ArrayList<>();
    Matcher accounts = MENTION.matcher(text);
    while (accounts.find()) {
      mentions.add(accounts.group(1));
    }
    int cut = text.indexOf(' ', Math.min(text.length(), 20 + random.nextInt(40)));
    boolean titled = random.nextInt(3) == 0 && cut > 0 && !text.substring(cut + 1).isBlank();
    return Post.builder()
        .id("post" + i)
        .source(SOURCES.get(random.nextInt(SOURCES.size())))
        .threadId("t" + i)
        .kind(PostKind.values()[random.nextInt(3)])
        .author(random.nextInt(5) == 0 ? null : AUTHORS.get(random.nextInt(AUTHORS.size())))
        .url(random.nextBoolean() ? "https://forum.heise.de/thread/" + i : null)
        .title(titled ? text.substring(0, cut) : null)
        .text(titled ? text.substring(cut + 1) : text)
        .published(Instant.parse("2024-03-01T08:00:00Z").plusSeconds(i))
        .hashtags(hashtags)
        .mentions(mentions)
        .lang(List.of("de", "en", "und").get(random.nextInt(3)))
        .project(random.nextInt(6) == 0 ? null : random.nextInt(4) == 0 ? "q" : "p")
        .build();
  }

  /** Real posts from the shared data when it is present: tweets, blog comments, German essays. */
  private static List<String> realTexts(Random random) throws IOException {
    Path root = sharedData();
    if (root == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    Path tweets = root.resolve("streams/us-airline-tweets-2015-02.csv");
    if (Files.exists(tweets)) {
      List<String> lines = Files.readAllLines(tweets, StandardCharsets.UTF_8);
      for (int i = 0; i < 400; i++) {
        texts.add(lines.get(1 + random.nextInt(lines.size() - 1)));
      }
    }
    Path comments = root.resolve("streams/datacamp-blog-comment-threads");
    if (Files.isDirectory(comments)) {
      try (Stream<Path> files = Files.list(comments)) {
        for (Path file : files.sorted().limit(10).toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < 20 && lines.size() > 1; i++) {
            texts.add(lines.get(1 + random.nextInt(lines.size() - 1)));
          }
        }
      }
    }
    Path seeds = root.resolve("seeds");
    if (Files.isDirectory(seeds)) {
      try (Stream<Path> files = Files.list(seeds)) {
        for (Path file : files.sorted().toList()) {
          for (String paragraph :
              Files.readString(file, StandardCharsets.UTF_8).split("\n\\s*\n")) {
            if (paragraph.length() > 40 && random.nextInt(4) == 0) {
              texts.add(paragraph.length() > 2000 ? paragraph.substring(0, 2000) : paragraph);
            }
          }
        }
      }
    }
    return texts;
  }

  /** The shared data folder ({@code ../shared/data} beside the repository), or {@code null}. */
  private static Path sharedData() {
    String configured = System.getProperty("cluetrain.shared.data");
    if (configured != null && Files.isDirectory(Path.of(configured, "streams"))) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/data").normalize();
      if (Files.isDirectory(candidate.resolve("streams"))) {
        return candidate;
      }
    }
    return null;
  }

  /** Words, phrases, hashtags and mentions of the posts, so that random queries do match. */
  private record Vocabulary(
      List<String> words, List<String> phrases, List<String> hashtags, List<String> mentions) {
    static Vocabulary of(List<Post> posts, Random random) {
      List<String> words = new ArrayList<>(EXTRA_WORDS);
      List<String> phrases = new ArrayList<>();
      Set<String> hashtags = new LinkedHashSet<>(List.of("bahnstreik", "Verspätung", "sxsw"));
      Set<String> mentions = new LinkedHashSet<>(List.of("db_bahn", "united"));
      for (Post post : posts) {
        String[] split = post.fullText().split("[\\s,.;:!?\"()]+");
        List<String> clean = new ArrayList<>();
        for (String word : split) {
          if (word.codePoints().anyMatch(Character::isLetterOrDigit)
              && word.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
              && !word.startsWith("-")) {
            clean.add(word);
          }
        }
        words.addAll(clean);
        for (int i = 0; i + 1 < clean.size(); i += 1 + random.nextInt(4)) {
          int length = 2 + random.nextInt(2);
          if (i + length <= clean.size()) {
            phrases.add(String.join(" ", clean.subList(i, i + length)));
          }
        }
        hashtags.addAll(post.hashtags());
        mentions.addAll(post.mentions());
      }
      return new Vocabulary(words, phrases, new ArrayList<>(hashtags), new ArrayList<>(mentions));
    }
  }

  /** Random queries of every shape the language has. */
  private static final class QueryGenerator {
    private final Vocabulary vocabulary;
    private final Random random;

    QueryGenerator(Vocabulary vocabulary, Random random) {
      this.vocabulary = vocabulary;
      this.random = random;
    }

    String query(int depth) {
      int pick = random.nextInt(depth > 2 ? 6 : 14);
      return switch (pick) {
        case 0, 1 -> word();
        case 2 -> prefix();
        case 3 -> phrase();
        case 4 ->
            random.nextBoolean()
                ? "#" + pickFrom(vocabulary.hashtags())
                : "@" + pickFrom(vocabulary.mentions());
        case 5 -> filter();
        case 6, 7 -> "(" + query(depth + 1) + " OR " + query(depth + 1) + ")";
        case 8 -> "(" + query(depth + 1) + " AND " + query(depth + 1) + ")";
        case 9 ->
            "("
                + query(depth + 1)
                + " "
                + (random.nextBoolean() ? "NOT " : "-")
                + query(depth + 1)
                + ")";
        case 10 -> "NOT " + query(depth + 1);
        case 11 -> "title:" + (random.nextBoolean() ? word() : "(" + near(depth + 1) + ")");
        default -> near(depth + 1);
      };
    }

    private String near(int depth) {
      String operator =
          (random.nextInt(3) == 0 ? "ONEAR/" : "NEAR/")
              + random.nextInt(random.nextBoolean() ? 3 : 12)
              + (random.nextInt(10) == 0 ? "f" : "");
      return nearOperand(depth) + " " + operator + " " + nearOperand(depth);
    }

    private String nearOperand(int depth) {
      int pick = random.nextInt(depth > 3 ? 3 : 6);
      return switch (pick) {
        case 0 -> word();
        case 1 -> prefix();
        case 2 -> phrase();
        case 3 -> "(" + nearOperand(depth + 1) + " OR " + nearOperand(depth + 1) + ")";
        case 4 -> "(" + near(depth + 1) + ")";
        default -> "(" + near(depth + 1) + " OR " + nearOperand(depth + 1) + ")";
      };
    }

    private String word() {
      return spelling(pickFrom(vocabulary.words()));
    }

    private String prefix() {
      String word = spelling(pickFrom(vocabulary.words()));
      int letters = word.codePointCount(0, word.length());
      if (letters < 3 || !word.codePoints().allMatch(Character::isLetterOrDigit)) {
        return word;
      }
      int keep = 3 + random.nextInt(Math.max(1, letters - 2));
      return word.substring(0, word.offsetByCodePoints(0, Math.min(letters, keep))) + "*";
    }

    private String phrase() {
      return "\"" + spelling(pickFrom(vocabulary.phrases())) + "\"";
    }

    private String filter() {
      return switch (random.nextInt(7)) {
        case 0 -> "lang:" + List.of("de", "en", "und", "DE").get(random.nextInt(4));
        case 1 ->
            "source:"
                + List.of("forum", "twitter", "Heise Forum", "\"Müllers Blog\"", "news:spiegel")
                    .get(random.nextInt(5));
        case 2 ->
            "site:"
                + List.of("heise.de", "forum.heise.de", "www.mueller.de", "de", "spiegel.de")
                    .get(random.nextInt(5));
        case 3 ->
            "author:"
                + List.of("hmueller", "@joerg_s", "\"Hans Mueller\"", "tw:2", "\"Jörg Strasse\"")
                    .get(random.nextInt(5));
        case 4 -> "kind:" + List.of("post", "comment", "reply").get(random.nextInt(3));
        case 5 -> "title:" + phrase();
        default -> "title:" + prefix();
      };
    }

    /** Sometimes another spelling: ä/ae/a, ß/ss, upper case. */
    private String spelling(String word) {
      return switch (random.nextInt(6)) {
        case 0 -> word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        case 1 -> word.replace("ä", "a").replace("ö", "o").replace("ü", "u");
        case 2 -> word.toUpperCase(Locale.ROOT);
        default -> word;
      };
    }

    private <T> T pickFrom(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }
  }
}
