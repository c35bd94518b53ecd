package org.cluetrain.language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cluetrain.enrich.language.LanguageIdentifier;
import org.cluetrain.testkit.SharedData;

/**
 * Accuracy, speed and load time of the language identifiers on the same labelled rows; prints the
 * tables of {@code docs/models/language-identification.md}. Not a test: run it by hand, on a quiet
 * machine, with one argument:
 *
 * <ul>
 *   <li>{@code accuracy}: share correct / undetermined / wrong per file, for all identifiers;
 *   <li>{@code speed}: µs per text and texts per second, single-threaded, median of rounds;
 *   <li>{@code load ngram|lingua-high|lingua-low}: time to build and answer the first text (run
 *       each in a fresh JVM);
 *   <li>{@code tune}: n-gram orders, floor penalty and margin of the n-gram identifier.
 * </ul>
 *
 * <pre>
 * mvn -q -o -pl cluetrain-language test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * cd cluetrain-language
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *   org.cluetrain.language.LanguageIdentificationEvaluation accuracy
 * </pre>
 */
public final class LanguageIdentificationEvaluation {
  /** Rows taken from each file, evenly spaced over it, the same for every identifier. */
  static final int ROWS_PER_FILE = 2000;

  static final List<String> FILES =
      List.of(
          "sentiment/de/sb10k.all.tsv",
          "sentiment/de/germeval2017.dev.tsv",
          "offensive/de/germeval2018.train.tsv",
          "sentiment/de/one-million-posts.all.tsv",
          "sentiment/en/us-airline.all.tsv",
          "sentiment/en/semeval2013-2016.all.tsv",
          "spam/en/sms.all.tsv",
          "spam/en/datacamp-blog-comments.all.tsv",
          "spam/en/youtube-katyperry.all.tsv",
          "spam/en/youtube-lmfao.all.tsv",
          "spam/en/youtube-psy.all.tsv");

  /** Sentences written for this evaluation, in languages the labelled data lacks. */
  static final List<String[]> OWN =
      List.of(
          new String[] {"fr", "Le train est encore en retard ce matin, personne ne sait pourquoi."},
          new String[] {"fr", "Merci pour votre réponse rapide, le problème est réglé."},
          new String[] {
            "fr", "Je ne recommande pas ce vol, les bagages sont arrivés deux jours plus tard."
          },
          new String[] {"es", "El servicio al cliente fue muy amable y resolvió todo en minutos."},
          new String[] {"es", "¿Alguien sabe por qué la aplicación no funciona desde ayer?"},
          new String[] {"es", "Nunca más vuelvo a comprar en esta tienda, qué desastre."},
          new String[] {"it", "Il volo è stato cancellato e nessuno ci ha dato informazioni."},
          new String[] {"it", "Grazie mille, il pacco è arrivato in perfette condizioni!"},
          new String[] {"it", "Qualcuno sa se il negozio è aperto anche la domenica?"},
          new String[] {
            "nl", "De bezorging was twee dagen te laat en de klantenservice reageert niet."
          },
          new String[] {"nl", "Wat een geweldige service, ik kom zeker terug!"},
          new String[] {"nl", "Weet iemand waarom de app sinds gisteren niet meer werkt?"},
          new String[] {"pt", "O voo atrasou três horas e ninguém explicou nada aos passageiros."},
          new String[] {"pl", "Pociąg znowu się spóźnił i nikt nie wie dlaczego."},
          new String[] {"sv", "Tåget är försenat igen och ingen vet varför."},
          new String[] {"da", "Toget er forsinket igen, og ingen ved hvorfor."},
          new String[] {"nb", "Toget er forsinket igjen, og ingen vet hvorfor."},
          new String[] {"fi", "Juna on taas myöhässä eikä kukaan tiedä miksi."},
          new String[] {"cs", "Vlak má zase zpoždění a nikdo neví proč."},
          new String[] {"hu", "A vonat megint késik, és senki sem tudja, miért."},
          new String[] {"ro", "Trenul întârzie din nou și nimeni nu știe de ce."},
          new String[] {"tr", "Tren yine gecikti ve kimse nedenini bilmiyor."},
          new String[] {"ru", "Поезд снова опаздывает, и никто не знает почему."});

  record Row(String file, String lang, String text) {}

  public static void main(String[] args) throws IOException {
    String mode = args.length == 0 ? "accuracy" : args[0];
    switch (mode) {
      case "accuracy" -> accuracy();
      case "speed" -> speed(args.length > 1 ? args[1] : "");
      case "load" -> load(args.length > 1 ? args[1] : "ngram");
      case "tune" -> tune();
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  static Map<String, Supplier<LanguageIdentifier>> identifiers() {
    Map<String, Supplier<LanguageIdentifier>> all = new LinkedHashMap<>();
    all.put("ngram", NgramLanguageIdentifier::standard);
    all.put("lingua-high", LinguaLanguageIdentifier::standard);
    all.put(
        "lingua-low",
        () -> LinguaLanguageIdentifier.of(LinguaLanguageIdentifier.DEFAULT_LANGUAGES, true));
    return all;
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String file : FILES) {
      Path path = SharedData.path("labeled/" + file);
      List<String[]> all;
      try (Stream<String> lines = Files.lines(path)) {
        all = lines.skip(1).map(l -> l.split("\t", 4)).filter(f -> f.length == 4).toList();
      }
      double step = Math.max(1.0, all.size() / (double) ROWS_PER_FILE);
      for (double i = 0; i < all.size() && rows.size() < Integer.MAX_VALUE; i += step) {
        String[] f = all.get((int) i);
        rows.add(new Row(file, f[1], f[3]));
      }
    }
    return rows;
  }

  static void accuracy() throws IOException {
    List<Row> rows = rows();
    Map<String, LanguageIdentifier> ids = new LinkedHashMap<>();
    identifiers().forEach((name, s) -> ids.put(name, s.get()));
    System.out.printf("%-40s %6s", "file", "rows");
    ids.keySet().forEach(n -> System.out.printf(" | %-24s", n + " ok/und/wrong %"));
    System.out.println();
    Map<String, List<Row>> byFile = new LinkedHashMap<>();
    rows.forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
    byFile.put("ALL", rows);
    Map<String, Map<String, Integer>> confusions = new LinkedHashMap<>();
    for (var entry : byFile.entrySet()) {
      System.out.printf("%-40s %6d", entry.getKey(), entry.getValue().size());
      for (var id : ids.entrySet()) {
        int ok = 0;
        int und = 0;
        for (Row row : entry.getValue()) {
          String got = id.getValue().identify(row.text());
          if (got.equals(row.lang())) {
            ok++;
          } else if (got.equals(LanguageIdentifier.UNDETERMINED)) {
            und++;
          } else if (!entry.getKey().equals("ALL")) {
            confusions
                .computeIfAbsent(id.getKey(), k -> new TreeMap<>())
                .merge(row.lang() + "→" + got, 1, Integer::sum);
          }
        }
        int n = entry.getValue().size();
        System.out.printf(
            " | %6.1f %5.1f %5.1f      ",
            100.0 * ok / n, 100.0 * und / n, 100.0 * (n - ok - und) / n);
      }
      System.out.println();
    }
    confusions.forEach(
        (name, c) ->
            System.out.println(
                name
                    + " wrong: "
                    + c.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(8)
                        .toList()));
    System.out.println();
    for (var id : ids.entrySet()) {
      int ok = 0;
      List<String> misses = new ArrayList<>();
      for (String[] own : OWN) {
        String got = id.getValue().identify(own[1]);
        if (got.equals(own[0])) {
          ok++;
        } else {
          misses.add(own[0] + "→" + got);
        }
      }
      System.out.printf("own sentences %-12s %d/%d %s%n", id.getKey(), ok, OWN.size(), misses);
    }
  }

  /** Every identifier on the same texts: every 8th row of the accuracy set (about 2,000). */
  static void speed(String only) throws IOException {
    List<Row> rows = rows();
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 8) {
      sample.add(rows.get(i).text());
    }
    System.out.printf(
        "%d texts, mean %.0f chars%n",
        sample.size(), sample.stream().mapToInt(String::length).average().orElse(0));
    for (var id : identifiers().entrySet()) {
      if (!id.getKey().startsWith(only)) {
        continue;
      }
      LanguageIdentifier identifier = id.getValue().get();
      // Lingua is slow: fewer rounds, so each identifier runs for a similar time.
      int rounds = id.getKey().startsWith("lingua") ? 3 : 25;
      long sink = 0;
      long warmUntil = System.nanoTime() + 5_000_000_000L; // JIT: several seconds, not rounds
      while (System.nanoTime() < warmUntil) {
        for (String t : sample) {
          sink += identifier.identify(t).hashCode();
        }
      }
      double[] micros = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        for (String t : sample) {
          sink += identifier.identify(t).hashCode();
        }
        micros[r] = (System.nanoTime() - start) / 1000.0 / sample.size();
      }
      Arrays.sort(micros);
      double median = micros[rounds / 2];
      System.out.printf(
          Locale.ROOT,
          "%-12s %8.2f µs/text %10.0f texts/s (median of %d rounds over %d texts; min %.2f max %.2f) %d%n",
          id.getKey(),
          median,
          1e6 / median,
          rounds,
          sample.size(),
          micros[0],
          micros[rounds - 1],
          sink & 1);
    }
  }

  static void load(String name) {
    Runtime rt = Runtime.getRuntime();
    long start = System.nanoTime();
    LanguageIdentifier identifier = identifiers().get(name).get();
    String lang = identifier.identify("Die Bahn ist heute schon wieder zu spät.");
    long millis = (System.nanoTime() - start) / 1_000_000;
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long used = (rt.totalMemory() - rt.freeMemory()) / (1 << 20);
    System.out.printf(
        "%-12s load + first text %d ms (%s), heap used after GC %d MiB%n",
        name, millis, lang, used);
    if (identifier instanceof NgramLanguageIdentifier ngram) {
      System.out.printf(
          "  model tables: %d n-grams, %.1f MiB%n",
          ngram.modelNgrams(), ngram.modelSizeInBytes() / 1048576.0);
    }
  }

  static void tune() throws IOException {
    List<Row> rows = rows();
    int[][] orderSets = {{3}, {1, 2, 3}, {1, 2, 3, 4}, {1, 2, 3, 4, 5}, {2, 3}, {3, 4}};
    double[] penalties = {0, 1, 2, 4};
    double[] margins = {0, 0.5, 1, 2, 3, 5};
    for (int[] orders : orderSets) {
      for (double penalty : penalties) {
        long start = System.nanoTime();
        NgramLanguageIdentifier id =
            NgramLanguageIdentifier.of(
                LinguaLanguageIdentifier.DEFAULT_LANGUAGES, orders, penalty, 0);
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        StringBuilder line = new StringBuilder();
        line.append(
            String.format(
                Locale.ROOT,
                "orders %-10s penalty %.0f load %5d ms %6.1f MiB |",
                Arrays.toString(orders).replace(" ", ""),
                penalty,
                loadMs,
                id.modelSizeInBytes() / 1048576.0));
        NgramLanguageIdentifier.Guess[] guesses = new NgramLanguageIdentifier.Guess[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
          guesses[i] = id.guess(rows.get(i).text());
        }
        for (double margin : margins) {
          int ok = 0;
          int und = 0;
          for (int i = 0; i < rows.size(); i++) {
            var g = guesses[i];
            if (g.language().equals(LanguageIdentifier.UNDETERMINED)
                || g.margin() < margin * NgramModel.SCALE) {
              und++;
            } else if (g.language().equals(rows.get(i).lang())) {
              ok++;
            }
          }
          line.append(
              String.format(
                  Locale.ROOT,
                  " m%.1f %.1f/%.1f",
                  margin,
                  100.0 * ok / rows.size(),
                  100.0 * und / rows.size()));
        }
        System.out.println(line);
      }
    }
  }

  private LanguageIdentificationEvaluation() {}
}
