/**
 * The relational stores over JDBC, one small adapter class per port: the ledger's roles ({@link
 * org.cluetrain.store.PostLedger}, {@link org.cluetrain.store.ActivityRollups}, {@link
 * org.cluetrain.ingest.SourceStateStore}, {@link org.cluetrain.ingest.SubscriptionStore}, {@link
 * org.cluetrain.store.RelevanceLabelStore}, {@link org.cluetrain.store.QueryLedger}), alerts,
 * accounts, saved queries and the inbox. Embedded they all run on one SQLite file in the data
 * directory, opened once by {@link org.cluetrain.jdbc.SqliteStorage}. The SQL is kept to what
 * PostgreSQL also runs where the dialects allow. Schema changes go in a new {@code schema-vN.sql}
 * resource.
 */
package org.cluetrain.jdbc;
