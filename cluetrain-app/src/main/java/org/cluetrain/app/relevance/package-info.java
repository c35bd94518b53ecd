/**
 * Relevance per project, learned from the analysts' labels with active learning: label a post, the
 * model retrains in seconds, and the loop proposes the posts it is least sure about next. The CLI
 * ({@code cluetrain label}) and the HTTP API ({@code /api/projects/{p}/labels}) drive it.
 */
package org.cluetrain.app.relevance;
