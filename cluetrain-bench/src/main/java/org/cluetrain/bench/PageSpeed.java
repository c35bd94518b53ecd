package org.cluetrain.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.web.ApiServer;

/**
 * How fast the web application's pages answer on a big store: fills a data directory with real
 * texts replayed through the full pipeline (a million posts by default, spread over 60 days, for a
 * project with a brand and six competitors), then requests each page over HTTP as a signed-in
 * analyst and reports the median, 95th percentile and slowest answer. A filled data directory is
 * kept and reused, so pages can be re-measured without refilling.
 *
 * <pre>
 * java -Xmx4g -cp cluetrain-bench/target/cluetrain-bench.jar org.cluetrain.bench.PageSpeed \
 *     --posts 1000000 --data /tmp/cluetrain-pages [--requests 20] [PATH...]
 * </pre>
 */
public final class PageSpeed {
  static final String PROJECT = PostReplay.PROJECT;
  static final Duration SPREAD = Duration.ofDays(60);

  /** The pages measured unless others are named; {@code {thread}} becomes a real thread id. */
  static final List<String> DEFAULT_PAGES =
      List.of(
          "/p/bench",
          "/p/bench?days=7",
          "/p/bench/mentions",
          "/p/bench/mentions?sentiment=negative",
          "/p/bench/mentions?q=delay*%20OR%20cancel*",
          "/p/bench/mentions?query=united&lang=en",
          "/threads/{thread}",
          "/p/bench/inbox",
          "/p/bench/queries",
          "/sources",
          "/api/search?project=bench&q=united&limit=50",
          "/api/stats?project=bench");

  public static void main(String[] args) throws Exception {
    long posts = 1_000_000;
    Path data = null;
    int requests = 20;
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--posts" -> posts = Long.parseLong(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        default -> pages.add(args[i]);
      }
    }
    if (data == null) {
      System.err.println("page-speed: say where the data directory is (or goes) with --data DIR");
      System.exit(2);
    }
    if (pages.isEmpty()) {
      pages = DEFAULT_PAGES;
    }
    Optional<Corpus> corpus = Corpus.locateSharedData().flatMap(Corpus::load);
    if (corpus.isEmpty()) {
      System.out.println("skipped: shared data not present");
      return;
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace())) {
      fill(runtime, new PostReplay(corpus.get(), SPREAD.dividedBy(posts)), posts);
      measure(runtime, pages, requests);
    }
  }

  static Workspace workspace() {
    List<SavedQuery> queries =
        List.of(
            query("united", "united OR @united", SavedQuery.Role.LISTEN),
            query("delta", "delta OR @delta OR @deltaassist", SavedQuery.Role.COMPETITOR),
            query("american", "\"american air*\" OR @americanair", SavedQuery.Role.COMPETITOR),
            query("southwest", "southwest OR @southwestair", SavedQuery.Role.COMPETITOR),
            query("jetblue", "jetblue OR @jetblue", SavedQuery.Role.COMPETITOR),
            query("usairways", "\"us airways\" OR @usairways", SavedQuery.Role.COMPETITOR),
            query("virgin", "\"virgin america\" OR @virginamerica", SavedQuery.Role.COMPETITOR),
            query("bahn", "bahn OR db OR zug OR verspätung", SavedQuery.Role.LISTEN));
    return new Workspace(
        null,
        List.of(),
        List.of(
            new Workspace.Project(PROJECT, "page speed benchmark", List.of(), List.of(), queries)));
  }

  private static SavedQuery query(String name, String text, SavedQuery.Role role) {
    return new SavedQuery(PROJECT, name, text, role, List.of(), List.of());
  }

  /** Adds replayed posts until the store holds {@code posts}; a re-run continues where it was. */
  static void fill(EmbeddedRuntime runtime, PostReplay replay, long posts) {
    long stored = runtime.store().count();
    if (stored >= posts) {
      System.out.printf("store: %,d posts already (no filling)%n", stored);
      return;
    }
    int batch = 2_000;
    long start = System.nanoTime();
    for (long from = stored; from < posts; from += batch) {
      BatchOutcome outcome =
          runtime.pipeline().process(replay.batch(from, (int) Math.min(batch, posts - from)));
      if ((from / batch) % 50 == 0) {
        System.out.printf(
            "filled %,d posts (%,.0f posts/s)%n",
            from + outcome.stored(), (from - stored) / ((System.nanoTime() - start) / 1e9 + 1e-9));
      }
    }
    System.out.printf(
        "store: %,d posts, filled in %.0f s%n",
        runtime.store().count(), (System.nanoTime() - start) / 1e9);
  }

  static void measure(EmbeddedRuntime runtime, List<String> pages, int requests)
      throws IOException, InterruptedException {
    if (runtime.access().accounts().find("bench").isEmpty()) {
      runtime.access().addUser("bench", Role.ANALYST, "page speed benchmark", Set.of());
    }
    String token = runtime.access().createToken("bench", "page speed");
    String thread = runtime.rollups().threads(PROJECT, 1).get(0).threadId();
    HttpClient http = HttpClient.newHttpClient();
    try (ApiServer server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of)) {
      System.out.printf("%-55s %8s %8s %8s %9s%n", "page", "median", "p95", "max", "bytes");
      for (String page : pages) {
        String path = page.replace("{thread}", java.net.URLEncoder.encode(thread, "UTF-8"));
        HttpRequest request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token)
                .build();
        for (int i = 0; i < 3; i++) { // warm up the JIT and the caches
          http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long[] nanos = new long[requests];
        int bytes = 0;
        int status = 0;
        for (int i = 0; i < requests; i++) {
          long t0 = System.nanoTime();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          nanos[i] = System.nanoTime() - t0;
          bytes = response.body().length();
          status = response.statusCode();
        }
        Arrays.sort(nanos);
        System.out.printf(
            "%-55s %6.0f ms %6.0f ms %6.0f ms %9d%s%n",
            page,
            Measurements.percentile(nanos, 50) / 1e6,
            Measurements.percentile(nanos, 95) / 1e6,
            nanos[nanos.length - 1] / 1e6,
            bytes,
            status == 200 ? "" : "  (HTTP " + status + ")");
      }
    }
  }

  private PageSpeed() {}
}
