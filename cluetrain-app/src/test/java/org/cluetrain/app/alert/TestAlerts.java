package org.cluetrain.app.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.Explanation;
import org.cluetrain.detect.DetectorKind;

/** Alerts to deliver in the delivery tests (the detectors are tested in the core). */
final class TestAlerts {
  private TestAlerts() {}

  static Alert alert(String id, String group) {
    Instant at = Instant.parse("2026-03-06T10:40:00Z");
    Explanation why =
        new Explanation(
            "Posts on acme/brand: 30 in the hour to 2026-03-06 10:40 UTC, 12.0× the 2.5 expected"
                + " for this hour of the week (score 19.3).",
            30,
            2.5,
            "posts",
            at.minus(Duration.ofHours(1)),
            at,
            at.minus(Duration.ofDays(4)),
            at.minus(Duration.ofHours(2)),
            "4 days of history",
            "Poisson",
            5e-20,
            19.3,
            List.of(new Explanation.TermCount("recall", 30, 300)),
            List.of(new Explanation.SourceCount("csv:acme.csv", 30)),
            List.of(
                new Explanation.ExamplePost(
                    "b1", at, "csv:acme.csv", "worried1", "acme battery recall: my phone got hot")),
            null);
    return new Alert(id, "acme", "volume", DetectorKind.VOLUME, "acme/brand", null, group, at, why);
  }
}
