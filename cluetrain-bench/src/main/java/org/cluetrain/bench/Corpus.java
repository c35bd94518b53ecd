package org.cluetrain.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceType;

/**
 * The real texts the benchmarks replay, read once from the shared data folder: airline tweets
 * (2015), YouTube comments (2008–2013) and the German and English labelled sentiment sets. Files
 * are read in name order, so the corpus, and everything derived from it with a fixed seed, is the
 * same on every machine.
 */
public final class Corpus {
  static final long SHUFFLE_SEED = 1999L; // the year of the Cluetrain Manifesto

  /** The files, relative to the shared data folder. */
  static final String AIRLINE_TWEETS = "streams/us-airline-tweets-2015-02.csv";

  static final String YOUTUBE_COMMENTS = "streams/youtube-comments-2008-2013";
  static final String SENTIMENT_DE = "labeled/sentiment/de";
  static final String SENTIMENT_EN = "labeled/sentiment/en";

  /**
   * One text and where it came from.
   *
   * @param file the file's name, which becomes the replayed post's source
   * @param authorName the author's display name where the file has one, else {@code null}
   */
  public record Text(String text, String file, SourceType type, PostKind kind, String authorName) {}

  private final List<Text> texts;

  Corpus(List<Text> texts) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no texts");
    }
    this.texts = List.copyOf(texts);
  }

  public List<Text> texts() {
    return texts;
  }

  public int size() {
    return texts.size();
  }

  /**
   * The shared data folder: the system property {@code cluetrain.shared.data}, else {@code
   * ../shared/data} seen from the working directory or one of its parents.
   */
  public static Optional<Path> locateSharedData() {
    String configured = System.getProperty("cluetrain.shared.data");
    if (configured != null) {
      Path path = Path.of(configured);
      return Files.isDirectory(path.resolve("streams")) ? Optional.of(path) : Optional.empty();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/data").normalize();
      if (Files.isDirectory(candidate.resolve("streams"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Reads every text, or nothing when the data folder lacks the streams and labelled sets. */
  public static Optional<Corpus> load(Path sharedData) {
    if (!Files.isRegularFile(sharedData.resolve(AIRLINE_TWEETS))
        || !Files.isDirectory(sharedData.resolve(YOUTUBE_COMMENTS))
        || !Files.isDirectory(sharedData.resolve(SENTIMENT_DE))
        || !Files.isDirectory(sharedData.resolve(SENTIMENT_EN))) {
      return Optional.empty();
    }
    List<Text> texts = new ArrayList<>();
    readCsv(sharedData.resolve(AIRLINE_TWEETS), "text", null, SourceType.TWITTER, PostKind.POST)
        .forEach(texts::add);
    for (Path file : files(sharedData.resolve(YOUTUBE_COMMENTS), ".csv")) {
      texts.addAll(readCsv(file, "CONTENT", "AUTHOR_NAME", SourceType.WEB, PostKind.COMMENT));
    }
    for (Path file : files(sharedData.resolve(SENTIMENT_DE), ".tsv")) {
      texts.addAll(readTsv(file));
    }
    for (Path file : files(sharedData.resolve(SENTIMENT_EN), ".tsv")) {
      texts.addAll(readTsv(file));
    }
    // mixed once, with a fixed seed: any prefix of the replay is a mix of all sources and languages
    Collections.shuffle(texts, new Random(SHUFFLE_SEED));
    return Optional.of(new Corpus(texts));
  }

  private static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static List<Text> readCsv(
      Path file, String textColumn, String authorColumn, SourceType type, PostKind kind) {
    // some exported comments have text after a closing quote; keep it, as spreadsheet tools do
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrailingData(true)
            .setLenientEof(true)
            .build();
    List<Text> texts = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord record : format.parse(reader)) {
        String text = record.isSet(textColumn) ? clean(record.get(textColumn)) : "";
        if (!text.isEmpty()) {
          String author =
              authorColumn != null && record.isSet(authorColumn) ? record.get(authorColumn) : null;
          texts.add(new Text(text, name(file), type, kind, blankToNull(author)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return texts;
  }

  /** The labelled sets: {@code id, lang, label, text}, tab-separated, with a header line. */
  private static List<Text> readTsv(Path file) {
    List<Text> texts = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines
          .skip(1)
          .forEach(
              line -> {
                String[] columns = line.split("\t", 4);
                String text = columns.length == 4 ? clean(columns[3]) : "";
                if (!text.isEmpty()) {
                  texts.add(new Text(text, name(file), SourceType.TWITTER, PostKind.POST, null));
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return texts;
  }

  private static String clean(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String name(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
