/**
 * Store: keeping posts durable and findable, and the figures dashboards need.
 *
 * <p>{@link org.cluetrain.store.PostStore} is the searchable store (embedded: a Lucene index);
 * {@link org.cluetrain.store.ListeningLedger} keeps matches, threads, authors, per-query counts and
 * source health (embedded: SQLite). Both are idempotent by post id, so re-importing or restarting
 * after a crash neither loses nor duplicates posts.
 */
package org.cluetrain.store;
