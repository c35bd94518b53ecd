/**
 * Queries as code: running saved queries against their must-match and must-not-match examples, and
 * single texts against a query, with the same matcher the live stream uses.
 */
package org.cluetrain.app.query;
