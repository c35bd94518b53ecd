package org.cluetrain.store;

import java.time.Instant;

/**
 * Matched posts of one saved query in one hour with one sentiment label: the grain that
 * sentiment-over-time charts read.
 *
 * @param sentiment the post's sentiment label, e.g. {@code negative}
 */
public record HourlySentiment(String queryId, Instant hour, String sentiment, long posts) {}
