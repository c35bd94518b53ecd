package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.match.QueryMatcher.MatchBatch;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of a {@link QueryMatcher} and a {@link PostStore} together: for a varied German
 * and English corpus and a set of queries covering the whole language, the posts a query matches
 * live are exactly the posts a search with it returns. Every pair of matcher and store extends this
 * class and supplies its two engines.
 */
public abstract class SearchFindsWhatMatchingFoundContract {
  /** The project every post of the corpus belongs to. */
  public static final String PROJECT = "compat";

  /** When the corpus starts. */
  private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  /** A fresh matcher with no queries. */
  protected abstract QueryMatcher newMatcher();

  /** A fresh, empty store keeping its data in {@code directory}. */
  protected abstract PostStore newStore(Path directory);

  @TempDir protected Path directory;

  /** The queries: every operator and field of the query language, alone and combined. */
  public static final List<String> QUERIES =
      List.of(
          "bahn",
          "bahn*",
          "\"deutsche bahn\"",
          "db OR bahn",
          "bahn streik",
          "bahn -streik",
          "bahn NOT verspätung",
          "verspät*",
          "müller OR mueller",
          "straße",
          "café",
          "bahn NEAR/2 streik",
          "bahn NEAR/0 streik",
          "streik ONEAR/3 bahn",
          "bahn NEAR/3f streik",
          "(\"deutsche bahn\" OR db) NEAR/4 (streik* OR verspät*)",
          "zug* NEAR/5 ausfall",
          "(bahn OR zug) -(werbung OR rabatt)",
          "e-mail",
          "lang:de bahn",
          "lang:en (train OR delay*)",
          "source:forum",
          "source:\"Tech Blog\"",
          "source:twitter -kind:reply",
          "author:\"Jürgen Weiß\"",
          "author:@anna_k",
          "site:heise.de",
          "site:www.spiegel.de",
          "kind:comment streik",
          "kind:(reply OR comment) service",
          "title:bahn",
          "title:(streik OR \"customer service\")",
          "#bahnstreik",
          "#bahnstreik OR #strike",
          "@db_bahn",
          "customer NEAR/3 (service OR support)",
          "\"customer service\" -terrible",
          "train ONEAR/2 (delayed OR cancelled)",
          "<<<English and German>>> (strike OR streik) lang:(de OR en)",
          "complain* OR beschwer*",
          "a OR -bahn");

  private static final String[] GERMAN = {
    "Die Deutsche Bahn streikt heute wieder",
    "Streik bei der Bahn: Züge fallen aus",
    "Mein Zug hat schon wieder 40 Minuten Verspätung",
    "Am Bahnsteig warten alle auf den Zug",
    "Herr Müller ärgert sich über die Bahn",
    "Frau Mueller schreibt eine E-Mail an die DB",
    "Die Straße vor dem Bahnhof ist gesperrt",
    "Im Café am Hauptbahnhof gibt es Rabatt",
    "Werbung: Mit der Bahn günstig reisen",
    "Zugausfall wegen Streik, wieder einmal",
    "Der Kundenservice der DB war freundlich",
    "Beschwerde über die Verspätungen eingereicht",
    "Bahn und Streik passen nicht zusammen, sagt er",
    "Die Bahn fährt pünktlich, kein Streik heute",
    "Ausfall des Zuges nach Köln, Streik angekündigt"
  };
  private static final String[] ENGLISH = {
    "The train was delayed again this morning",
    "My train cancelled, customer service was terrible",
    "Great customer service from the rail company",
    "The strike affects all trains in Germany",
    "Customer support never answered my complaint",
    "Delays everywhere, trains cancelled after the strike",
    "I emailed the support team about the delay",
    "Deutsche Bahn strike: what travellers need to know",
    "Complaints about the service keep rising",
    "A naive question about rail delays"
  };
  private static final String[] TITLES = {
    null,
    null,
    "Bahnstreik aktuell",
    "Customer service review",
    "Streik und Verspätung",
    "Train delays"
  };
  private static final SourceRef[] SOURCES = {
    new SourceRef("forum:heise", SourceType.FORUM, "Heise Forum", "https://forum.heise.de/"),
    new SourceRef("feed:techblog", SourceType.BLOG, "Tech Blog", "https://blog.example.org/feed"),
    new SourceRef("x:archive", SourceType.TWITTER, "X archive", null),
    new SourceRef("news:spiegel", SourceType.NEWS, "Spiegel", "https://www.spiegel.de/"),
  };
  private static final Author[] AUTHORS = {
    new Author("forum:jw", "Jürgen Weiß", "jweiss", null),
    new Author("x:1", "Anna K.", "anna_k", null),
    new Author("blog:max", "Max", null, null),
    null
  };

  /** About 200 posts: every text once per combination of a few sources, authors and kinds. */
  public static List<Post> corpus() {
    Random random = new Random(7);
    List<Post> posts = new ArrayList<>();
    int n = 0;
    for (int round = 0; round < 8; round++) {
      for (int i = 0; i < GERMAN.length + ENGLISH.length; i++) {
        boolean german = i < GERMAN.length;
        String text = german ? GERMAN[i] : ENGLISH[i - GERMAN.length];
        SourceRef source = SOURCES[(i + round) % SOURCES.length];
        String id = "post-" + n++;
        String url =
            switch (source.type()) {
              case FORUM -> "https://forum.heise.de/t/" + id;
              case NEWS ->
                  round % 2 == 0 ? "https://www.spiegel.de/" + id : "https://spiegel.de/" + id;
              case TWITTER -> "https://x.com/anna_k/status/" + n;
              default -> null;
            };
        PostKind kind = PostKind.values()[(i + 2 * round) % 3];
        List<String> tags = new ArrayList<>();
        if (text.toLowerCase().contains("streik")) {
          tags.add("bahnstreik");
        }
        if (text.toLowerCase().contains("strike")) {
          tags.add("strike");
        }
        posts.add(
            Post.builder()
                .id(id)
                .source(source)
                .threadId("thread-" + (n % 17))
                .kind(kind)
                .author(AUTHORS[(i * 3 + round) % AUTHORS.length])
                .url(url)
                .title(TITLES[(i + round) % TITLES.length])
                .text(text)
                .published(T0.plus(Duration.ofMinutes(7L * n + random.nextInt(5))))
                .hashtags(tags)
                .mentions(random.nextInt(4) == 0 ? List.of("db_bahn") : List.of())
                .lang(round % 4 == 3 ? null : german ? "de" : "en")
                .project(PROJECT)
                .build());
      }
    }
    return posts;
  }

  @Test
  void searchFindsExactlyWhatMatchingFound() throws Exception {
    List<Post> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    List<SavedQuery> queries = new ArrayList<>();
    for (int i = 0; i < QUERIES.size(); i++) {
      queries.add(SavedQuery.of(PROJECT, "q" + i, QUERIES.get(i)));
    }

    Map<String, Set<String>> matched = new TreeMap<>();
    queries.forEach(query -> matched.put(query.text(), new TreeSet<>()));
    List<StoredPost> stored = new ArrayList<>();
    try (QueryMatcher matcher = newMatcher()) {
      assertThat(matcher.replaceQueries(queries)).isEmpty();
      for (int from = 0; from < corpus.size(); from += 50) {
        List<Post> batch = corpus.subList(from, Math.min(corpus.size(), from + 50));
        MatchBatch result = matcher.match(batch);
        assertThat(result.problems()).isEmpty();
        for (int i = 0; i < batch.size(); i++) {
          for (String id : result.matches().get(i)) {
            String text = queries.get(Integer.parseInt(id.substring(PROJECT.length() + 2))).text();
            matched.computeIfAbsent(text, t -> new TreeSet<>()).add(batch.get(i).id());
          }
          stored.add(new StoredPost(batch.get(i), result.matches().get(i)));
        }
      }
    }

    Map<String, Set<String>> found = new TreeMap<>();
    try (PostStore store = newStore(directory)) {
      store.store(stored);
      for (SavedQuery query : queries) {
        Set<String> ids = new TreeSet<>();
        store
            .search(new SearchRequest(query.text(), PROJECT, null, null, SearchRequest.MAX_LIMIT))
            .posts()
            .forEach(post -> ids.add(post.post().id()));
        found.put(query.text(), ids);
      }
    }

    assertThat(found).isEqualTo(matched);
    // the corpus must discriminate: most queries match some posts, none matches all
    long matchingSome = matched.values().stream().filter(ids -> !ids.isEmpty()).count();
    assertThat(matchingSome).isGreaterThanOrEqualTo(QUERIES.size() - 2);
    assertThat(matched.values()).allSatisfy(ids -> assertThat(ids).hasSizeLessThan(corpus.size()));
  }
}
