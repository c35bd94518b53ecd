package org.cluetrain.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.cluetrain.formats.common.InputBytes;
import org.cluetrain.formats.disqus.CommentoReader;
import org.cluetrain.formats.disqus.DisqusXmlReader;
import org.cluetrain.formats.disqus.Remark42Reader;
import org.cluetrain.formats.feed.JsonFeedReader;
import org.cluetrain.formats.feed.OpmlReader;
import org.cluetrain.formats.feed.SyndicationFeedReader;
import org.cluetrain.formats.mastodon.MastodonReader;
import org.cluetrain.formats.reddit.RedditListingReader;
import org.cluetrain.formats.tabular.ColumnMapping;
import org.cluetrain.formats.tabular.CsvReader;
import org.cluetrain.formats.tabular.NdjsonReader;
import org.cluetrain.formats.web.WebPageReader;
import org.cluetrain.formats.wordpress.WxrReader;
import org.cluetrain.formats.x.TwitterApiReader;
import org.cluetrain.formats.x.XArchiveReader;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;

/**
 * Every import format of Cluetrain behind one entry point: pick a reader by name or let the input's
 * first bytes decide, then stream its items.
 *
 * <pre>{@code
 * Formats formats = Formats.standard();
 * formats.read(InputDocument.ofFile(path), "auto", item -> ...);
 * }</pre>
 *
 * <p>{@link #read} never throws anything but {@link UnusableInputException} for problems of the
 * input: a bad item arrives as {@link ReadItem.UnreadableItem} and reading goes on. Exceptions
 * thrown by the caller's sink are passed through unchanged.
 */
public final class Formats {
  private final List<FormatReader> readers;
  private final Map<String, FormatReader> byName;

  private Formats(List<FormatReader> readers, Map<String, String> aliases) {
    this.readers = List.copyOf(readers);
    Map<String, FormatReader> names = new LinkedHashMap<>();
    for (FormatReader reader : readers) {
      if (names.put(reader.format(), reader) != null) {
        throw new IllegalArgumentException("format name '" + reader.format() + "' is used twice");
      }
    }
    aliases.forEach((alias, name) -> names.putIfAbsent(alias, names.get(name)));
    this.byName = names;
  }

  /**
   * Every reader of this module, in detection order: the more specific formats (OPML, WordPress WXR
   * and Disqus are XML as well, WXR is even RSS) are asked before the general ones.
   */
  public static Formats standard() {
    return withColumnMapping(null);
  }

  /**
   * Every reader of this module, the CSV and NDJSON readers using the given column mapping instead
   * of guessing one from each file's header.
   *
   * @param mapping the mapping, or {@code null} to guess it
   */
  public static Formats withColumnMapping(ColumnMapping mapping) {
    List<FormatReader> readers = new ArrayList<>();
    readers.add(new OpmlReader());
    readers.add(new WxrReader());
    readers.add(new DisqusXmlReader());
    readers.add(new SyndicationFeedReader());
    readers.add(new WebPageReader());
    readers.add(new JsonFeedReader());
    readers.add(new XArchiveReader());
    readers.add(new TwitterApiReader());
    readers.add(new RedditListingReader());
    readers.add(new CommentoReader());
    readers.add(new Remark42Reader());
    readers.add(new MastodonReader());
    readers.add(new NdjsonReader(mapping));
    readers.add(new CsvReader(mapping));
    return new Formats(
        readers,
        Map.of(
            "atom", "rss",
            "feed", "rss",
            "wordpress", "wxr",
            "web", "html",
            "x", "twitter",
            "activitypub", "mastodon",
            "jsonl", "ndjson"));
  }

  /** The readers, in detection order. */
  public List<FormatReader> readers() {
    return readers;
  }

  /** The format names, in detection order: {@code rss}, {@code opml}, {@code wxr}, … */
  public List<String> names() {
    return readers.stream().map(FormatReader::format).toList();
  }

  /**
   * The reader of a format.
   *
   * @throws IllegalArgumentException naming the known formats when there is none by that name
   */
  public FormatReader byName(String name) {
    Objects.requireNonNull(name, "format name");
    FormatReader reader = byName.get(name.strip().toLowerCase(Locale.ROOT));
    if (reader == null) {
      throw new IllegalArgumentException(
          "unknown format '" + name + "', expected auto or one of " + String.join(", ", names()));
    }
    return reader;
  }

  /**
   * The reader that recognises the input from its first 64 KiB.
   *
   * @throws UnusableInputException when the input is empty or no reader recognises it; the message
   *     names the known formats and never quotes the input, which may be any file on the machine (a
   *     password file given by mistake or on purpose must not end up in logs or on screen)
   */
  public FormatReader detect(InputDocument input) throws UnusableInputException {
    String head = InputBytes.head(input);
    if (head.isBlank()) {
      throw new UnusableInputException(input.name(), "empty input");
    }
    for (FormatReader reader : readers) {
      try {
        if (reader.recognises(head, input.fileName())) {
          return reader;
        }
      } catch (RuntimeException e) {
        // a reader's sniffing must not keep the others from looking
      }
    }
    throw new UnusableInputException(
        input.name(),
        "format not recognised: not one of the known formats (" + String.join(", ", names()) + ")");
  }

  /**
   * Streams the input's items into the sink.
   *
   * @param format {@code auto} to detect the format, or a format name
   * @throws UnusableInputException when nothing of the input can be used
   */
  public void read(InputDocument input, String format, Consumer<ReadItem> sink)
      throws UnusableInputException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sink, "sink");
    FormatReader reader;
    if (format == null || format.isBlank() || format.equalsIgnoreCase("auto")) {
      reader = detect(input);
    } else {
      try {
        reader = byName(format);
      } catch (IllegalArgumentException e) {
        throw new UnusableInputException(input.name(), e.getMessage(), e);
      }
    }
    read(input, reader, sink);
  }

  /**
   * Streams the input's items into the sink with the given reader, guarded as every format's is: a
   * reader's unexpected failure becomes an {@link UnusableInputException} naming the input.
   */
  public void read(InputDocument input, FormatReader reader, Consumer<ReadItem> sink)
      throws UnusableInputException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sink, "sink");
    Consumer<ReadItem> guarded =
        item -> {
          try {
            sink.accept(item);
          } catch (RuntimeException e) {
            throw new SinkFailure(e);
          }
        };
    try {
      reader.read(input, guarded);
    } catch (SinkFailure e) {
      throw e.failure;
    } catch (StackOverflowError e) {
      // what the readers' own limits did not catch: say what it means, not the error's name
      throw new UnusableInputException(
          input.name(), "cannot be read as " + reader.format() + ": nested too deeply to read", e);
    } catch (RuntimeException e) {
      throw new UnusableInputException(
          input.name(), "cannot be read as " + reader.format() + ": " + e, e);
    }
  }

  /** Carries an exception of the caller's sink past the reader's own error handling. */
  private static final class SinkFailure extends RuntimeException {
    final RuntimeException failure;

    SinkFailure(RuntimeException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }
}
