/**
 * The pipeline: ingest → enrich → match → store, one batch at a time.
 *
 * <p>{@link org.cluetrain.pipeline.ListeningPipeline} wires the stages; the same class runs for
 * file imports and live polling in the embedded mode. Stages are interfaces of the core; the
 * application chooses their implementations (Lucene, SQLite, …).
 */
package org.cluetrain.pipeline;
