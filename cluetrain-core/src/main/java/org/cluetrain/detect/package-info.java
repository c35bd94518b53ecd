/**
 * Detection: what the alert engine knows of each saved query's stream and the statistics that say
 * whether a window of it is unusual. Nothing here knows of alerts, rules or their delivery; {@link
 * org.cluetrain.alert} builds on it.
 *
 * <ul>
 *   <li>{@link org.cluetrain.detect.QueryActivity}: one query's hourly and minute counts per
 *       measure, its recent posts ({@link org.cluetrain.detect.PostTrace}), the authors, sources
 *       and words seen, bounded to the longest baseline;
 *   <li>{@link org.cluetrain.detect.SeasonalBaseline}: the expected count of an hour, a robust
 *       level times an hour-of-week profile, with the history's dispersion;
 *   <li>{@link org.cluetrain.detect.TailProbability}: how surprising an observed count is (Poisson,
 *       negative binomial, binomial tails);
 *   <li>{@link org.cluetrain.detect.DetectorKind} and {@link org.cluetrain.detect.Sensitivity}: the
 *       detectors a rule can name and how surprising a finding must be.
 * </ul>
 */
package org.cluetrain.detect;
