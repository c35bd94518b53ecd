/**
 * Query: Cluetrain's query language, the one way a project says what it listens for.
 *
 * <p>{@link org.cluetrain.query.QueryParser#parse(String)} turns text such as
 *
 * <pre>
 * ("deutsche bahn" OR db OR bahn*) NEAR/5 (streik* OR verspätung*) lang:de -werbung
 * </pre>
 *
 * into a sealed {@link org.cluetrain.query.QueryNode} tree, or fails with a {@link
 * org.cluetrain.query.QuerySyntaxException} that names the 1-based position and what was expected
 * there. The tree is engine-neutral: every matching or search engine compiles it its own way, and
 * the compatibility tests prove that live matching and search over history agree.
 *
 * <p>Precedence, tightest first: {@code NEAR/n} and {@code ONEAR/n}, then {@code NOT} (and {@code
 * -}), then {@code AND} (or just whitespace), then {@code OR}. The user guide with examples is
 * {@code docs/query-language.md}.
 *
 * <p>A {@link org.cluetrain.query.SavedQuery} is a query as a project keeps it: named, versioned
 * text with examples it must and must not match.
 *
 * <p>To add syntax: add a record to {@code QueryNode}, extend the parser and the record's {@code
 * toQueryString} so that parse and print stay inverse, teach every engine's compiler the new node,
 * and add examples to the parser tests and to the engines' matching table.
 */
package org.cluetrain.query;
