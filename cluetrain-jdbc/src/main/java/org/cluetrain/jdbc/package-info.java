/**
 * The relational side of the store over JDBC: the {@link org.cluetrain.store.ListeningLedger}
 * (which posts are known, matches, threads, authors, hourly counts per query, source health, saved
 * queries). Embedded it runs on one SQLite file in the data directory; the SQL is kept to what
 * PostgreSQL also runs, so a team database is a matter of a JDBC URL. Schema changes go in a new
 * {@code schema-vN.sql} resource.
 */
package org.cluetrain.jdbc;
