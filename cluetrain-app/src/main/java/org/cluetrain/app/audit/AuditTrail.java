package org.cluetrain.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cluetrain.app.storage.StorageBackends;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * The audit log as the web application, the API and the command line use it: entries stamped by the
 * runtime's clock, read page by page, exported whole as CSV or NDJSON.
 */
public final class AuditTrail implements AutoCloseable {
  private static final JsonMapper JSON = Json.snakeCase();

  private final AuditLog log;
  private final Clock clock;
  private final AutoCloseable backend;

  /** The formats an export is written in. */
  public enum Format {
    CSV,
    NDJSON;

    /** The format of a name ({@code csv} or {@code ndjson}); names both when it is neither. */
    public static Format parse(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(
            "unknown export format '" + name + "': use csv or ndjson", unknown);
      }
    }

    public String mediaType() {
      return this == CSV ? "text/csv; charset=utf-8" : "application/x-ndjson";
    }
  }

  /** Over a log another owner closes (the runtime's storage). */
  public AuditTrail(AuditLog log, Clock clock) {
    this(log, clock, () -> {});
  }

  private AuditTrail(AuditLog log, Clock clock, AutoCloseable backend) {
    this.log = log;
    this.clock = clock;
    this.backend = backend;
  }

  /**
   * The audit log of a data directory alone, without the index: for the command line beside a
   * running server (or none). Closing the trail closes its database.
   */
  public static AuditTrail openOffline(StorageConfig storage, Path dataDir) {
    JdbcStorage relational = StorageBackends.openRelational(storage, dataDir);
    return new AuditTrail(relational.auditLog(), Clock.systemUTC(), relational);
  }

  /**
   * Records that someone did something, now.
   *
   * @param actor the account, or {@link AuditEvent#ANONYMOUS}
   * @param target what it was done to, or empty
   * @param detail what changed, in a few words; never a password or a token's secret
   * @param address where the request came from
   */
  public AuditEntry record(
      String actor, AuditKind kind, String target, String detail, String address) {
    return log.record(new AuditEvent(clock.instant(), actor, kind, target, detail, address));
  }

  /** The port itself, for code that builds its own events (subject requests, pseudonyms). */
  public AuditLog log() {
    return log;
  }

  public List<AuditEntry> find(AuditQuery query) {
    return log.find(query);
  }

  public long count(AuditQuery query) {
    return log.count(query);
  }

  /**
   * Writes every entry the query's conditions select (all pages, newest first).
   *
   * @return how many entries were written
   */
  public long export(AuditQuery conditions, Format format, Writer out) {
    try {
      if (format == Format.CSV) {
        out.write(CSV_HEADER + "\n");
      }
      long written = 0;
      AuditQuery page =
          new AuditQuery(
              conditions.kind(),
              conditions.actor(),
              conditions.from(),
              conditions.to(),
              0,
              AuditQuery.MAX_LIMIT);
      while (true) {
        List<AuditEntry> entries = log.find(page);
        write(entries, format, out);
        written += entries.size();
        if (entries.size() < page.limit()) {
          out.flush();
          return written;
        }
        page = page.next();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log export: " + e.getMessage(), e);
    }
  }

  /**
   * A time bound of a filter: an ISO date (its start, UTC) or a UTC time; empty or null for none.
   *
   * @param name the filter's name, for the error message
   */
  public static @Nullable Instant time(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " '" + text + "' is not a date (2026-03-01) or a UTC time (2026-03-01T10:00:00Z)",
          e);
    }
  }

  /** Writes entries, one a line, as an export does (after its CSV header). */
  public static void write(List<AuditEntry> entries, Format format, Writer out) throws IOException {
    for (AuditEntry entry : entries) {
      out.write(format == Format.CSV ? csv(entry) : JSON.writeValueAsString(json(entry)));
      out.write('\n');
    }
  }

  /** The first line of a CSV export. */
  public static final String CSV_HEADER = "id,at,actor,kind,target,detail,address";

  /** An entry as the API shows it, read back (by the command line from a running server). */
  public static AuditEntry fromJson(JsonNode json) {
    return new AuditEntry(
        json.path("id").asLong(),
        new AuditEvent(
            Instant.parse(json.path("at").asText()),
            json.path("actor").asText(),
            AuditKind.parse(json.path("kind").asText()),
            json.path("target").asText(),
            json.path("detail").asText(),
            json.path("address").asText()));
  }

  /** An entry as the API and NDJSON exports show it. */
  public static Map<String, Object> json(AuditEntry entry) {
    AuditEvent event = entry.event();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", entry.id());
    json.put("at", event.at().toString());
    json.put("actor", event.actor());
    json.put("kind", event.kind().label());
    json.put("target", event.target());
    json.put("detail", event.detail());
    json.put("address", event.address());
    return json;
  }

  private static String csv(AuditEntry entry) {
    AuditEvent event = entry.event();
    return String.join(
        ",",
        Long.toString(entry.id()),
        event.at().toString(),
        field(event.actor()),
        event.kind().label(),
        field(event.target()),
        field(event.detail()),
        field(event.address()));
  }

  /**
   * A CSV field, quoted when needed; a field a spreadsheet would run as a formula gets a leading
   * apostrophe, since names and details come from users.
   */
  private static String field(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  @Override
  public void close() {
    try {
      backend.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the audit log: " + e.getMessage(), e);
    }
  }
}
