package org.cluetrain.ingest;

import java.util.function.Consumer;

/**
 * Reads one input format into posts, streaming: items are handed to the sink as they are parsed, so
 * memory stays bounded for large files.
 *
 * <p>Contract: a bad item is reported as {@link ReadItem.UnreadableItem} and reading continues;
 * only when nothing of the input can be used is {@link UnusableInputException} thrown. Post ids are
 * derived from the source's own ids so that reading the same input twice yields the same ids.
 */
public interface FormatReader {

  /** The format's short name, as accepted by {@code --format}: {@code rss}, {@code wxr}, … */
  String format();

  /**
   * Whether this reader recognises the input from its first bytes.
   *
   * @param head up to the first 64 KiB of the input, decoded as UTF-8 leniently
   * @param fileName the input's file name (extension hints)
   */
  boolean recognises(String head, String fileName);

  /** Reads every item of the input into the sink. */
  void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException;
}
