package org.cluetrain.audit;

import java.util.Objects;

/**
 * An event as the log keeps it, with its number: numbers grow in the order entries were recorded.
 */
public record AuditEntry(long id, AuditEvent event) {
  public AuditEntry {
    Objects.requireNonNull(event, "event");
  }
}
