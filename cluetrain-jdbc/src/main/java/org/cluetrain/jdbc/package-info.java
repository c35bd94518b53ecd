/**
 * The relational stores over JDBC, one small adapter class per port: the ledger's roles ({@link
 * org.cluetrain.store.PostLedger}, {@link org.cluetrain.store.ActivityRollups}, {@link
 * org.cluetrain.ingest.SourceStateStore}, {@link org.cluetrain.ingest.SubscriptionStore}, {@link
 * org.cluetrain.store.RelevanceLabelStore}, {@link org.cluetrain.store.QueryLedger}), alerts,
 * accounts, saved queries and the inbox. They all share one {@link org.cluetrain.jdbc.JdbcDatabase}
 * opened once by {@link org.cluetrain.jdbc.JdbcStorage}: embedded, one SQLite file in the data
 * directory; for a team, a PostgreSQL database reached by JDBC URL.
 *
 * <p>The SQL is kept to what both run; what differs is in {@link org.cluetrain.jdbc.SqlDialect}.
 * The schema is migrated by Flyway at every opening: a schema change is a new versioned script
 * under {@code db/migration/common}, or one under each of {@code db/migration/sqlite} and {@code
 * db/migration/postgresql} where the dialects cannot share it.
 */
package org.cluetrain.jdbc;
