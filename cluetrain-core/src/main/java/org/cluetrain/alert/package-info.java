/**
 * Early warning: rules that say which detector watches what, the engine that runs them over the
 * stream of stored posts per saved query, and alerts that explain themselves.
 *
 * <p>{@link org.cluetrain.alert.AlertEngine} runs the {@link org.cluetrain.alert.AlertRule}s: live,
 * after the pipeline stores a batch, and in a backtest, over a replay of stored history. Both use
 * the same code, so a backtest shows what the live rules would have done. It keeps each query's
 * activity and tests it with the statistics of {@link org.cluetrain.detect}; four detectors ({@link
 * org.cluetrain.detect.DetectorKind}):
 *
 * <ul>
 *   <li><b>volume</b> — more posts (or more posts of one sentiment) than the hour of the week leads
 *       to expect. The expectation is a robust level times an hour-of-week profile learned from the
 *       history; the test is Poisson for small counts and negative binomial where the history
 *       varies more than Poisson (see {@code SeasonalBaseline});
 *   <li><b>negative-share</b> — the share of negative posts jumps (binomial test against the
 *       history's share, plus a minimum rise);
 *   <li><b>new-voices</b> — many posts by authors never seen on the query, or a source never seen
 *       carrying many posts;
 *   <li><b>spillover</b> — a surge in niche sources (forums, blogs, comments) followed by news
 *       posts sharing its words; the alert gives the niche sources' lead time.
 * </ul>
 *
 * Every {@link org.cluetrain.alert.Alert} carries an {@link org.cluetrain.alert.Explanation}:
 * observed and expected, window and baseline, test and score, top terms, sources and example posts.
 *
 * <p>To add a detector: add its kind, a method in the engine that returns a finding for a window,
 * and a synthetic series in the tests where it must fire and one where it must stay quiet. Delivery
 * ({@link org.cluetrain.alert.Notifier}) and storage ({@link org.cluetrain.alert.AlertStore}) are
 * interfaces the application implements.
 */
package org.cluetrain.alert;
