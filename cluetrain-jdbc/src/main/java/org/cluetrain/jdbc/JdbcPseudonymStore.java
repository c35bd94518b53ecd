package org.cluetrain.jdbc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.privacy.PseudonymStore;

/** The sealed identities of author pseudonyms, in {@code pseudonyms}. */
final class JdbcPseudonymStore implements PseudonymStore {
  private final JdbcDatabase database;

  JdbcPseudonymStore(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void remember(String pseudonym, String sealed) {
    database.update(
        "pseudonym " + pseudonym,
        "INSERT INTO pseudonyms (pseudonym, sealed) VALUES (?,?)"
            + " ON CONFLICT (pseudonym) DO NOTHING",
        pseudonym,
        sealed);
  }

  @Override
  public Optional<String> sealed(String pseudonym) {
    return database.selectOne(
        "pseudonym " + pseudonym,
        "SELECT sealed FROM pseudonyms WHERE pseudonym = ?",
        rs -> rs.getString(1),
        pseudonym);
  }

  @Override
  public Map<String, String> allSealed() {
    Map<String, String> all = new LinkedHashMap<>();
    database
        .select(
            "pseudonyms",
            "SELECT pseudonym, sealed FROM pseudonyms ORDER BY pseudonym",
            rs -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> all.put(e.getKey(), e.getValue()));
    return all;
  }

  @Override
  public int forget(Collection<String> pseudonyms) {
    return database.inTransaction(
        "forgetting pseudonyms",
        () -> {
          int forgotten = 0;
          for (String pseudonym : pseudonyms) {
            forgotten +=
                database.update(
                    "pseudonym " + pseudonym,
                    "DELETE FROM pseudonyms WHERE pseudonym = ?",
                    pseudonym);
          }
          return forgotten;
        });
  }
}
