/**
 * File import: any supported file streamed through the pipeline in batches, with a report of what
 * was new, what was already stored and which items could not be read (file, item, reason).
 */
package org.cluetrain.app.ingest;
