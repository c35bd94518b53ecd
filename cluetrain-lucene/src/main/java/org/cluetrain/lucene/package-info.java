/**
 * Cluetrain on Lucene: the query language compiled to Lucene queries, live matching with Lucene's
 * monitor, and the embedded searchable store.
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * try (QueryMatcher matcher = new MonitorQueryMatcher();
 *     PostStore store = new LucenePostStore(indexDirectory)) {
 *   List<QueryProblem> problems = matcher.replaceQueries(savedQueries); // bad queries reported
 *   MatchBatch batch = matcher.match(posts);                            // one monitor call
 *   store.store(storedPostsWithTheirMatches);                           // durable on return
 *   SearchPage page = store.search(SearchRequest.of("bahn* NEAR/3 streik lang:de"));
 * }
 * }</pre>
 *
 * <h2>Why matching and search agree</h2>
 *
 * Both sides build documents with the same fields ({@code PostDocuments}), analyse them with the
 * same {@link org.cluetrain.lucene.PostAnalyzer} and compile queries with the same {@link
 * org.cluetrain.lucene.LuceneQueryCompiler}. The compatibility test {@code
 * SearchFindsWhatMatchingFoundContract} proves it on a mixed German and English corpus; another
 * engine (e.g. a distributed store) proves the same by extending that test.
 *
 * <h2>Fields</h2>
 *
 * {@code text} (title and text, with positions), {@code title}, and the keyword fields {@code
 * lang}, {@code source} (id, type, name), {@code author} (id, name, handle), {@code site} (host and
 * each parent domain), {@code kind}, {@code hashtag}, {@code mention}, all normalised like words.
 * The store adds {@code id}, {@code project}, {@code thread}, {@code matched_query}, {@code
 * published} (epoch nanoseconds) and a stored JSON copy of the post.
 *
 * <h2>Extending</h2>
 *
 * A new query node is compiled in {@code LuceneQueryCompiler}; a new searchable post field is added
 * in {@code PostDocuments}, where it serves matching and the store at once. Add rows to the
 * matching table test for either.
 */
package org.cluetrain.lucene;
