package org.cluetrain.connectors.feed;

import java.time.Duration;

/** Sizes and durations the way messages show them to users: {@code 20 MB}, {@code 2 s}. */
public final class HumanUnits {
  private HumanUnits() {}

  public static String bytes(long bytes) {
    long mb = 1024 * 1024;
    if (bytes >= mb && bytes % mb == 0) {
      return bytes / mb + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }

  public static String duration(Duration duration) {
    if (duration.toMillis() % 1000 != 0) {
      return duration.toMillis() + " ms";
    }
    return duration.toSeconds() + " s";
  }
}
