package org.cluetrain.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Language-independent spam cues, measured: links and their hosts, e-mail addresses, phone numbers,
 * prices and percentages, capitals, exclamation marks, markup, length, and the same text posted
 * more than once in the collection (by other accounts: the rows have distinct ids). No word of any
 * language is a cue, so a model trained on them in English can be used on German comments.
 *
 * <pre>
 * java -cp … org.cluetrain.classify.SpamCueExperiments SHARED_DATA_DIR
 * </pre>
 *
 * Prints, for every English spam file left out in turn (trained on the other comment files, as
 * spam-en's recipe is), precision, recall and F1 of the spam label for: the shipped recipe (one
 * run), the cues alone, and the recipe with the cues added. Then the cues-alone and combined models
 * trained on all English comment files score the comments of the blog exports in {@code
 * fixtures/exports} (Disqus {@code isSpam}, WordPress {@code comment_approved}).
 */
public final class SpamCueExperiments {
  private SpamCueExperiments() {}

  static final TrainingConfig CUES_ONLY =
      TrainingConfig.defaults()
          .withFeatures(
              FeatureConfig.defaults().withWordNgrams(1).withCharNgrams(0, 0).withCues(false));

  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)([^\\s/?\"'<>]+)|\\b([a-z0-9-]+\\.(?:com|net|org|info|biz|de|ru|ly|co|io|tk))\\b");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
  private static final Pattern PHONE = Pattern.compile("(?:\\+?\\d[\\d \\-/().]{7,}\\d)");
  private static final Pattern MONEY =
      Pattern.compile(
          "[$€£¥]\\s?\\d|\\d\\s?[$€£¥]|\\d+\\s?%|\\b\\d+[.,]?\\d*\\s?(?:usd|eur)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKUP =
      Pattern.compile("<a\\s|\\[url|href=", Pattern.CASE_INSENSITIVE);

  /** The cues of {@code text} as pseudo-words; {@code copies}: how often its text occurs. */
  static String cues(String text, int copies) {
    StringBuilder b = new StringBuilder();
    Matcher m = URL.matcher(text);
    int urls = 0;
    while (m.find()) {
      urls++;
      String host = m.group(1) != null ? m.group(1) : m.group(2);
      host = host.toLowerCase(Locale.ROOT);
      if (host.startsWith("www.")) {
        host = host.substring(4);
      }
      b.append(" cuehost_").append(host.replaceAll("[^a-z0-9]", "_"));
    }
    b.append(" cueurls").append(Math.min(urls, 3));
    if (EMAIL.matcher(text).find()) {
      b.append(" cueemail");
    }
    if (PHONE.matcher(text).find()) {
      b.append(" cuephone");
    }
    if (MONEY.matcher(text).find()) {
      b.append(" cuemoney");
    }
    if (MARKUP.matcher(text).find()) {
      b.append(" cuemarkup");
    }
    int letters = 0;
    int upper = 0;
    int excl = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      } else if (c == '!') {
        excl++;
      } else if (Character.isDigit(c)) {
        digits++;
      }
    }
    int capsShare = letters == 0 ? 0 : Math.min(4, upper * 10 / letters);
    b.append(" cuecaps").append(capsShare);
    b.append(" cueexcl").append(Math.min(excl, 3));
    b.append(" cuedigits").append(Math.min(digits / 3, 3));
    b.append(" cuelen").append(32 - Integer.numberOfLeadingZeros(text.length() / 16));
    b.append(" cuecopies").append(Math.min(copies - 1, 2));
    return b.toString();
  }

  /** The text as the repetition count sees it: letters and digits, lower case, first 80. */
  static String key(String text) {
    String k = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    return k.length() > 80 ? k.substring(0, 80) : k;
  }

  record Row(String file, String text, String label) {}

  public static void main(String[] args) {
    Path shared = Path.of(args[0]);
    Recipe shipped = Recipe.named("spam-en");
    Recipe recipe = shipped.withConfig(shipped.config().withRuns(1));
    List<Row> rows = new ArrayList<>();
    for (Recipe.Source s : recipe.sources()) {
      for (LabeledExample e :
          LabeledData.read(Task.SPAM, shared.resolve("labeled").resolve(s.file())).examples()) {
        rows.add(new Row(s.file(), e.text(), e.label()));
      }
    }
    Map<String, Integer> copies = new HashMap<>();
    rows.forEach(r -> copies.merge(key(r.text()), 1, Integer::sum));
    System.out.println("left out          variant                    n  spam   P      R      F1");
    for (Recipe.Source left : recipe.sources()) {
      List<Row> train = new ArrayList<>();
      List<Row> test = new ArrayList<>();
      for (Row r : rows) {
        if (r.file().equals(left.file())) {
          test.add(r);
        } else if (weight(recipe, r.file()) > 0) {
          train.add(r);
        }
      }
      String name = ValidationProtocol.dataset(left.file());
      report(name, "shipped recipe", recipe.config(), train, test, copies, 0);
      report(name, "cues alone", CUES_ONLY, train, test, copies, 1);
      report(name, "recipe + cues", recipe.config(), train, test, copies, 2);
    }
    List<Row> train = rows.stream().filter(r -> weight(recipe, r.file()) > 0).toList();
    List<Row> exports = exports(shared.resolve("fixtures/exports"));
    Map<String, Integer> exportCopies = new HashMap<>();
    exports.forEach(r -> exportCopies.merge(key(r.text()), 1, Integer::sum));
    long spam = exports.stream().filter(r -> r.label().equals("spam")).count();
    System.out.printf(
        Locale.ROOT, "%nexport comments: %,d, marked spam: %d%n", exports.size(), spam);
    for (int variant = 0; variant < 3; variant++) {
      TrainingConfig c = variant == 1 ? CUES_ONLY : recipe.config();
      TextClassifier model = Trainer.train(Task.SPAM, "en", examples(train, copies, variant), c);
      int flaggedHam = 0;
      int caught = 0;
      for (Row r : exports) {
        String text = input(r.text(), exportCopies.get(key(r.text())), variant);
        boolean flagged = model.predict(text).equals("spam");
        if (flagged && r.label().equals("ham")) {
          flaggedHam++;
        }
        if (flagged && r.label().equals("spam")) {
          caught++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%-15s on the exports: %d of %d marked spam caught, %d of %,d others flagged (%.1f %%)%n",
          List.of("shipped recipe", "cues alone", "recipe + cues").get(variant),
          caught,
          spam,
          flaggedHam,
          exports.size() - spam,
          100.0 * flaggedHam / Math.max(1, exports.size() - spam));
    }
  }

  private static double weight(Recipe recipe, String file) {
    return recipe.sources().stream()
        .filter(s -> s.file().equals(file))
        .findFirst()
        .orElseThrow()
        .weight();
  }

  /** 0: the text; 1: its cues; 2: both. */
  static String input(String text, int copies, int variant) {
    return switch (variant) {
      case 0 -> text;
      case 1 -> cues(text, copies);
      default -> text + " " + cues(text, copies);
    };
  }

  private static List<LabeledExample> examples(
      List<Row> rows, Map<String, Integer> copies, int variant) {
    List<LabeledExample> out = new ArrayList<>();
    int i = 0;
    for (Row r : rows) {
      out.add(
          new LabeledExample(
              "r" + i++, "en", r.label(), input(r.text(), copies.get(key(r.text())), variant)));
    }
    return out;
  }

  private static void report(
      String file,
      String variant,
      TrainingConfig config,
      List<Row> train,
      List<Row> test,
      Map<String, Integer> copies,
      int kind) {
    TextClassifier model = Trainer.train(Task.SPAM, "en", examples(train, copies, kind), config);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int spam = 0;
    for (Row r : test) {
      boolean gold = r.label().equals("spam");
      boolean flagged =
          model.predict(input(r.text(), copies.get(key(r.text())), kind)).equals("spam");
      spam += gold ? 1 : 0;
      tp += gold && flagged ? 1 : 0;
      fp += !gold && flagged ? 1 : 0;
      fn += gold && !flagged ? 1 : 0;
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double rec = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
    System.out.printf(
        Locale.ROOT,
        "%-17s %-22s %5d %5d  %.3f  %.3f  %.3f%n",
        file,
        variant,
        test.size(),
        spam,
        p,
        rec,
        f1);
  }

  private static final Pattern DISQUS_POST =
      Pattern.compile(
          "<post\\b.*?<message>(.*?)</message>.*?<isSpam>(\\w+)</isSpam>.*?</post>",
          Pattern.DOTALL);
  private static final Pattern WXR_COMMENT =
      Pattern.compile(
          "<wp:comment>.*?<wp:comment_content>(.*?)</wp:comment_content>.*?<wp:comment_approved>(.*?)</wp:comment_approved>.*?</wp:comment>",
          Pattern.DOTALL);

  /** Every comment of the Disqus and WordPress exports, labelled as the export marks it. */
  static List<Row> exports(Path dir) {
    List<Row> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        String xml = Files.readString(f);
        Matcher d = DISQUS_POST.matcher(xml);
        while (d.find()) {
          out.add(
              new Row(f.toString(), cdata(d.group(1)), d.group(2).equals("true") ? "spam" : "ham"));
        }
        Matcher w = WXR_COMMENT.matcher(xml);
        while (w.find()) {
          out.add(
              new Row(
                  f.toString(),
                  cdata(w.group(1)),
                  cdata(w.group(2)).equals("spam") ? "spam" : "ham"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String cdata(String s) {
    String t = s.strip();
    if (t.startsWith("<![CDATA[") && t.endsWith("]]>")) {
      t = t.substring(9, t.length() - 3);
    }
    return t.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&quot;", "\"");
  }
}
