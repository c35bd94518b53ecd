package org.cluetrain.jdbc;

import static org.cluetrain.jdbc.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.GapReason;

/** Live sources' gaps, one row per source and start in {@code source_gaps}. */
final class JdbcGapLedger implements GapLedger {
  private static final String COLUMNS =
      "source_id, project, gap_from, gap_until, reason, detail, backfilled_at";

  private final JdbcDatabase database;

  JdbcGapLedger(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void record(Gap gap) {
    database.update(
        "the gap of " + gap.sourceId() + " from " + gap.from(),
        "INSERT INTO source_gaps ("
            + COLUMNS
            + ") VALUES (?,?,?,?,?,?,?) ON CONFLICT (source_id, gap_from) DO UPDATE SET"
            + " project = excluded.project, gap_until = excluded.gap_until,"
            + " reason = excluded.reason, detail = excluded.detail,"
            + " backfilled_at = excluded.backfilled_at",
        gap.sourceId(),
        gap.project(),
        gap.from().toEpochMilli(),
        gap.until().toEpochMilli(),
        gap.reason().name(),
        gap.detail(),
        gap.backfilledAt() == null
            ? null
            : Objects.requireNonNull(gap.backfilledAt()).toEpochMilli());
  }

  @Override
  public int backfill(String sourceId, Instant coveredUntil, Instant at) {
    return database.update(
        "the backfill of " + sourceId,
        "UPDATE source_gaps SET backfilled_at = ? WHERE source_id = ? AND backfilled_at IS NULL"
            + " AND gap_until <= ?",
        at.toEpochMilli(),
        sourceId,
        coveredUntil.toEpochMilli());
  }

  @Override
  public List<Gap> gaps(String sourceId, Instant since, Instant until) {
    return database.select(
        "the gaps of " + sourceId,
        "SELECT "
            + COLUMNS
            + " FROM source_gaps WHERE source_id = ? AND gap_until >= ? AND gap_from < ?"
            + " ORDER BY gap_from",
        JdbcGapLedger::gap,
        sourceId,
        since.toEpochMilli(),
        until.toEpochMilli());
  }

  @Override
  public List<Gap> projectGaps(String project, Instant since, Instant until) {
    return database.select(
        "the gaps of project " + project,
        "SELECT "
            + COLUMNS
            + " FROM source_gaps WHERE project = ? AND gap_until >= ? AND gap_from < ?"
            + " ORDER BY source_id, gap_from",
        JdbcGapLedger::gap,
        project,
        since.toEpochMilli(),
        until.toEpochMilli());
  }

  private static Gap gap(ResultSet rs) throws SQLException {
    return new Gap(
        rs.getString(1),
        rs.getString(2),
        Objects.requireNonNull(instant(rs, 3)),
        Objects.requireNonNull(instant(rs, 4)),
        GapReason.valueOf(rs.getString(5)),
        rs.getString(6),
        instant(rs, 7));
  }
}
