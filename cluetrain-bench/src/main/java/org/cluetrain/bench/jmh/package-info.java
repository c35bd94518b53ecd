/**
 * JMH micro-benchmarks of single stages (language identification, SimHash, entities, matching,
 * query parsing). Run them with the command in {@code docs/benchmarks.md}.
 */
package org.cluetrain.bench.jmh;
