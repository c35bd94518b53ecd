/**
 * Saved web pages ({@link org.cluetrain.formats.web.WebPageReader}): the article found by a content
 * heuristic, and the comment section where it follows a known pattern.
 *
 * <p>To support another comment system's markup, add its list selector and its author, date and
 * content selectors to the reader; to improve the article heuristic, add a content container
 * selector before the density fallback.
 */
package org.cluetrain.formats.web;
