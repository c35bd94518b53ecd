/**
 * The relational side of the store over JDBC: the {@link org.cluetrain.store.ListeningLedger}
 * (which posts are known, matches, threads, authors, hourly counts per query, source health, saved
 * queries), alerts, accounts, the inbox and the saved queries edited in the web interface.
 *
 * <p>Embedded it runs on one SQLite file in the data directory; a team's PostgreSQL is a matter of
 * a JDBC URL ({@link org.cluetrain.jdbc.JdbcDatabase#openPostgres}). The SQL is kept to what both
 * run; what differs is in {@link org.cluetrain.jdbc.SqlDialect}. The schema is migrated by Flyway
 * at every opening: a schema change is a new versioned script under {@code db/migration/common}, or
 * one under each of {@code db/migration/sqlite} and {@code db/migration/postgresql} where the
 * dialects cannot share it.
 */
package org.cluetrain.jdbc;
