/**
 * Queries as code and as the running set: {@link org.cluetrain.app.query.QueryExamples} runs saved
 * queries against their must-match and must-not-match examples with the same matcher the live
 * stream uses; {@link org.cluetrain.app.query.QueryCatalog} merges the workspace file's queries
 * with those saved in the web interface, registers every change in the live matcher at once and
 * applies a query to stored history on request; {@link org.cluetrain.app.query.QueryPreview} shows
 * what a query finds in history before it is saved.
 */
package org.cluetrain.app.query;
