/**
 * Goals: what a project wants to reach, measured over quarters and years. A {@link
 * org.cluetrain.report.goal.Goal} names a {@link org.cluetrain.report.goal.Kpi}, the period its
 * baseline is measured over, a target, a horizon and a check-in {@link
 * org.cluetrain.report.goal.Cadence}; {@link org.cluetrain.report.goal.GoalProgress} holds what was
 * measured at each check-in, the least-squares trend through it and the forecast it gives for the
 * end of the horizon.
 *
 * <p>Every KPI is read from the {@link org.cluetrain.report.OverviewReport} of a period, so a goal
 * counts exactly what the overview shows. A new KPI is a constant of {@link
 * org.cluetrain.report.goal.Kpi} that reads a figure of that report.
 */
package org.cluetrain.report.goal;
