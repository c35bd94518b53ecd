/**
 * Exports of a project's data — mentions, threads, authors, hourly figures, inbox items — as CSV,
 * JSON, NDJSON or XLSX, for the web pages, the HTTP API and the command line alike.
 *
 * <p>{@link org.cluetrain.app.export.Exports} checks an export before it writes a byte and then
 * streams it from the stores' page-by-page reads ({@code PostStore.scan}, {@code
 * ActivityRollups.eachThread}, …), so memory does not grow with the export. Mentions are selected
 * by {@link org.cluetrain.app.mentions.MentionFilter}, the rules of the Mentions page. To add a
 * format, add a {@code TableWriter}; to add a kind, add its columns to {@link
 * org.cluetrain.app.export.ExportKind} and its rows to {@code Exports}.
 */
package org.cluetrain.app.export;
