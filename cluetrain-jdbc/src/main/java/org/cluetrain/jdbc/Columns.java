package org.cluetrain.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How the ledger tables keep values that SQL has no one type for: lists and optional instants. */
final class Columns {
  /** Separates list items inside one text column (ASCII unit separator: never in user text). */
  static final String SEPARATOR = "\u001f";

  private Columns() {}

  static List<String> split(@Nullable String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
  }

  static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  static @Nullable Instant instant(ResultSet rs, int index) throws SQLException {
    long millis = rs.getLong(index);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
