/**
 * Match: deciding, for every incoming post, which saved queries it satisfies.
 *
 * <p>The query language is parsed once into an {@link org.cluetrain.query.QueryNode} tree; a {@link
 * org.cluetrain.match.QueryMatcher} compiles those trees for its engine. The embedded engine is
 * Lucene's monitor (module {@code cluetrain-lucene}); any other engine must pass the same
 * compatibility tests, which include "search finds what matching found".
 */
package org.cluetrain.match;
