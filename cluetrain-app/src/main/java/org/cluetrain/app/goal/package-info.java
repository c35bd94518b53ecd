/**
 * Goals of the workspace's projects, measured: {@link org.cluetrain.app.goal.Goals} finds a
 * project's goals and measures them with a {@link org.cluetrain.report.goal.GoalTracker} over the
 * overview figures, and gives their progress in the form the HTTP API and the command line show.
 */
package org.cluetrain.app.goal;
