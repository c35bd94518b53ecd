/**
 * Report: the "measure" figures of a project for a period, computed once from the roll-ups and the
 * searchable store ({@link org.cluetrain.report.OverviewReport}), so that the web pages, the HTTP
 * API and the command line show the same numbers. A new report is a record built from the store
 * ports, never from all posts.
 *
 * <p>A defined report ({@link org.cluetrain.report.ReportDefinition}: sections, a {@link
 * org.cluetrain.report.PeriodKind}, a language, a {@link org.cluetrain.report.ReportSchedule}) is
 * built as a {@link org.cluetrain.report.Report}: the overview of its period and of the period
 * before, the figures compared, the alerts raised and how the inbox kept up. To add a section, add
 * it to {@link org.cluetrain.report.ReportSection}, add what it needs to {@code Report}, and show
 * it in the web module's report template.
 */
package org.cluetrain.report;
