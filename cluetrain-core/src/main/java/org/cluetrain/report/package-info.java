/**
 * Report: the "measure" figures of a project for a period, computed once from the roll-ups and the
 * searchable store ({@link org.cluetrain.report.OverviewReport}), so that the web pages, the HTTP
 * API and the command line show the same numbers. A new report is a record built from the store
 * ports, never from all posts.
 */
package org.cluetrain.report;
