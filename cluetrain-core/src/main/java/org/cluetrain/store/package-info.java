/**
 * Store: keeping posts durable and findable, and the figures dashboards need.
 *
 * <p>Each interface is one role, small enough that a backend implements it in one class:
 *
 * <ul>
 *   <li>{@link org.cluetrain.store.PostStore}: the searchable store (embedded: a Lucene index);
 *   <li>{@link org.cluetrain.store.PostLedger}: which posts are known and what they matched, the
 *       exactly-once record (embedded: SQLite);
 *   <li>{@link org.cluetrain.store.ActivityRollups}: counts, hourly roll-ups, threads and authors
 *       that recording keeps up to date;
 *   <li>{@link org.cluetrain.store.QueryLedger}: the queries in effect beside their matches;
 *   <li>{@link org.cluetrain.store.RelevanceLabelStore}: the analysts' relevance verdicts.
 * </ul>
 *
 * <p>Both the store and the ledger are idempotent by post id, so re-importing or restarting after a
 * crash neither loses nor duplicates posts. A new backend implements these roles and runs the
 * compatibility kits of {@code cluetrain-testkit} against them.
 */
package org.cluetrain.store;
