package org.cluetrain.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an audit log entry records. Its {@link #label()} is what the log stores and shows. */
public enum AuditKind {
  SIGN_IN,
  SIGN_IN_FAILED,
  SIGN_OUT,
  USER_CREATED,
  USER_CHANGED,
  USER_REMOVED,
  ROLE_CHANGED,
  PASSWORD_CHANGED,
  PASSWORD_RESET,
  TOKEN_ISSUED,
  TOKEN_REVOKED,
  EXPORT,
  CONFIGURATION_CHANGED,
  RETENTION_RUN,
  ERASURE,
  PSEUDONYM_REVEAL;

  /** The kind as written in the log, the API and filters: lower case with dashes. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind of a label (or of its upper-case name); names the labels it knows when it fails. */
  public static AuditKind parse(String label) {
    for (AuditKind kind : values()) {
      if (kind.label().equals(label) || kind.name().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown audit event kind '"
            + label
            + "': use one of "
            + Arrays.stream(values()).map(AuditKind::label).collect(Collectors.joining(", ")));
  }
}
