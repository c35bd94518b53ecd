package org.cluetrain.jdbc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.cluetrain.privacy.SuppressionList;

/** The erased authors' keyed hashes, in {@code suppressed_authors}. */
final class JdbcSuppressionList implements SuppressionList {
  private final JdbcDatabase database;

  JdbcSuppressionList(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void suppress(Collection<String> keyedHashes, Instant at) {
    database.inTransaction(
        "the suppression list",
        () -> {
          for (String hash : keyedHashes) {
            database.update(
                "the suppression list",
                "INSERT INTO suppressed_authors (keyed_hash, added) VALUES (?,?)"
                    + " ON CONFLICT (keyed_hash) DO NOTHING",
                hash,
                at.toEpochMilli());
          }
          return keyedHashes.size();
        });
  }

  @Override
  public Set<String> suppressedAmong(Collection<String> keyedHashes) {
    Set<String> listed = new HashSet<>();
    if (keyedHashes.isEmpty()) {
      return listed;
    }
    // the list is short (people who asked to be erased): reading it whole is one round trip
    // instead of one per post of the batch
    Set<String> wanted = Set.copyOf(keyedHashes);
    for (String hash :
        database.select(
            "the suppression list",
            "SELECT keyed_hash FROM suppressed_authors",
            rs -> rs.getString(1))) {
      if (wanted.contains(hash)) {
        listed.add(hash);
      }
    }
    return listed;
  }

  @Override
  public long suppressedCount() {
    return database
        .select(
            "the suppression list", "SELECT COUNT(*) FROM suppressed_authors", rs -> rs.getLong(1))
        .get(0);
  }
}
