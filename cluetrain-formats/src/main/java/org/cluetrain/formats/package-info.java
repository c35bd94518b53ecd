/**
 * Import formats: {@link org.cluetrain.formats.Formats} is the module's whole public API. It lists
 * the readers, finds one by name or detects one from an input's first 64 KiB, and streams the
 * input's posts, feed subscriptions and unreadable items.
 *
 * <p>One package per format family holds its readers. To add a format, implement {@link
 * org.cluetrain.ingest.FormatReader} in a package of its own (ids as described in {@link
 * org.cluetrain.formats.common.PostIds}, per-item failures as {@link
 * org.cluetrain.ingest.ReadItem.UnreadableItem}) and register it in {@link
 * org.cluetrain.formats.Formats#standard()} before any more general reader that would also claim
 * its inputs.
 */
package org.cluetrain.formats;
