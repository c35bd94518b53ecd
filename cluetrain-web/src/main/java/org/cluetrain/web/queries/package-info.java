/**
 * The saved-queries part of the interface: the list of a project's queries with their recent
 * matches and problems, the editor that shows syntax errors in place and previews a query on stored
 * history while it is typed (htmx), and the query endpoints of the JSON API. The rules — how the
 * interface's queries merge with the workspace file's, examples on save, applying to history — live
 * in {@code org.cluetrain.app.query.QueryCatalog}.
 */
package org.cluetrain.web.queries;
