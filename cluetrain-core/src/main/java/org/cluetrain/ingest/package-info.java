/**
 * Ingest: turning what users have (files, exports, API responses, live feeds) into {@link
 * org.cluetrain.model.Post posts}.
 *
 * <p>A {@link org.cluetrain.ingest.FormatReader} reads one format and streams {@link
 * org.cluetrain.ingest.ReadItem items}: parsed posts, unreadable items (with the input, the item
 * and the problem), and feed subscriptions. To add a format, implement the interface in the formats
 * module and register it there; the import command detects it from the first bytes.
 */
package org.cluetrain.ingest;
