/**
 * Enrich: adding what a post does not say about itself.
 *
 * <p>Stages run in order on every post: {@code entities} (links, mentions, hashtags from the text),
 * {@code language} (ISO 639-1 code), {@code duplicate} (SimHash fingerprint and the earlier post it
 * copies). Classifiers (sentiment, relevance, spam, offensive language) are further {@link
 * org.cluetrain.enrich.Enricher}s that put a {@link org.cluetrain.model.Label} into {@link
 * org.cluetrain.model.Post#labels()} under their task name; to add one, implement the interface and
 * add it to the application's enricher list. Each stage must be thread-safe and total: odd text
 * yields a defined result, never an exception.
 */
package org.cluetrain.enrich;
