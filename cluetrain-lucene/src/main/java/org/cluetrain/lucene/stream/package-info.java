/**
 * Live matching compiled from the query language: the {@link
 * org.cluetrain.lucene.stream.StreamQueryMatcher}, which gives exactly the matches of Lucene's
 * monitor ({@code MonitorQueryMatcher}, kept as the reference) at a fraction of its cost per post.
 *
 * <p>How it works:
 *
 * <ol>
 *   <li><b>Compile once.</b> Every saved query is parsed to a {@code QueryNode} and compiled into a
 *       condition tree over one shared vocabulary: each word, wildcard prefix and keyword value
 *       (per field) gets an id. Words are analysed with {@code PostAnalyzer} exactly as {@code
 *       LuceneQueryCompiler} analyses them.
 *   <li><b>Required evidence.</b> For each query the {@code EvidencePlan} chooses a set of ids of
 *       which every matching post must contain one: the cheapest operand of an AND, the union of an
 *       OR's operands, a phrase's or a NEAR's cheapest word, a wildcard's prefix, a filter's value.
 *       "Cheapest" is first guessed (short words and wildcards are common, {@code lang:} is on
 *       every post) and then learned: the matcher counts how many posts contain each id and plans
 *       anew after 1,000, 10,000, 100,000 and 1,000,000 posts. A plan only decides which queries
 *       are evaluated, never what matches. Queries with no required evidence ({@code bahn OR NOT
 *       zug}) go to a small always-run list; {@link
 *       org.cluetrain.lucene.stream.StreamQueryMatcher#runsOnEveryPost} says which, so that {@code
 *       query check} can warn about them.
 *   <li><b>Analyse each post once.</b> The post's text (and title, when a query looks at titles)
 *       goes through {@code PostAnalyzer} once; each token is looked up in the word table and
 *       walked down a trie of the registered prefixes. What remains is, per id the post contains,
 *       its positions.
 *   <li><b>Evaluate only candidates.</b> The ids present select the candidate queries; each is
 *       evaluated on the post's positions. Phrases are position checks; {@code NEAR/n} and {@code
 *       ONEAR/n} run a port of Lucene's span iterators ({@code NearSpansOrdered}, {@code
 *       NearSpansUnordered}, span-OR, gaps) on the post's positions, so that nested NEARs,
 *       OR-groups and wildcards inside NEAR agree with Lucene to the last quirk.
 * </ol>
 *
 * <p>To extend the query language, add the node to {@code QueryCompiler} beside {@code
 * LuceneQueryCompiler}, and a case to the equality property test that compares this matcher with
 * the monitor.
 */
package org.cluetrain.lucene.stream;
