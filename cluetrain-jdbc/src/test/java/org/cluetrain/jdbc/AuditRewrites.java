package org.cluetrain.jdbc;

/** Tries what the audit log's port does not offer: SQL that changes or removes an entry. */
final class AuditRewrites {
  private AuditRewrites() {}

  /** Whether the database refused both to change and to remove the entry. */
  static boolean refused(JdbcDatabase database, long id) {
    return refuses(
            () ->
                database.update(
                    "audit entry", "UPDATE audit_log SET actor = 'someone' WHERE id = ?", id))
        && refuses(() -> database.update("audit entry", "DELETE FROM audit_log WHERE id = ?", id));
  }

  private static boolean refuses(Runnable statement) {
    try {
      statement.run();
      return false;
    } catch (StoreFailure refused) {
      return refused.getMessage().contains("append-only");
    }
  }
}
