/**
 * The application: wires the pipeline's stages into an embedded runtime ({@link
 * org.cluetrain.app.EmbeddedRuntime}: Lucene index + SQLite ledger in one data directory), reads
 * the workspace file, imports files and polls feeds. Use cases live in sub-packages by feature:
 * {@code workspace}, {@code ingest} (file import), {@code poll} (live feeds), {@code query}
 * (examples and single matches).
 */
package org.cluetrain.app;
