package org.cluetrain.app.alert;

import java.time.Instant;
import java.util.List;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertEngine;
import org.cluetrain.alert.AlertRule;

/**
 * What a backtest found: the alerts the rules would have raised in the period, with their
 * explanations.
 *
 * @param project the project
 * @param since the start of the period the alerts were collected for
 * @param until its end (exclusive)
 * @param replayedFrom where the replay started: earlier, so that the baselines had history
 * @param posts posts replayed
 * @param rules the rules tested
 * @param alerts the alerts, oldest first
 * @param engine what the detectors did (tests run, alerts held back by cooldowns)
 */
public record BacktestReport(
    String project,
    Instant since,
    Instant until,
    Instant replayedFrom,
    long posts,
    List<AlertRule> rules,
    List<Alert> alerts,
    AlertEngine.Stats engine) {
  public BacktestReport {
    rules = List.copyOf(rules);
    alerts = List.copyOf(alerts);
  }
}
