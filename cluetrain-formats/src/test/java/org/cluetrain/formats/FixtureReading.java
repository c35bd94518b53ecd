package org.cluetrain.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;

/** Reads inputs into lists for assertions. */
final class FixtureReading {
  static final Formats FORMATS = Formats.standard();

  private FixtureReading() {}

  static List<ReadItem> read(Path file) throws UnusableInputException {
    return read(file, "auto");
  }

  static List<ReadItem> read(Path file, String format) throws UnusableInputException {
    List<ReadItem> items = new ArrayList<>();
    FORMATS.read(InputDocument.ofFile(file), format, items::add);
    return items;
  }

  static List<Post> posts(List<ReadItem> items) {
    return items.stream()
        .filter(ReadItem.ParsedPost.class::isInstance)
        .map(item -> ((ReadItem.ParsedPost) item).post())
        .toList();
  }

  static List<Post> posts(Path file) throws UnusableInputException {
    return posts(read(file));
  }

  static List<ReadItem.UnreadableItem> unreadable(List<ReadItem> items) {
    return items.stream()
        .filter(ReadItem.UnreadableItem.class::isInstance)
        .map(ReadItem.UnreadableItem.class::cast)
        .toList();
  }

  /** Data files below a folder: licences, provenance notes and READMEs are not inputs. */
  static Stream<Path> dataFiles(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk
          .filter(Files::isRegularFile)
          .filter(FixtureReading::isData)
          .sorted()
          .toList()
          .stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A file of this module's own test resources. */
  static Path resource(String name) {
    try {
      return Path.of(FixtureReading.class.getResource("/" + name).toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  static boolean isData(Path file) {
    String name = file.getFileName().toString();
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    return !(upper.startsWith("LICENSE")
        || upper.startsWith("SOURCE")
        || upper.startsWith("README")
        || upper.startsWith("COPYING")
        || name.startsWith("."));
  }
}
