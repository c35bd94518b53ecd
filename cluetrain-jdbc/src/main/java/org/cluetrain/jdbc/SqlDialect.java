package org.cluetrain.jdbc;

/**
 * What differs between the databases the stores run on. The statements themselves are written in
 * the SQL both share ({@code INSERT … ON CONFLICT … DO NOTHING / DO UPDATE}, {@code LIMIT ?},
 * integers for flags, epoch milliseconds for times); what cannot be shared is here, and the schema
 * migrations that cannot be shared are in this dialect's own migration folder.
 */
public enum SqlDialect {
  /** One file in the data directory, one connection, write-ahead logging. */
  SQLITE("sqlite") {
    @Override
    String nextId(String table) {
      // one connection serialises every writer, so the largest id plus one is free
      return "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table;
    }
  },
  /** A team's PostgreSQL server, reached through a connection pool by several processes at once. */
  POSTGRESQL("postgresql") {
    @Override
    String nextId(String table) {
      // concurrent writers each take their own number; the sequences come from the migrations
      return "SELECT nextval('" + table + "_id_seq')";
    }
  };

  private final String folder;

  SqlDialect(String folder) {
    this.folder = folder;
  }

  /** The migrations run on this dialect: the shared ones, then its own. */
  String[] migrationLocations() {
    return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + folder};
  }

  /** A query answering one row and column: the next free id of a table with an {@code id} key. */
  abstract String nextId(String table);
}
