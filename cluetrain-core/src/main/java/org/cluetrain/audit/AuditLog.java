package org.cluetrain.audit;

import java.util.List;

/**
 * Where the audit log is kept. Append-only: there is no way to change or remove an entry through
 * this port, and stores that can refuse it in the database do so too.
 */
public interface AuditLog {

  /** Appends an event; answers the entry as kept. */
  AuditEntry record(AuditEvent event);

  /** The entries the query selects, newest first. */
  List<AuditEntry> find(AuditQuery query);

  /** How many entries the query's conditions select, all pages together. */
  long count(AuditQuery query);
}
