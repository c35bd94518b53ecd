package org.cluetrain.connectors.feed;

import java.util.function.Consumer;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;

/** Turns a fetched body into items; the formats module's detection does it in production. */
@FunctionalInterface
interface DocumentReader {
  void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException;
}
