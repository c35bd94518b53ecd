/**
 * Cluetrain's benchmarks: the end-to-end firehose with its baselines, and JMH benchmarks of the
 * stages. Results, with the machine and the date, go to {@code docs/benchmarks.md}, newest first.
 *
 * <h2>Running them</h2>
 *
 * Build once from the repository root; this writes {@code
 * cluetrain-bench/target/cluetrain-bench.jar} and its dependencies to {@code target/lib}:
 *
 * <pre>
 * mvn -q -pl cluetrain-bench -am package -DskipTests
 * </pre>
 *
 * The firehose ({@link org.cluetrain.bench.Firehose}), from the repository root, with the shared
 * data in {@code ../shared/data} (or {@code --data DIR}):
 *
 * <pre>
 * java -Xmx4g -jar cluetrain-bench/target/cluetrain-bench.jar --posts 20000 --queries 1000,10000 --runs 3
 * </pre>
 *
 * The JMH benchmarks (all, or a regular expression such as {@code Matching}):
 *
 * <pre>
 * java -cp cluetrain-bench/target/cluetrain-bench.jar org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 *
 * Without the shared data the firehose prints {@code skipped: shared data not present} and exits 0.
 *
 * <h2>What is measured</h2>
 *
 * <ul>
 *   <li>{@link org.cluetrain.bench.Corpus}: the real texts (airline tweets, YouTube comments,
 *       German and English labelled sets), read once and mixed with a fixed seed; {@link
 *       org.cluetrain.bench.PostReplay} replays them with fresh ids and advancing timestamps.
 *   <li>{@link org.cluetrain.bench.QuerySetGenerator}: a reproducible set of saved queries in
 *       realistic shapes (OR-lists, phrases with AND, NEAR, wildcards, NOT, {@code lang:}, a few of
 *       100+ terms).
 *   <li>The firehose runs the embedded runtime's pipeline in batches, then, over the same posts,
 *       the plain Lucene monitor (baseline a, whose matches must be identical to those the pipeline
 *       recorded) and the analyzer alone (baseline b); then each stage on its own.
 *   <li>{@code org.cluetrain.bench.jmh}: language identification, SimHash, entity extraction,
 *       matching at 1,000 and 10,000 queries, query parsing.
 * </ul>
 *
 * <h2>Adding a benchmark</h2>
 *
 * A new stage gets a JMH class in {@code org.cluetrain.bench.jmh} over {@code BenchData}'s posts,
 * and a line in {@code StageCosts}, so that the firehose reports it beside the others.
 */
package org.cluetrain.bench;
