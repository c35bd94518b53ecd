package org.cluetrain.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.audit.AuditQuery;

/**
 * The audit log in the ledger's database (SQLite or PostgreSQL). Only inserts and reads: the
 * database's triggers refuse changes and removals as well.
 */
public final class JdbcAuditLog implements AuditLog {
  private final JdbcDatabase database;

  public JdbcAuditLog(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public AuditEntry record(AuditEvent event) {
    return database.inTransaction(
        "audit entry " + event.kind().label(),
        () -> {
          long id = database.nextId("audit_log");
          database.update(
              "audit entry " + event.kind().label(),
              "INSERT INTO audit_log (id, at, actor, kind, target, detail, address)"
                  + " VALUES (?,?,?,?,?,?,?)",
              id,
              event.at().toEpochMilli(),
              event.actor(),
              event.kind().label(),
              event.target(),
              event.detail(),
              event.address());
          return new AuditEntry(id, event);
        });
  }

  @Override
  public List<AuditEntry> find(AuditQuery query) {
    List<Object> parameters = new ArrayList<>();
    String where = where(query, parameters);
    parameters.add(query.limit());
    parameters.add(query.offset());
    return database.select(
        "the audit log",
        "SELECT id, at, actor, kind, target, detail, address FROM audit_log"
            + where
            + " ORDER BY id DESC LIMIT ? OFFSET ?",
        JdbcAuditLog::entry,
        parameters.toArray());
  }

  @Override
  public long count(AuditQuery query) {
    List<Object> parameters = new ArrayList<>();
    String where = where(query, parameters);
    return database
        .selectOne(
            "the audit log",
            "SELECT COUNT(*) FROM audit_log" + where,
            rs -> rs.getLong(1),
            parameters.toArray())
        .orElse(0L);
  }

  private static String where(AuditQuery query, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    if (query.kind() != null) {
      conditions.add("kind = ?");
      parameters.add(query.kind().label());
    }
    if (query.actor() != null) {
      conditions.add("actor = ?");
      parameters.add(query.actor());
    }
    if (query.from() != null) {
      conditions.add("at >= ?");
      parameters.add(query.from().toEpochMilli());
    }
    if (query.to() != null) {
      conditions.add("at < ?");
      parameters.add(query.to().toEpochMilli());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        new AuditEvent(
            Instant.ofEpochMilli(rs.getLong(2)),
            rs.getString(3),
            AuditKind.parse(rs.getString(4)),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7)));
  }
}
